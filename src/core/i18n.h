/* i18n.h — UI translations with gettext catalogs, chosen per request.
 *
 * Source strings (msgids) are English and marked with _(c, "...") in page code
 * (N_("...") for tables). The build compiles po/<lang>.po with msgfmt into .mo
 * files and embeds them. We read the .mo format ourselves instead of calling
 * glibc's gettext(): glibc picks the catalog from the process-wide (or
 * per-thread) locale, which needs system locales to be generated and makes the
 * language a property of the thread, not of the request. A .mo file is a sorted
 * table; a lookup is a binary search (about 60 lines, see i18n.c).
 */
#ifndef VARDE_I18N_H
#define VARDE_I18N_H
#include <stddef.h>

struct i18n_catalog {
	const char *lang;          /* "nb", "en" */
	const unsigned char *mo;   /* embedded .mo bytes, or NULL for the source language */
	size_t mo_len;
	unsigned nstrings;
	unsigned orig_off, trans_off;
};

enum { I18N_MAX_LANGS = 4 };

struct i18n {
	struct i18n_catalog cats[I18N_MAX_LANGS];
	int ncats;
};

/* Set up the catalogs from the embedded .mo files. Returns 0, or -1 if a
 * catalog is malformed (the message names it). */
int i18n_init(struct i18n *i, char *err, size_t errlen);
/* Load one catalog from .mo bytes (kept by reference). 0 on success. */
int i18n_catalog_load(struct i18n_catalog *c, const char *lang, const unsigned char *mo, size_t len);
/* The translation of msgid, or msgid itself when there is none. Never NULL. */
const char *i18n_lookup(const struct i18n_catalog *c, const char *msgid);
/* The catalog for a language code; falls back to the default (nb). */
const struct i18n_catalog *i18n_catalog(const struct i18n *i, const char *lang);
/* Choose a supported language from an Accept-Language header ("nb", "en").
 * "no", "nn", "nb-NO" map to nb; anything unsupported gives the default. */
const char *i18n_negotiate(const char *accept_language);
/* True for a language code the UI supports. */
int i18n_supported(const char *lang);

#define N_(s) s

#endif
