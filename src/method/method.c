/* method.c — reading a methodology folder, lookups and translated texts. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/xalloc.h"
#include "method.h"

void method_free(struct methodology *m)
{
	if (!m)
		return;
	arena_free(&m->arena);
	free(m);
}

static int lang_index(const struct methodology *m, const char *lang)
{
	for (int i = 0; lang && i < m->nlangs; i++)
		if (strcmp(m->langs[i], lang) == 0)
			return i;
	return -1;
}

bool method_has_lang(const struct methodology *m, const char *lang)
{
	return lang_index(m, lang) >= 0;
}

const char *tr_text(const struct methodology *m, const struct tr *t, const char *lang)
{
	int i = lang_index(m, lang);
	if (i >= 0 && t->s[i])
		return t->s[i];
	return t->s[0] ? t->s[0] : "";
}

const char *tr_html(const struct methodology *m, const struct tr *t, const char *lang)
{
	int i = lang_index(m, lang);
	if (i >= 0 && t->html[i])
		return t->html[i];
	return t->html[0] ? t->html[0] : "";
}

const struct m_tool *method_tool(const struct methodology *m, const char *key)
{
	for (int i = 0; key && i < m->ntools; i++)
		if (m->tools[i].key && strcmp(m->tools[i].key, key) == 0)
			return &m->tools[i];
	return NULL;
}

const struct m_phase *method_phase(const struct methodology *m, const char *key)
{
	for (int i = 0; key && i < m->nphases; i++)
		if (strcmp(m->phases[i].key, key) == 0)
			return &m->phases[i];
	return NULL;
}

const struct m_step *method_step(const struct methodology *m, const char *key)
{
	for (int i = 0; key && i < m->nphases; i++)
		for (int s = 0; s < m->phases[i].nsteps; s++)
			if (strcmp(m->phases[i].steps[s].key, key) == 0)
				return &m->phases[i].steps[s];
	return NULL;
}

/* Read one file into a malloc'd buffer (limit 1 MiB: methodology files are text). */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = {0};
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (1 << 20))
		buf_append(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* Add every *.yaml in dir/sub (sub may be "") to the list. */
static int read_sub(const char *dir, const char *sub, struct m_file **files, int *n, int *cap, char *err,
		    size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s%s", dir, *sub ? "/" : "", sub);
	DIR *d = opendir(path);
	if (!d) {
		if (*sub)
			return 0; /* a missing phases/ or tools/ is reported by the checker */
		snprintf(err, errlen, "cannot read the folder %s", dir);
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0 || e->d_name[0] == '.')
			continue;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			*files = xrealloc(*files, sizeof **files * (size_t)*cap);
		}
		char rel[1024], full[4096 + 1024];
		snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "", e->d_name);
		snprintf(full, sizeof full, "%s/%s", dir, rel);
		size_t flen = 0;
		char *data = read_file(full, &flen);
		if (!data) {
			snprintf(err, errlen, "cannot read %s", full);
			closedir(d);
			return -1;
		}
		(*files)[*n] = (struct m_file){xstrdup(rel), data, flen};
		(*n)++;
	}
	closedir(d);
	return 0;
}

int method_read_dir(const char *dir, struct m_file **files, char *err, size_t errlen)
{
	int n = 0, cap = 0;
	*files = NULL;
	if (read_sub(dir, "", files, &n, &cap, err, errlen) != 0 || read_sub(dir, "phases", files, &n, &cap, err, errlen) != 0 ||
	    read_sub(dir, "tools", files, &n, &cap, err, errlen) != 0) {
		method_files_free(*files, n);
		*files = NULL;
		return -1;
	}
	return n;
}

void method_files_free(struct m_file *files, int n)
{
	for (int i = 0; i < n; i++) {
		free((char *)files[i].path);
		free((char *)files[i].data);
	}
	free(files);
}
