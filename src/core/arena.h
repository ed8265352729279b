/* arena.h — a bump allocator for data that lives and dies together (a loaded
 * methodology: thousands of small strings freed at once). Allocations abort on
 * out-of-memory like xmalloc. arena_free releases everything. */
#ifndef VARDE_ARENA_H
#define VARDE_ARENA_H
#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t n);     /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

#endif
