/* assets.h — files embedded in the binary at build time (tools/embed.c writes
 * the table): CSS, icons, translation catalogs and the built-in methodologies.
 * Web assets get a content-hashed URL (/assets/name.HASH.ext) so they can be
 * cached for a year; everything is read-only and lives for the whole process. */
#ifndef VARDE_ASSETS_H
#define VARDE_ASSETS_H
#include <stddef.h>

struct asset {
	const char *name;          /* logical name, e.g. "css/varde.css" or "i18n/nb.mo" */
	const char *url;           /* "/assets/varde.1a2b3c4d.css", or NULL if not served */
	const char *type;          /* Content-Type */
	const unsigned char *data; /* the bytes */
	size_t len;
	const unsigned char *gz;   /* gzip-compressed bytes, or NULL */
	size_t gz_len;
	const char *etag;          /* quoted content hash */
};

extern const struct asset asset_table[];
extern const size_t asset_count;

/* Look up by logical name or by URL path; NULL if absent. */
const struct asset *asset_find(const char *name);
const struct asset *asset_by_url(const char *url);

#endif
