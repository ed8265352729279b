/* registry.c — see registry.h. */
#include "registry.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assets.h"
#include "../core/xalloc.h"
#include "../store/store.h"

/* Files as a JSON object {path: text}; malloc'd string, caller frees. */
static char *files_to_json(const struct m_file *files, int n)
{
	json_t *o = json_object();
	for (int i = 0; i < n; i++)
		json_object_set_new(o, files[i].path, json_stringn(files[i].data, files[i].len));
	char *s = json_dumps(o, JSON_SORT_KEYS | JSON_COMPACT);
	json_decref(o);
	return s;
}

/* The reverse; returns the count or -1. Caller frees with method_files_free. */
static int files_from_json(const char *text, struct m_file **out)
{
	json_error_t e;
	json_t *o = json_loads(text, 0, &e);
	if (!o || !json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	int n = 0;
	*out = xcalloc(json_object_size(o) + 1, sizeof **out);
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v)
	{
		if (!json_is_string(v))
			continue;
		(*out)[n].path = xstrdup(k);
		(*out)[n].data = xstrndup(json_string_value(v), json_string_length(v));
		(*out)[n].len = json_string_length(v);
		n++;
	}
	json_decref(o);
	return n;
}

static void registry_add(struct method_registry *r, struct methodology *m)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->all = xrealloc(r->all, sizeof *r->all * (size_t)r->cap);
	}
	r->all[r->n++] = m;
}

static bool registry_has(struct method_registry *r, long long id)
{
	for (int i = 0; i < r->n; i++)
		if (r->all[i]->version_id == id)
			return true;
	return false;
}

/* Collect the embedded files of one built-in methodology (assets named
 * "methodologies/<slug>/<path>"). Returns the count; files point into the
 * binary (only the array is malloc'd). */
static int builtin_files(const char *slug, struct m_file **out)
{
	char prefix[256];
	int n = 0;
	snprintf(prefix, sizeof prefix, "methodologies/%s/", slug);
	*out = xcalloc(asset_count + 1, sizeof **out);
	for (size_t i = 0; i < asset_count; i++)
		if (strncmp(asset_table[i].name, prefix, strlen(prefix)) == 0)
			(*out)[n++] = (struct m_file){asset_table[i].name + strlen(prefix), (const char *)asset_table[i].data,
						      asset_table[i].len};
	return n;
}

/* Store a loaded methodology's files as a version; sets m->version_id. */
static int registry_store(struct db *db, struct methodology *m, const struct m_file *files, int n, const char *source,
			  bool *created)
{
	long long known = 0;
	*created = false;
	if (store_method_version_find(db, m->key, m->hash, &known) == STORE_OK) {
		m->version_id = known; /* the usual start-up: nothing to write */
		return 0;
	}
	char *json = files_to_json(files, n);
	long long id = 0;
	int rc = db_begin_write(db);
	if (rc == 0 && store_method_version_ensure(db, m->key, m->version, m->hash, source, json, &id, created) == STORE_OK &&
	    db_commit(db) == 0) {
		m->version_id = id;
		rc = 0;
	} else {
		db_rollback(db);
		rc = -1;
	}
	free(json);
	return rc;
}

int registry_init(struct method_registry *r, struct db *db, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	pthread_rwlock_init(&r->lock, NULL);
	/* Built-ins: one slug per methodologies/<slug>/methodology.yaml asset. */
	for (size_t i = 0; i < asset_count; i++) {
		const char *name = asset_table[i].name;
		size_t len = strlen(name);
		if (strncmp(name, "methodologies/", 14) != 0 || len < 31 ||
		    strcmp(name + len - 17, "/methodology.yaml") != 0)
			continue;
		char slug[128];
		snprintf(slug, sizeof slug, "%.*s", (int)(len - 14 - 17), name + 14);
		struct m_file *files;
		int n = builtin_files(slug, &files);
		struct m_diag d = {.prefix = slug};
		struct methodology *m = method_load(files, n, &d);
		bool created;
		if (!m) {
			snprintf(err, errlen, "the built-in methodology %s is invalid:\n%.1500s", slug, buf_str(&d.out));
		} else if (registry_store(db, m, files, n, "builtin", &created) != 0) {
			snprintf(err, errlen, "cannot store methodology %s: %s", slug, db_errmsg(db));
			method_free(m);
			m = NULL;
		}
		free(files);
		buf_free(&d.out);
		if (!m)
			return -1;
		m->builtin = true;
		registry_add(r, m);
	}
	return registry_refresh(r, db);
}

