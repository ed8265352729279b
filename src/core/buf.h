/* buf.h — a growable byte buffer (the role of Fossil's Blob or Redis's sds).
 *
 * A zero-initialised struct buf is an empty, valid buffer. The data is always
 * NUL-terminated once anything was appended. The buffer owns its memory; free it
 * with buf_free(), or take it over with buf_detach().
 *
 * buf_printf does NOT escape: it is for plain text, headers, SQL-free logs and
 * CSV. HTML goes through html.h, and tools/lint-escaping.sh forbids buf_printf in
 * page code.
 */
#ifndef VARDE_BUF_H
#define VARDE_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;  /* NUL-terminated contents, or NULL while empty */
	size_t len;  /* bytes used, not counting the terminator */
	size_t cap;  /* bytes allocated */
};

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Return the contents (malloc'd, never NULL) and leave b empty; caller frees. */
char *buf_detach(struct buf *b);
/* Contents as a C string; "" when empty. Valid until the next change to b. */
const char *buf_str(const struct buf *b);

#endif
