/* form.c — see form.h. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/xalloc.h"

void kv_addn(struct kvlist *l, const char *key, size_t klen, const char *val, size_t vlen)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->n].key = xstrndup(key, klen);
	l->items[l->n].val = xstrndup(val, vlen);
	l->n++;
}

void kv_add(struct kvlist *l, const char *key, const char *val)
{
	kv_addn(l, key, strlen(key), val, strlen(val));
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}

void kv_free(struct kvlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].val);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int form_decode(const char *s, size_t n, int plus_is_space, char **out)
{
	*out = NULL;
	if (n > REQ_MAX_FIELD_LEN * 3)
		return FORM_TOO_LONG;
	char *d = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi = i + 1 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				free(d);
				return FORM_BAD_ENCODING;
			}
			d[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '+' && plus_is_space) {
			d[k++] = ' ';
		} else {
			d[k++] = s[i];
		}
	}
	d[k] = '\0';
	if (k > REQ_MAX_FIELD_LEN) {
		free(d);
		return FORM_TOO_LONG;
	}
	if (memchr(d, '\0', k) || !utf8_valid(d, k) || text_has_control(d)) {
		free(d);
		return FORM_BAD_UTF8;
	}
	*out = d;
	return FORM_OK;
}

int form_parse_urlencoded(const char *s, size_t n, struct kvlist *list)
{
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			if (list->n >= REQ_MAX_FIELDS)
				return FORM_TOO_MANY;
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			char *key, *val;
			int rc = form_decode(s + i, eq - i, 1, &key);
			if (rc != FORM_OK)
				return rc;
			rc = eq < end ? form_decode(s + eq + 1, end - eq - 1, 1, &val) : form_decode("", 0, 1, &val);
			if (rc != FORM_OK) {
				free(key);
				return rc;
			}
			kv_add(list, key, val);
			free(key);
			free(val);
		}
		i = end + 1;
	}
	return FORM_OK;
}

void form_parse_cookies(const char *h, struct kvlist *list)
{
	if (!h)
		return;
	const char *p = h;
	while (*p && list->n < 64) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *k = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		if (*p != '=') {
			continue;
		}
		size_t klen = (size_t)(p - k);
		const char *v = ++p;
		while (*p && *p != ';')
			p++;
		size_t vlen = (size_t)(p - v);
		while (klen && k[klen - 1] == ' ')
			klen--;
		if (klen && klen < 64 && vlen < 4096)
			kv_addn(list, k, klen, v, vlen);
	}
}
