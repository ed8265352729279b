/* xalloc.h — allocation that never returns NULL.
 *
 * Varde aborts on out-of-memory (the Fossil and Redis policy): a web request that
 * cannot allocate a few KB has nothing sensible left to do, and aborting keeps every
 * caller free of untestable OOM branches. All functions return memory from malloc;
 * the caller frees it with free().
 */
#ifndef VARDE_XALLOC_H
#define VARDE_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
