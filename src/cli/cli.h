/* cli.h — the `varde` subcommands other than serve. Each returns the process
 * exit status: 0 success, 1 failure (message on stderr), 2 bad usage. */
#ifndef VARDE_CLI_H
#define VARDE_CLI_H
#include "../app/config.h"

int cli_migrate(const struct config *cfg);
int cli_user(const struct config *cfg, int argc, char **argv);
int cli_org(const struct config *cfg, int argc, char **argv);
int cli_backup(const struct config *cfg, int argc, char **argv);
int cli_restore(const struct config *cfg, int argc, char **argv);
int cli_routes(void);
/* varde methodology check DIR… */
int cli_methodology_check(int argc, char **argv);
/* varde methodology import DIR… */
int cli_methodology_import(const struct config *cfg, int argc, char **argv);
/* varde demo: fill an empty database with an invented example (cli_demo.c). */
int cli_demo(const struct config *cfg, int argc, char **argv);
/* Create the first site administrator if there are no users, printing the
 * one-time link. Used by `varde serve` on an empty database, with a
 * connection of the server's pool (the schema is already up to date). */
int cli_first_admin(struct db *db, const char *base_url);

#endif
