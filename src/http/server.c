/* server.c — libmicrohttpd in thread-pool mode with epoll.
 *
 * The request life cycle follows the pitfalls measured on Debian's 0.9.75:
 *  - the first callback only sets up state; the response is queued on the
 *    last call, otherwise 0.9.75 drops keep-alive;
 *  - a connection timeout is set (the default is none);
 *  - bodies are counted against the route's limit; a Content-Length over it
 *    is answered 413 at once, and a chunked body that grows past it is cut off;
 *  - per-request state is freed in the completion callback, which also runs
 *    for aborted requests.
 * Every response gets the security headers and one log line on stderr. */
#include "server.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../app/app.h"
#include "../app/router.h"
#include "../core/assets.h"
#include "../core/xalloc.h"
#include "../core/text.h"
#include "form.h"

/* Per-request state, owned by libmicrohttpd's con_cls slot. */
struct conn_state {
	struct buf body;
	size_t limit;
	int too_large;
	struct timespec start;
};

static const char CSP[] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			  "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
			  "object-src 'none'";

static void server_security_headers(struct MHD_Response *r)
{
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(r, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

static char *header_dup(struct MHD_Connection *conn, const char *name)
{
	const char *v = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
	return v ? xstrndup(v, 2048) : NULL;
}

static void server_client_ip(struct MHD_Connection *conn, char *out, size_t outlen)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, outlen, "?");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, (socklen_t)outlen);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)outlen);
}

/* Collect query parameters into the request (decoded already by MHD). */
static enum MHD_Result server_query_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct req *r = cls;
	if (r->query.n >= REQ_MAX_FIELDS) {
		r->input_error = 400;
		return MHD_NO;
	}
	const char *v = value ? value : "";
	if (strlen(key) > 256 || strlen(v) > REQ_MAX_FIELD_LEN || !utf8_valid_str(key) || !utf8_valid_str(v)) {
		r->input_error = 400;
		return MHD_NO;
	}
	kv_add(&r->query, key, v);
	return MHD_YES;
}

/* Receive multipart/form-data parts from MHD's PostProcessor: text fields go
 * to req->form (a value may arrive in several pieces), the first file to
 * req->upload. */
static enum MHD_Result server_post_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
					const char *content_type, const char *transfer_encoding, const char *data,
					uint64_t off, size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	struct req *r = cls;
	if (filename) {
		if (!r->upload_name)
			r->upload_name = xstrndup(filename, 255);
		buf_append(&r->upload, data, size);
		return MHD_YES;
	}
	if (off == 0) {
		if (r->form.n >= REQ_MAX_FIELDS) {
			r->input_error = 400;
			return MHD_NO;
		}
		kv_addn(&r->form, key, strlen(key), data, size);
	} else if (r->form.n && strcmp(r->form.items[r->form.n - 1].key, key) == 0) {
		struct kv *last = &r->form.items[r->form.n - 1];
		size_t have = strlen(last->val);
		if (have + size > REQ_MAX_FIELD_LEN) {
			r->input_error = 400;
			return MHD_NO;
		}
		last->val = xrealloc(last->val, have + size + 1);
		memcpy(last->val + have, data, size);
		last->val[have + size] = '\0';
	}
	return MHD_YES;
}

/* Decode a multipart body with MHD's PostProcessor and check the text fields. */
static void server_multipart(struct MHD_Connection *conn, struct req *r)
{
	struct MHD_PostProcessor *pp = MHD_create_post_processor(conn, 64 * 1024, server_post_iter, r);
	if (!pp || MHD_post_process(pp, r->body, r->body_len) != MHD_YES)
		r->input_error = 400;
	if (pp)
		MHD_destroy_post_processor(pp);
	for (size_t i = 0; i < r->form.n && !r->input_error; i++)
		if (!utf8_valid_str(r->form.items[i].val) || text_has_control(r->form.items[i].val))
			r->input_error = 400;
}

/* Build the transport-free request from the connection. */
static void server_build_req(struct MHD_Connection *conn, const char *url, const char *method,
			     struct conn_state *st, struct req *r)
{
	static const char *const methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
	r->method = "OTHER";
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(method, methods[i]) == 0)
			r->method = methods[i];
	r->path = xstrndup(url, REQ_MAX_PATH);
	if (strlen(url) > REQ_MAX_PATH || !utf8_valid_str(url))
		r->input_error = 400;
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, server_query_iter, r);
	form_parse_cookies(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cookie"), &r->cookies);
	r->accept_language = header_dup(conn, "Accept-Language");
	r->sec_fetch_site = header_dup(conn, "Sec-Fetch-Site");
	r->origin = header_dup(conn, "Origin");
	r->host = header_dup(conn, "Host");
	r->content_type = header_dup(conn, "Content-Type");
	r->accept_encoding = header_dup(conn, "Accept-Encoding");
	server_client_ip(conn, r->client_ip, sizeof r->client_ip);
	if (st->too_large)
		r->input_error = 413;
	r->body_len = st->body.len;
	r->body = buf_detach(&st->body);
	if (!r->input_error && strcmp(r->method, "POST") == 0 && r->body_len) {
		const char *ct = r->content_type ? r->content_type : "";
		if (strncmp(ct, "multipart/form-data", 19) == 0)
			server_multipart(conn, r);
		else if (strncmp(ct, "application/x-www-form-urlencoded", 33) != 0)
			r->input_error = 400;
		else if (form_parse_urlencoded(r->body, r->body_len, &r->form) != FORM_OK)
			r->input_error = 400;
	}
}

