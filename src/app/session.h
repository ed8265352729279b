/* session.h — signed-in sessions, stored in the database so that several
 * processes share them and logout or expiry really ends them.
 *
 * The cookie holds a random 256-bit token; the database holds only its
 * SHA-256. Sessions end after session-idle minutes without a request and
 * session-max hours in all (ASVS L2: 30 minutes and 12 hours by default). */
#ifndef VARDE_SESSION_H
#define VARDE_SESSION_H
#include "ctx.h"

/* Resolve the session cookie into c->user_* and c->orgs; no-op if absent,
 * unknown or expired (an expired session is deleted). */
void session_load(struct ctx *c);
/* Start a new session for user_id (after a successful login): a fresh token,
 * the old session (if any) deleted, the cookie set. Runs its own write
 * transaction. 0 or -1. */
int session_start(struct ctx *c, long long user_id);
/* End the current session and clear the cookie. Caller's transaction. */
void session_end(struct ctx *c);
/* The session cookie's name: __Host-varde over TLS, varde_sid otherwise. */
const char *session_cookie_name(const struct ctx *c);

#endif
