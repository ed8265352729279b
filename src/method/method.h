/* method.h — a methodology in memory: methodology → phases → steps → tools,
 * each tool with a template of typed fields, a checklist, reflection questions
 * and tips, every text in the methodology's languages.
 *
 * Methodologies are content, not code: they are read from YAML files (the
 * format is docs/METHODOLOGY-FORMAT.md), checked, and kept read-only for the
 * life of the process. Markdown texts are rendered to HTML once, at load time
 * (cmark-gfm in its safe mode), so pages never parse Markdown per request.
 * All memory of one methodology lives in its arena. */
#ifndef VARDE_METHOD_H
#define VARDE_METHOD_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/buf.h"

enum { M_MAX_LANGS = 5 };

enum field_type {
	FT_TEXT, FT_LONGTEXT, FT_NUMBER, FT_MONEY, FT_PERCENT, FT_DATE, FT_CHOICE, FT_MULTICHOICE,
	FT_SCALE, FT_YESNO, FT_MEMBER, FT_TABLE, FT_LINK, FT_COUNT
};
extern const char *const field_type_names[FT_COUNT];
/* The registers a link field may point to (NULL-terminated). */
extern const char *const method_registers[];

/* A translated text: one entry per language of the methodology (index as in
 * methodology.langs); html is the rendered Markdown for (md) texts, else NULL. */
struct tr {
	const char *s[M_MAX_LANGS];
	const char *html[M_MAX_LANGS];
};

struct m_item { /* a checklist item, question, exit criterion or option */
	const char *key;
	struct tr text;
};

struct m_field {
	const char *key;
	enum field_type type;
	struct tr label, help, unit;
	bool required, multiple;
	const char *reg;        /* link: the register */
	struct m_item *opts;    /* choice, multichoice, scale */
	int nopts;
	struct m_field *cols;   /* table */
	int ncols;
};

struct m_tool {
	const char *key;
	struct tr name, purpose, guidance;
	struct m_field *fields;
	int nfields;
	struct m_item *checklist, *questions;
	int nchecklist, nquestions;
	struct tr *tips;
	int ntips;
	const char *file;
};

struct m_example {
	struct tr title, text;
};

struct m_phase;

struct m_step {
	const char *key;
	int order;
	struct tr name, guidance;
	struct tr *tips;
	int ntips;
	struct m_example *examples;
	int nexamples;
	struct m_tool **tools;
	int ntools;
	const struct m_phase *phase;
};

struct m_phase {
	const char *key;
	int order;
	struct tr name, purpose;
	struct m_item *exit;
	int nexit;
	struct tr *tips;
	int ntips;
	struct m_step *steps;
	int nsteps;
};

struct m_source {
	struct tr title;
	const char *url;
};

struct methodology {
	struct arena arena;
	const char *key, *version;
	char hash[65];             /* SHA-256 over the files (paths and contents) */
	const char *langs[M_MAX_LANGS];
	int nlangs;
	struct tr name, publisher, description, notes, licence;
	struct m_source *sources;
	int nsources;
	struct m_phase *phases;    /* sorted by order */
	int nphases;
	struct m_tool *tools;      /* sorted by key */
	int ntools;
	long long version_id;      /* row in methodology_versions, once stored */
	bool builtin;
};

/* One input file: a path relative to the methodology folder, and its bytes. */
struct m_file {
	const char *path;
	const char *data;
	size_t len;
};

/* Problems found while loading: one line per problem, "file:line: message". */
struct m_diag {
	struct buf out;
	int errors, warnings;
	const char *prefix;        /* prepended to file names (the folder), may be NULL */
};

/* Load and check a methodology from its files. Returns NULL if there is any
 * error (described in diag); warnings do not stop loading. The caller frees
 * the result with method_free. */
struct methodology *method_load(const struct m_file *files, int nfiles, struct m_diag *diag);
void method_free(struct methodology *m);

/* Read all *.yaml files of a methodology folder (methodology.yaml, phases/,
 * tools/) into a malloc'd array of malloc'd files; free with method_files_free.
 * Returns the count, or -1 with a message in err. */
int method_read_dir(const char *dir, struct m_file **files, char *err, size_t errlen);
void method_files_free(struct m_file *files, int n);
/* The same from a .zip or .tar(.gz) archive in memory (libarchive). A single
 * top-level folder is stripped, so both "veikart/methodology.yaml" and
 * "methodology.yaml" work. Returns the count or -1 with a message. */
int method_read_archive(const void *data, size_t len, struct m_file **files, char *err, size_t errlen);

/* The text in lang, or in the base language when there is no such
 * translation. Never NULL. */
const char *tr_text(const struct methodology *m, const struct tr *t, const char *lang);
/* The rendered HTML of a Markdown text in lang (or the base language). */
const char *tr_html(const struct methodology *m, const struct tr *t, const char *lang);
/* True if the methodology has a translation in lang. */
bool method_has_lang(const struct methodology *m, const char *lang);

const struct m_tool *method_tool(const struct methodology *m, const char *key);
const struct m_phase *method_phase(const struct methodology *m, const char *key);
const struct m_step *method_step(const struct methodology *m, const char *key);

#endif
