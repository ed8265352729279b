/* migrate.h — the schema, as an ordered list of migrations compiled into the
 * binary and applied at start-up (and by `varde migrate`). */
#ifndef VARDE_MIGRATE_H
#define VARDE_MIGRATE_H
#include <stddef.h>

#include "db.h"

/* Apply every migration the database has not seen, each in its own
 * transaction. On PostgreSQL an advisory lock makes concurrent start-ups of
 * several processes safe. Returns 0, or -1 with a message in err. */
int migrate_run(struct db *db, char *err, size_t errlen);
/* The newest schema version this binary knows. */
int migrate_latest(void);

#endif
