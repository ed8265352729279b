/* req.c — freeing requests and building responses. */
#include "req.h"

#include <stdlib.h>
#include <string.h>

void req_free(struct req *r)
{
	free(r->path);
	kv_free(&r->query);
	kv_free(&r->form);
	kv_free(&r->cookies);
	free(r->accept_language);
	free(r->sec_fetch_site);
	free(r->origin);
	free(r->host);
	free(r->content_type);
	free(r->accept_encoding);
	free(r->body);
	buf_free(&r->upload);
	free(r->upload_name);
	for (int i = 0; i < 4; i++)
		free(r->params_s[i]);
	memset(r, 0, sizeof *r);
}

void resp_free(struct resp *r)
{
	buf_free(&r->body);
	kv_free(&r->headers);
}

void resp_header(struct resp *r, const char *name, const char *value)
{
	kv_add(&r->headers, name, value);
}

void resp_redirect(struct resp *r, const char *location)
{
	r->status = 303;
	buf_reset(&r->body);
	resp_header(r, "Location", location);
}
