/* app.h — start-up of the application and the entry point for one request. */
#ifndef VARDE_APP_H
#define VARDE_APP_H
#include <stddef.h>

#include "ctx.h"

/* Open the database pool, run migrations, load the server secret and the
 * catalogs. 0, or -1 with a message. */
int app_init(struct app *app, const struct config *cfg, int pool_size, char *err, size_t errlen);
void app_close(struct app *app);
/* Serve one request: static asset, or session → route → access gate → CSRF →
 * transaction → handler. Always fills resp. */
void app_handle(const struct app *app, struct req *req, struct resp *resp);

#endif
