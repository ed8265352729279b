/* server.h — the HTTP server (libmicrohttpd). The only module that includes
 * microhttpd.h. */
#ifndef VARDE_SERVER_H
#define VARDE_SERVER_H
#include "../app/ctx.h"

/* Serve until SIGINT or SIGTERM, then stop accepting, let the requests in
 * flight finish and return 0. -1 with a message if the port cannot be bound. */
int server_run(const struct app *app, char *err, size_t errlen);

#endif
