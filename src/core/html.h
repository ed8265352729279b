/* html.h — the escaping HTML writer. All HTML that Varde sends is written here.
 *
 * html_printf() is printf-like, checked by the compiler, and escapes every %s
 * argument for HTML text and quoted attribute values (& < > " ' are replaced).
 * Numbers are printed as usual. There is no way to pass raw markup through
 * html_printf; the one way to emit trusted markup is html_raw(), which is
 * greppable and reviewed (tools/lint-escaping.sh lists every call site and fails
 * on one that passes something other than a string literal without a
 * "raw-ok:" comment saying why it is safe).
 *
 * URLs: build them with url_encode() for each component, then pass the result
 * as %s (percent-encoded text contains nothing HTML-special).
 */
#ifndef VARDE_HTML_H
#define VARDE_HTML_H
#include "buf.h"

void html_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s with & < > " ' escaped. NULL appends nothing. */
void html_text(struct buf *b, const char *s);
void html_textn(struct buf *b, const char *s, size_t n);
/* Append trusted markup unchanged. Only for literals and for markup produced by
 * our own safe renderers (markdown in safe mode, our SVG writer). */
void html_raw(struct buf *b, const char *trusted);
/* Append s percent-encoded for use as a URL path segment or query value. */
void url_encode(struct buf *b, const char *s);

#endif
