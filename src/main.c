/* main.c — the `varde` command: settings, then the subcommand.
 *
 *   varde serve [--listen ADDR:PORT] [--db URL] [--config FILE] [--threads N]
 *   varde migrate | user … | org … | backup FILE | restore FILE | routes
 *   varde --version | --help
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "cli/cli.h"
#include "http/server.h"

#ifndef VARDE_VERSION
#define VARDE_VERSION "0.1.0"
#endif

static void usage(FILE *f)
{
	fprintf(f, "varde %s — service innovation along a methodology\n\n"
		   "usage: varde [OPTIONS] COMMAND [ARGS]\n\n"
		   "commands:\n"
		   "  serve                 serve the web application (default http://localhost:8080)\n"
		   "  migrate               create or update the database schema\n"
		   "  user add EMAIL NAME [--admin] [--org ID [--role admin|member]]\n"
		   "  user passwd EMAIL     print a one-time link to set a new password\n"
		   "  user list\n"
		   "  org add NAME KIND [--orgnr N] [--kommunenr N]\n"
		   "  org list\n"
		   "  backup FILE           consistent online copy of the database\n"
		   "  restore FILE          replace the database with a backup (server stopped)\n"
		   "  routes                list every URL the server answers\n"
		   "  demo                  fill an empty database with an invented example\n"
		   "  methodology check DIR report every problem in a methodology folder\n"
		   "  methodology import DIR check a methodology folder and store it as a new version\n\n"
		   "options (also as environment variables or in a config file):\n"
		   "  --db URL              sqlite:PATH (default sqlite:var/varde.db) or postgresql://…   VARDE_DB\n"
		   "  --listen ADDR:PORT    default 127.0.0.1:8080                                     VARDE_LISTEN\n"
		   "  --threads N           HTTP worker threads, default 4                             VARDE_THREADS\n"
		   "  --base-url URL        how users reach this server (for printed links)            VARDE_BASE_URL\n"
		   "  --secure-cookies      mark cookies Secure (when served over TLS)                 VARDE_SECURE_COOKIES\n"
		   "  --config FILE         lines 'key = value' with the keys above                    VARDE_CONFIG\n"
		   "  --quiet               no request log\n"
		   "  --version, --help\n",
		VARDE_VERSION);
}

/* Settings: defaults < config file < environment < flags. Flags are removed
 * from argv; returns the new argc, or -1 on a bad setting. */
static int settings(struct config *cfg, int argc, char **argv)
{
	char err[600];
	const char *file = getenv("VARDE_CONFIG");
	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--config") == 0)
			file = argv[i + 1];
	config_defaults(cfg);
	if (file && config_load_file(cfg, file, err, sizeof err) != 0)
		goto bad;
	if (config_from_env(cfg, err, sizeof err) != 0)
		goto bad;
	int out = 1;
	for (int i = 1; i < argc; i++) {
		static const char *const valued[] = {"--db", "--listen", "--threads", "--base-url", "--session-idle",
						     "--session-max"};
		int used = 0;
		for (size_t k = 0; k < sizeof valued / sizeof valued[0]; k++) {
			if (strcmp(argv[i], valued[k]) == 0) {
				if (i + 1 >= argc) {
					snprintf(err, sizeof err, "%s needs a value", argv[i]);
					goto bad;
				}
				if (config_set(cfg, valued[k] + 2, argv[i + 1], err, sizeof err) != 0)
					goto bad;
				i++;
				used = 1;
			}
		}
		if (used)
			continue;
		if (strcmp(argv[i], "--config") == 0) {
			i++;
		} else if (strcmp(argv[i], "--secure-cookies") == 0) {
			cfg->secure_cookies = true;
		} else if (strcmp(argv[i], "--quiet") == 0) {
			cfg->quiet = true;
		} else {
			argv[out++] = argv[i];
		}
	}
	return out;
bad:
	fprintf(stderr, "varde: bad setting: %s\n", err);
	return -1;
}

static int cmd_serve(const struct config *cfg)
{
	char err[600];
	struct app app;
	if (app_init(&app, cfg, cfg->threads + 2, err, sizeof err) != 0) {
		fprintf(stderr, "varde: %s\n", err);
		return 1;
	}
	struct db *db = db_pool_acquire(app.pool);
	int rc = cli_first_admin(db, app.cfg.base_url);
	db_pool_release(app.pool, db);
	if (rc == 0 && server_run(&app, err, sizeof err) != 0) {
		fprintf(stderr, "varde: %s\n", err);
		rc = 1;
	}
	app_close(&app);
	return rc;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("varde %s\n", VARDE_VERSION);
			return 0;
		}
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		}
	}
	struct config cfg;
	argc = settings(&cfg, argc, argv);
	if (argc < 0)
		return 2;
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "serve") == 0)
		return cmd_serve(&cfg);
	if (strcmp(cmd, "migrate") == 0)
		return cli_migrate(&cfg);
	if (strcmp(cmd, "user") == 0)
		return cli_user(&cfg, argc - 2, argv + 2);
	if (strcmp(cmd, "org") == 0)
		return cli_org(&cfg, argc - 2, argv + 2);
	if (strcmp(cmd, "backup") == 0)
		return cli_backup(&cfg, argc - 2, argv + 2);
	if (strcmp(cmd, "restore") == 0)
		return cli_restore(&cfg, argc - 2, argv + 2);
	if (strcmp(cmd, "routes") == 0)
		return cli_routes();
	if (strcmp(cmd, "demo") == 0)
		return cli_demo(&cfg, argc - 2, argv + 2);
	if (strcmp(cmd, "methodology") == 0 && argc >= 3 && strcmp(argv[2], "check") == 0)
		return cli_methodology_check(argc - 3, argv + 3);
	if (strcmp(cmd, "methodology") == 0 && argc >= 3 && strcmp(argv[2], "import") == 0)
		return cli_methodology_import(&cfg, argc - 3, argv + 3);
	fprintf(stderr, "varde: unknown command \"%s\" (see varde --help)\n", cmd);
	return 2;
}