/* Turn our response into an MHD response (takes over the body buffer). */
static struct MHD_Response *server_make_response(const struct req *rq, struct resp *rs, int head)
{
	struct MHD_Response *r;
	if (rs->asset) {
		const struct asset *a = rs->asset;
		int gz = a->gz && rq->accept_encoding && strstr(rq->accept_encoding, "gzip");
		r = MHD_create_response_from_buffer(gz ? a->gz_len : a->len, (void *)(gz ? a->gz : a->data),
						    MHD_RESPMEM_PERSISTENT);
		if (gz)
			MHD_add_response_header(r, "Content-Encoding", "gzip");
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
		MHD_add_response_header(r, "Cache-Control", "public, max-age=31536000, immutable");
		MHD_add_response_header(r, "ETag", a->etag);
	} else {
		size_t len = rs->body.len;
		char *data = buf_detach(&rs->body);
		if (head) {
			free(data);
			r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		} else {
			r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
		}
		if (rs->no_store)
			MHD_add_response_header(r, "Cache-Control", "no-store");
	}
	if (rs->content_type)
		MHD_add_response_header(r, "Content-Type", rs->content_type);
	for (size_t i = 0; i < rs->headers.n; i++)
		MHD_add_response_header(r, rs->headers.items[i].key, rs->headers.items[i].val);
	server_security_headers(r);
	return r;
}

/* The path for the log with long segments (one-time tokens) masked, so a log
 * never holds a secret. Writes into out. */
static void server_log_path(const char *path, char *out, size_t outlen)
{
	size_t o = 0, seg = 0;
	for (const char *p = path; *p && o + 4 < outlen; p++) {
		if (*p == '/')
			seg = 0;
		else if (++seg > 24)
			continue;
		else if (seg == 24) {
			memcpy(out + o, "...", 3);
			o += 3;
			continue;
		}
		out[o++] = (unsigned char)*p < 0x20 ? '?' : *p;
	}
	out[o] = '\0';
}

static long long elapsed_us(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)(now.tv_sec - start->tv_sec) * 1000000 + (now.tv_nsec - start->tv_nsec) / 1000;
}

static enum MHD_Result server_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				      const char *version, const char *upload_data, size_t *upload_data_size,
				      void **con_cls)
{
	(void)version;
	const struct app *app = cls;
	struct conn_state *st = *con_cls;
	if (!st) {
		st = xcalloc(1, sizeof *st);
		clock_gettime(CLOCK_MONOTONIC, &st->start);
		st->limit = router_body_limit(method, url);
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > st->limit)
			st->too_large = 1;
		*con_cls = st;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!st->too_large && st->body.len + *upload_data_size <= st->limit)
			buf_append(&st->body, upload_data, *upload_data_size);
		else
			st->too_large = 1;
		*upload_data_size = 0;
		return MHD_YES;
	}
	struct req rq = {0};
	struct resp rs = {0};
	server_build_req(conn, url, method, st, &rq);
	app_handle(app, &rq, &rs);
	size_t body_len = rs.body.len;
	struct MHD_Response *r = server_make_response(&rq, &rs, strcmp(method, "HEAD") == 0);
	if (st->too_large)
		MHD_add_response_header(r, "Connection", "close");
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)rs.status, r);
	MHD_destroy_response(r);
	if (!app->cfg.quiet) {
		char logpath[256];
		server_log_path(rq.path, logpath, sizeof logpath);
		fprintf(stderr, "method=%s path=%s status=%d bytes=%zu us=%lld user=%lld\n", rq.method, logpath,
			rs.status, rs.asset ? rs.asset->len : body_len, elapsed_us(&st->start), rs.user_id);
	}
	req_free(&rq);
	resp_free(&rs);
	return ret;
}

static void server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			     enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct conn_state *st = *con_cls;
	if (st) {
		buf_free(&st->body);
		free(st);
	}
	*con_cls = NULL;
}

int server_run(const struct app *app, char *err, size_t errlen)
{
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)app->cfg.listen_port);
	if (inet_pton(AF_INET, app->cfg.listen_addr, &addr.sin_addr) != 1) {
		snprintf(err, errlen, "listen: \"%s\" is not an IPv4 address", app->cfg.listen_addr);
		return -1;
	}
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL); /* MHD's threads inherit the mask */
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, server_request,
		(void *)app, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE,
		(unsigned)app->cfg.threads, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_NOTIFY_COMPLETED, server_completed, NULL, MHD_OPTION_END);
	if (!d) {
		snprintf(err, errlen, "cannot listen on %s:%d (is the port in use?)", app->cfg.listen_addr,
			 app->cfg.listen_port);
		pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
		return -1;
	}
	fprintf(stderr, "varde: serving on http://%s:%d/\n", app->cfg.listen_addr, app->cfg.listen_port);
	int sig = 0;
	sigwait(&sigs, &sig);
	fprintf(stderr, "varde: %s received, finishing requests in flight\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	MHD_quiesce_daemon(d);
	MHD_stop_daemon(d);
	pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
	return 0;
}
