/* i18n.c — .mo catalog lookup and language negotiation; see i18n.h. */
#include "i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assets.h"

/* Read a 32-bit little-endian word (msgfmt writes the host order; the magic
 * tells us which, and we accept only little-endian files, which is what every
 * machine we build on writes). */
static uint32_t mo_word(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int i18n_catalog_load(struct i18n_catalog *c, const char *lang, const unsigned char *mo, size_t len)
{
	memset(c, 0, sizeof *c);
	c->lang = lang;
	if (!mo)
		return 0;
	if (len < 28 || mo_word(mo) != 0x950412deu)
		return -1;
	uint32_t n = mo_word(mo + 8), oo = mo_word(mo + 12), to = mo_word(mo + 16);
	if (n > len / 16 || oo > len || to > len || len - oo < (size_t)n * 8 || len - to < (size_t)n * 8)
		return -1;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t l1 = mo_word(mo + oo + 8 * k), o1 = mo_word(mo + oo + 8 * k + 4);
		uint32_t l2 = mo_word(mo + to + 8 * k), o2 = mo_word(mo + to + 8 * k + 4);
		if (o1 > len || l1 >= len - o1 || mo[o1 + l1] != 0 || o2 > len || l2 >= len - o2 || mo[o2 + l2] != 0)
			return -1;
	}
	c->mo = mo;
	c->mo_len = len;
	c->nstrings = n;
	c->orig_off = oo;
	c->trans_off = to;
	return 0;
}

const char *i18n_lookup(const struct i18n_catalog *c, const char *msgid)
{
	if (!c || !c->mo || !msgid || !*msgid)
		return msgid;
	unsigned lo = 0, hi = c->nstrings;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		const char *orig = (const char *)c->mo + mo_word(c->mo + c->orig_off + 8 * mid + 4);
		int cmp = strcmp(msgid, orig);
		if (cmp == 0) {
			uint32_t tl = mo_word(c->mo + c->trans_off + 8 * mid);
			const char *tr = (const char *)c->mo + mo_word(c->mo + c->trans_off + 8 * mid + 4);
			return tl ? tr : msgid;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return msgid;
}

int i18n_init(struct i18n *i, char *err, size_t errlen)
{
	memset(i, 0, sizeof *i);
	const struct asset *nb = asset_find("i18n/nb.mo");
	if (!nb || i18n_catalog_load(&i->cats[0], "nb", nb->data, nb->len) != 0) {
		snprintf(err, errlen, "the Norwegian catalog (po/nb.po) is missing or malformed");
		return -1;
	}
	i18n_catalog_load(&i->cats[1], "en", NULL, 0);
	i->ncats = 2;
	return 0;
}

int i18n_supported(const char *lang)
{
	return lang && (strcmp(lang, "nb") == 0 || strcmp(lang, "en") == 0);
}

const struct i18n_catalog *i18n_catalog(const struct i18n *i, const char *lang)
{
	for (int k = 0; k < i->ncats; k++)
		if (lang && strcmp(i->cats[k].lang, lang) == 0)
			return &i->cats[k];
	return &i->cats[0];
}

/* Map one language range ("nb-NO", "no", "en-GB") to a supported code or NULL. */
static const char *i18n_map_range(const char *r, size_t n)
{
	size_t base = 0;
	while (base < n && r[base] != '-' && r[base] != '_')
		base++;
	if (base == 2 && (strncasecmp(r, "nb", 2) == 0 || strncasecmp(r, "no", 2) == 0 ||
			  strncasecmp(r, "nn", 2) == 0))
		return "nb";
	if (base == 2 && strncasecmp(r, "en", 2) == 0)
		return "en";
	return NULL;
}

const char *i18n_negotiate(const char *al)
{
	const char *best = "nb";
	double bestq = -1.0;
	if (!al)
		return best;
	const char *p = al;
	for (int guard = 0; *p && guard < 32; guard++) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *start = p;
		while (*p && *p != ';' && *p != ',' && *p != ' ')
			p++;
		size_t n = (size_t)(p - start);
		double q = 1.0;
		while (*p == ' ')
			p++;
		if (*p == ';') {
			const char *qs = strstr(p, "q=");
			const char *comma = strchr(p, ',');
			if (qs && (!comma || qs < comma))
				q = strtod(qs + 2, NULL);
			p = comma ? comma : p + strlen(p);
		}
		const char *lang = n ? i18n_map_range(start, n) : NULL;
		if (lang && q > bestq && q > 0.0) {
			best = lang;
			bestq = q;
		}
	}
	return best;
}
