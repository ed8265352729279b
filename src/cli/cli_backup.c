/* cli_backup.c — `varde backup FILE` and `varde restore FILE`.
 *
 * SQLite: backup uses SQLite's online backup API, a consistent snapshot taken
 * while the server keeps serving (WAL readers do not block writers). restore
 * checks the file (integrity_check) and copies it into place with the same
 * API; stop the server first.
 * PostgreSQL: the job belongs to PostgreSQL's own tools, so we run pg_dump
 * (custom format, consistent snapshot) and pg_restore --clean. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../db/db.h"
#include "../db/migrate.h"
#include "cli.h"

/* Run a program with arguments, without a shell. Returns its exit status. */
static int cli_spawn(char *const argv[])
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "varde: cannot run %s\n", argv[0]);
		_exit(127);
	}
	int status = 0;
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int cli_is_pg(const struct config *cfg)
{
	return strncmp(cfg->db_url, "postgres", 8) == 0;
}

int cli_backup(const struct config *cfg, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde backup FILE\n");
		return 2;
	}
	if (cli_is_pg(cfg)) {
		char *args[] = {"pg_dump", "--format=custom", "--no-owner", "--file", argv[0], (char *)cfg->db_url, NULL};
		return cli_spawn(args) == 0 ? 0 : 1;
	}
	char err[512];
	struct db *db = db_open(cfg->db_url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "varde: %s\n", err);
		return 1;
	}
	unlink(argv[0]);
	int rc = db_sqlite_backup(db, argv[0], err, sizeof err);
	db_close(db);
	if (rc) {
		fprintf(stderr, "varde: %s\n", err);
		return 1;
	}
	printf("backup written to %s\n", argv[0]);
	return 0;
}

int cli_restore(const struct config *cfg, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde restore FILE   (stop the server first)\n");
		return 2;
	}
	if (cli_is_pg(cfg)) {
		char dbarg[1100];
		snprintf(dbarg, sizeof dbarg, "--dbname=%s", cfg->db_url);
		char *args[] = {"pg_restore", "--clean", "--if-exists", "--no-owner", dbarg, argv[0], NULL};
		return cli_spawn(args) == 0 ? 0 : 1;
	}
	char err[512], url[1100];
	snprintf(url, sizeof url, "sqlite:%s", argv[0]);
	struct db *src = db_open(url, err, sizeof err);
	if (!src) {
		fprintf(stderr, "varde: %s\n", err);
		return 1;
	}
	struct db_stmt *s = db_prepare(src, "PRAGMA integrity_check");
	int ok = s && db_step(s) == DB_ROW && strcmp(db_col_text(s, 0), "ok") == 0;
	db_reset(s);
	if (!ok) {
		fprintf(stderr, "varde: %s is not an intact Varde backup\n", argv[0]);
		db_close(src);
		return 1;
	}
	const char *path = strncmp(cfg->db_url, "sqlite:", 7) == 0 ? cfg->db_url + 7 : cfg->db_url;
	int rc = db_sqlite_backup(src, path, err, sizeof err);
	db_close(src);
	if (rc) {
		fprintf(stderr, "varde: %s\n", err);
		return 1;
	}
	printf("restored %s into %s\n", argv[0], path);
	return 0;
}
