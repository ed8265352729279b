/* req.h — the request and response as page code sees them. Nothing here knows
 * about libmicrohttpd: http_mhd.c fills a struct req and sends a struct resp,
 * and unit tests build them by hand. */
#ifndef VARDE_REQ_H
#define VARDE_REQ_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"

/* An ordered list of name/value pairs that owns its strings. */
struct kv {
	char *key;
	char *val;
};
struct kvlist {
	struct kv *items;
	size_t n, cap;
};

void kv_add(struct kvlist *l, const char *key, const char *val);
void kv_addn(struct kvlist *l, const char *key, size_t klen, const char *val, size_t vlen);
/* First value for key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);
void kv_free(struct kvlist *l);

/* Limits on what a request may carry (issue: limits on every body, field, list). */
enum {
	REQ_MAX_FIELDS = 400,      /* form fields or query parameters */
	REQ_MAX_FIELD_LEN = 65536, /* one decoded value */
	REQ_MAX_PATH = 1024,
};

struct req {
	const char *method;          /* "GET", "POST", … (static string) */
	char *path;                  /* decoded path, no query */
	struct kvlist query;         /* decoded query parameters */
	struct kvlist form;          /* decoded urlencoded body */
	struct kvlist cookies;
	char *accept_language, *sec_fetch_site, *origin, *host, *content_type, *accept_encoding;
	char client_ip[64];
	bool tls;                    /* served over TLS or told so by config */
	char *body;                  /* raw body, NUL-terminated */
	size_t body_len;
	long long params[4];         /* numeric path parameters, in order */
	int nparams;
	char *params_s[4];           /* the same parameters as text (for tokens) */
	struct buf upload;           /* a file from a multipart form (one per request) */
	char *upload_name;           /* its file name as the browser sent it, or NULL */
	int input_error;             /* 400 (malformed) or 413 (too large) found while reading; 0 if fine */
};

struct resp {
	int status;
	const char *content_type;    /* static string */
	struct buf body;
	struct kvlist headers;       /* extra headers, e.g. Set-Cookie, Location */
	const struct asset *asset;   /* a static asset to send instead of body */
	bool no_store;               /* Cache-Control: no-store (default for dynamic pages) */
	long long user_id;           /* who asked, for the request log (0: anonymous) */
};

void req_free(struct req *r);
void resp_free(struct resp *r);
/* Add a header to the response. */
void resp_header(struct resp *r, const char *name, const char *value);
/* Redirect with 303 See Other (after a POST) to a local path. */
void resp_redirect(struct resp *r, const char *location);

#endif
