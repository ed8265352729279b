/* app.c — start-up and shutdown of the application state (struct app). */
#include "app.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "../db/migrate.h"
#include "../method/registry.h"
#include "../project/project.h"
#include "../store/store.h"
#include "security.h"

/* Load the CSRF key from the database, creating it on first start. Every
 * process reads the same key, so any of them can check any form. */
static int app_load_secret(struct app *app, struct db *db, char *err, size_t errlen)
{
	unsigned char raw[32];
	char hex[65];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
	if (db_begin_write(db) != 0 || store_setting_init(db, "csrf_secret", hex) != STORE_OK || db_commit(db) != 0) {
		db_rollback(db);
		snprintf(err, errlen, "cannot store the server secret: %s", db_errmsg(db));
		return -1;
	}
	char *v = store_setting_get(db, "csrf_secret");
	size_t n = 0;
	int rc = v && sodium_hex2bin(app->secret, sizeof app->secret, v, strlen(v), NULL, &n, NULL) == 0 && n == 32
			 ? 0
			 : -1;
	free(v);
	if (rc)
		snprintf(err, errlen, "the server secret in the settings table is damaged");
	return rc;
}

int app_init(struct app *app, const struct config *cfg, int pool_size, char *err, size_t errlen)
{
	memset(app, 0, sizeof *app);
	app->cfg = *cfg;
	if (!app->cfg.base_url[0])
		snprintf(app->cfg.base_url, sizeof app->cfg.base_url, "http://%s:%d",
			 strcmp(cfg->listen_addr, "127.0.0.1") == 0 || strcmp(cfg->listen_addr, "0.0.0.0") == 0
				 ? "localhost"
				 : cfg->listen_addr,
			 cfg->listen_port);
	if (security_init() != 0) {
		snprintf(err, errlen, "libsodium could not start");
		return -1;
	}
	if (i18n_init(&app->i18n, err, errlen) != 0)
		return -1;
	app->pool = db_pool_open(cfg->db_url, pool_size, err, errlen);
	if (!app->pool)
		return -1;
	struct db *db = db_pool_acquire(app->pool);
	int rc = migrate_run(db, err, errlen);
	if (rc == 0)
		rc = app_load_secret(app, db, err, errlen);
	if (rc == 0) {
		app->methods = xcalloc(1, sizeof *app->methods);
		rc = registry_init(app->methods, db, err, errlen);
	}
	long long scored = 0;
	if (rc == 0)
		rc = project_progress_backfill(db, app->methods, &scored, err, errlen);
	db_pool_release(app->pool, db);
	if (rc != 0)
		app_close(app);
	return rc;
}

void app_close(struct app *app)
{
	if (app->methods) {
		registry_free(app->methods);
		free(app->methods);
		app->methods = NULL;
	}
	db_pool_close(app->pool);
	app->pool = NULL;
}
