/* cli_method.c — `varde methodology check DIR…`: report every problem in a
 * methodology folder as file:line: message; exit 1 if there is any error. */
#include <stdio.h>
#include <string.h>

#include "../db/migrate.h"
#include "../method/method.h"
#include "../method/registry.h"
#include "cli.h"

int cli_methodology_check(int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde methodology check DIR...\n");
		return 2;
	}
	int rc = 0;
	for (int i = 0; i < argc; i++) {
		struct m_file *files = NULL;
		char err[512];
		int n = method_read_dir(argv[i], &files, err, sizeof err);
		if (n < 0) {
			fprintf(stderr, "varde: %s\n", err);
			rc = 1;
			continue;
		}
		struct m_diag d = {.prefix = argv[i]};
		struct methodology *m = method_load(files, n, &d);
		fputs(buf_str(&d.out), stdout);
		if (m) {
			int ntools = m->ntools, nsteps = 0;
			for (int p = 0; p < m->nphases; p++)
				nsteps += m->phases[p].nsteps;
			printf("%s: %s %s (%.12s): %d phases, %d steps, %d tools, %d warnings\n", argv[i], m->key, m->version,
			       m->hash, m->nphases, nsteps, ntools, d.warnings);
		} else {
			printf("%s: %d errors, %d warnings\n", argv[i], d.errors, d.warnings);
			rc = 1;
		}
		method_free(m);
		method_files_free(files, n);
		buf_free(&d.out);
	}
	return rc;
}

/* `varde methodology import DIR…` — check each folder and store it as a new
 * version; the servers pick it up on their next guide or project request. */
int cli_methodology_import(const struct config *cfg, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde methodology import DIR...\n");
		return 2;
	}
	char err[2048];
	struct db *db = db_open(cfg->db_url, err, sizeof err);
	if (!db || migrate_run(db, err, sizeof err) != 0) {
		fprintf(stderr, "varde: %s\n", err);
		db_close(db);
		return 1;
	}
	struct method_registry reg;
	if (registry_init(&reg, db, err, sizeof err) != 0) {
		fprintf(stderr, "varde: %s\n", err);
		db_close(db);
		return 1;
	}
	int rc = 0;
	for (int i = 0; i < argc && rc == 0; i++) {
		struct m_file *files = NULL;
		int n = method_read_dir(argv[i], &files, err, sizeof err);
		if (n < 0) {
			fprintf(stderr, "varde: %s\n", err);
			rc = 1;
			break;
		}
		struct m_diag d = {.prefix = argv[i]};
		long long id = registry_import(&reg, db, files, n, &d);
		fputs(buf_str(&d.out), stdout);
		if (id < 0)
			rc = 1;
		else if (id == 0)
			printf("%s: this content is already stored; nothing changed\n", argv[i]);
		else
			printf("%s: stored as methodology version %lld\n", argv[i], id);
		buf_free(&d.out);
		method_files_free(files, n);
	}
	registry_free(&reg);
	db_close(db);
	return rc;
}