int registry_refresh(struct method_registry *r, struct db *db)
{
	pthread_rwlock_rdlock(&r->lock);
	long long after = r->max_id;
	pthread_rwlock_unlock(&r->lock);
	if (store_method_version_max(db) <= after)
		return 0;
	/* Parse outside the lock; add under it. */
	struct db_stmt *s = store_method_versions_after(db, after);
	struct methodology **found = NULL;
	int nfound = 0;
	long long max = after;
	while (db_step(s) == DB_ROW) {
		long long id = db_col_int(s, 0);
		if (id > max)
			max = id;
		pthread_rwlock_rdlock(&r->lock);
		bool have = registry_has(r, id);
		pthread_rwlock_unlock(&r->lock);
		if (have)
			continue;
		struct m_file *files;
		int n = files_from_json(db_col_text(s, 4), &files);
		struct m_diag d = {.prefix = db_col_text(s, 1)};
		struct methodology *m = n > 0 ? method_load(files, n, &d) : NULL;
		if (m) {
			m->version_id = id;
			m->builtin = strcmp(db_col_text(s, 3), "builtin") == 0;
			found = xrealloc(found, sizeof *found * (size_t)(nfound + 1));
			found[nfound++] = m;
		} else {
			fprintf(stderr, "varde: stored methodology version %lld cannot be loaded:\n%s", id, buf_str(&d.out));
		}
		if (n > 0)
			method_files_free(files, n);
		buf_free(&d.out);
	}
	db_reset(s);
	pthread_rwlock_wrlock(&r->lock);
	for (int i = 0; i < nfound; i++) {
		if (registry_has(r, found[i]->version_id))
			method_free(found[i]); /* another thread loaded it meanwhile */
		else
			registry_add(r, found[i]);
	}
	if (max > r->max_id)
		r->max_id = max;
	pthread_rwlock_unlock(&r->lock);
	free(found);
	return 0;
}

void registry_free(struct method_registry *r)
{
	for (int i = 0; i < r->n; i++)
		method_free(r->all[i]);
	free(r->all);
	pthread_rwlock_destroy(&r->lock);
	memset(r, 0, sizeof *r);
}

const struct methodology *registry_current(struct method_registry *r, const char *key)
{
	const struct methodology *best = NULL;
	pthread_rwlock_rdlock(&r->lock);
	for (int i = 0; key && i < r->n; i++)
		if (strcmp(r->all[i]->key, key) == 0 && (!best || r->all[i]->version_id > best->version_id))
			best = r->all[i];
	pthread_rwlock_unlock(&r->lock);
	return best;
}

const struct methodology *registry_version(struct method_registry *r, long long id)
{
	const struct methodology *m = NULL;
	pthread_rwlock_rdlock(&r->lock);
	for (int i = 0; i < r->n; i++)
		if (r->all[i]->version_id == id)
			m = r->all[i];
	pthread_rwlock_unlock(&r->lock);
	return m;
}

int registry_list(struct method_registry *r, const struct methodology **out, int max)
{
	int n = 0;
	pthread_rwlock_rdlock(&r->lock);
	for (int i = 0; i < r->n; i++) {
		int slot = -1;
		for (int j = 0; j < n; j++)
			if (strcmp(out[j]->key, r->all[i]->key) == 0)
				slot = j;
		if (slot >= 0) {
			if (r->all[i]->version_id > out[slot]->version_id)
				out[slot] = r->all[i];
		} else if (n < max) {
			out[n++] = r->all[i];
		}
	}
	pthread_rwlock_unlock(&r->lock);
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(out[j - 1]->key, out[j]->key) > 0; j--) {
			const struct methodology *t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

long long registry_import(struct method_registry *r, struct db *db, const struct m_file *files, int n,
			  struct m_diag *diag)
{
	struct methodology *m = method_load(files, n, diag);
	if (!m)
		return -1;
	bool created = false;
	if (registry_store(db, m, files, n, "import", &created) != 0) {
		buf_printf(&diag->out, "cannot store the methodology: %s\n", db_errmsg(db));
		method_free(m);
		return -1;
	}
	long long id = m->version_id;
	method_free(m);
	if (r)
		registry_refresh(r, db);
	return created ? id : 0;
}
