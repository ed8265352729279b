/* registry.h — every methodology version the process knows: the built-in ones
 * (embedded in the binary) and every version stored in the database (imports,
 * and older contents that projects are pinned to).
 *
 * This is the one piece of shared mutable state in Varde: a cache of the
 * methodology_versions table, guarded by a read-write lock, that only grows.
 * Methodologies are never unloaded while the process runs, so a pointer
 * returned by a lookup stays valid after the lock is released. Several
 * processes stay in step because each refreshes from the database (new rows
 * have higher ids) when a guide or project page asks. */
#ifndef VARDE_REGISTRY_H
#define VARDE_REGISTRY_H
#include <pthread.h>
#include <stddef.h>

#include "../db/db.h"
#include "method.h"

struct method_registry {
	pthread_rwlock_t lock;
	struct methodology **all; /* owned; in version-id order */
	int n, cap;
	long long max_id;
};

/* Load the built-in methodologies, record their versions in the database
 * (a changed content gets a new version) and load every stored version.
 * 0, or -1 with a message (an invalid built-in methodology stops start-up). */
int registry_init(struct method_registry *r, struct db *db, char *err, size_t errlen);
/* Load versions added to the database since the last look. */
int registry_refresh(struct method_registry *r, struct db *db);
void registry_free(struct method_registry *r);

/* The newest version of a methodology, or NULL. */
const struct methodology *registry_current(struct method_registry *r, const char *key);
/* A version by its id, or NULL. */
const struct methodology *registry_version(struct method_registry *r, long long id);
/* The newest version of each methodology, ordered by key; returns the count. */
int registry_list(struct method_registry *r, const struct methodology **out, int max);

/* Check a methodology given as files and store it as a new version (source
 * "import"); diag gets the problems. Returns the version id, 0 if the same
 * content is already stored, or -1 on errors. */
long long registry_import(struct method_registry *r, struct db *db, const struct m_file *files, int n,
			  struct m_diag *diag);

#endif
