/* cli_user.c — `varde user add|passwd|list`, `varde org add|list`,
 * `varde migrate` and `varde routes`: administration from the shell, using
 * the same rules (accounts.c) as the admin pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/accounts.h"
#include "../app/router.h"
#include "../app/security.h"
#include "../core/text.h"
#include "../db/migrate.h"
#include "../method/registry.h"
#include "../project/project.h"
#include "../store/store.h"
#include "cli.h"

/* Open one connection and bring the schema up to date. */
static struct db *cli_open(const struct config *cfg)
{
	char err[512];
	struct db *db = db_open(cfg->db_url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "varde: %s\n", err);
		return NULL;
	}
	if (migrate_run(db, err, sizeof err) != 0) {
		fprintf(stderr, "varde: %s\n", err);
		db_close(db);
		return NULL;
	}
	return db;
}

int cli_migrate(const struct config *cfg)
{
	struct db *db = cli_open(cfg);
	if (!db)
		return 1;
	/* Also record the built-in methodologies' versions. */
	struct method_registry reg;
	char err[2048];
	int rc = registry_init(&reg, db, err, sizeof err);
	long long scored = 0;
	if (rc == 0)
		rc = project_progress_backfill(db, &reg, &scored, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "varde: %s\n", err);
	else
		printf("schema is at version %d; %d methodology versions known; progress stored for %lld tool entries\n",
		       migrate_latest(), reg.n, scored);
	registry_free(&reg);
	db_close(db);
	return rc ? 1 : 0;
}

static void cli_print_link(const char *base_url, const char *token)
{
	printf("%s/set-password/%s\n", base_url, token);
}

static const char *cli_base(const struct config *cfg, char *buf, size_t n)
{
	if (cfg->base_url[0])
		return cfg->base_url;
	snprintf(buf, n, "http://localhost:%d", cfg->listen_port);
	return buf;
}

/* Run fn's writes in one transaction; prints the error text on failure. */
static int cli_finish(struct db *db, enum acct_err e)
{
	if (e != ACCT_OK || db_commit(db) != 0) {
		db_rollback(db);
		fprintf(stderr, "varde: %s\n", e != ACCT_OK ? acct_err_text(e) : db_errmsg(db));
		return 1;
	}
	return 0;
}

int cli_user(const struct config *cfg, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde user add EMAIL NAME [--admin] [--org ID [--role admin|member]]\n"
				"       varde user passwd EMAIL\n       varde user list\n");
		return 2;
	}
	struct db *db = cli_open(cfg);
	if (!db)
		return 1;
	char base[300];
	int rc = 0;
	if (strcmp(argv[0], "add") == 0 && argc >= 3) {
		bool admin = false;
		long long org = 0;
		const char *role = "member";
		for (int i = 3; i < argc; i++) {
			if (strcmp(argv[i], "--admin") == 0)
				admin = true;
			else if (strcmp(argv[i], "--org") == 0 && i + 1 < argc)
				text_parse_ll(argv[++i], &org);
			else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
				role = argv[++i];
		}
		long long id = 0;
		char token[44];
		db_begin_write(db);
		enum acct_err e = accounts_create_user(db, argv[1], argv[2], admin, &id);
		if (e == ACCT_OK && org && (strcmp(role, "admin") && strcmp(role, "member")))
			e = ACCT_ROLE_INVALID;
		if (e == ACCT_OK && org && store_membership_set(db, id, org, role) != STORE_OK)
			e = ACCT_DB_ERROR;
		if (e == ACCT_OK)
			e = accounts_issue_setpw(db, id, 7, token);
		rc = cli_finish(db, e);
		if (!rc) {
			printf("created user %lld; the user chooses a password at:\n", id);
			cli_print_link(cli_base(cfg, base, sizeof base), token);
		}
	} else if (strcmp(argv[0], "passwd") == 0 && argc >= 2) {
		struct user u = {0};
		char *email = text_trim_dup(argv[1]);
		text_ascii_lower(email);
		char token[44];
		if (store_user_by_email(db, email, &u) != STORE_OK) {
			fprintf(stderr, "varde: no user with e-mail %s\n", email);
			rc = 1;
		} else {
			db_begin_write(db);
			rc = cli_finish(db, accounts_issue_setpw(db, u.id, 7, token));
			if (!rc) {
				printf("one-time link for %s (valid 7 days):\n", u.email);
				cli_print_link(cli_base(cfg, base, sizeof base), token);
			}
		}
		user_free(&u);
		free(email);
	} else if (strcmp(argv[0], "list") == 0) {
		struct db_stmt *s = store_user_list(db, 1000000, 0);
		while (db_step(s) == DB_ROW)
			printf("%lld\t%s\t%s%s%s\n", db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2),
			       db_col_int(s, 4) ? "\tsite-admin" : "", db_col_null(s, 3) ? "\t(no password yet)" : "");
		db_reset(s);
	} else {
		fprintf(stderr, "varde user: unknown or incomplete command\n");
		rc = 2;
	}
	db_close(db);
	return rc;
}

int cli_org(const struct config *cfg, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde org add NAME KIND [--orgnr NNNNNNNNN] [--kommunenr NNNN]\n"
				"       varde org list\nkinds:");
		for (size_t i = 0; i < org_kind_count; i++)
			fprintf(stderr, " %s", org_kinds[i].key);
		fprintf(stderr, "\n");
		return 2;
	}
	struct db *db = cli_open(cfg);
	if (!db)
		return 1;
	int rc = 0;
	if (strcmp(argv[0], "add") == 0 && argc >= 3) {
		const char *orgnr = NULL, *knr = NULL;
		for (int i = 3; i + 1 < argc; i++) {
			if (strcmp(argv[i], "--orgnr") == 0)
				orgnr = argv[++i];
			else if (strcmp(argv[i], "--kommunenr") == 0)
				knr = argv[++i];
		}
		long long id = 0;
		db_begin_write(db);
		rc = cli_finish(db, accounts_create_org(db, argv[1], argv[2], orgnr, knr, &id));
		if (!rc)
			printf("created organisation %lld\n", id);
	} else if (strcmp(argv[0], "list") == 0) {
		struct db_stmt *s = store_org_list(db, 1000000, 0);
		while (db_step(s) == DB_ROW)
			printf("%lld\t%s\t%s\t%s\t%s\n", db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2),
			       db_col_text(s, 3), db_col_text(s, 4));
		db_reset(s);
	} else {
		fprintf(stderr, "varde org: unknown or incomplete command\n");
		rc = 2;
	}
	db_close(db);
	return rc;
}

int cli_routes(void)
{
	for (size_t i = 0; i < route_count; i++)
		printf("%s %s %s\n", route_table[i].method, route_table[i].pattern, route_table[i].handler_name);
	return 0;
}

int cli_first_admin(struct db *db, const char *base_url)
{
	int rc = 0;
	if (db_begin_write(db) == 0 && store_user_count(db) == 0) {
		const char *email = getenv("VARDE_ADMIN_EMAIL");
		long long id = 0;
		char token[44];
		enum acct_err e = accounts_create_user(db, email ? email : "admin@varde.local", "Administrator", true, &id);
		if (e == ACCT_OK)
			e = accounts_issue_setpw(db, id, 7, token);
		rc = cli_finish(db, e);
		if (!rc) {
			printf("\n  First start: a site administrator was created (%s).\n"
			       "  Open this one-time link to choose the password, then log in:\n\n    ",
			       email ? email : "admin@varde.local");
			cli_print_link(base_url, token);
			printf("\n");
			fflush(stdout);
		}
	} else {
		db_rollback(db);
	}
	return rc;
}
