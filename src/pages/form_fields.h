/* form_fields.h — forms built from typed template fields, shared by the case
 * file's tools (page_tool.c) and the registers (page_register.c, page_item.c).
 *
 * A field is rendered with its label, help, control and error message linked
 * by id; values come from a kvlist of form values (what the user typed, or a
 * stored entry turned back into form values with entry_to_form). */
#ifndef VARDE_FORM_FIELDS_H
#define VARDE_FORM_FIELDS_H
#include <jansson.h>
#include <stdbool.h>

#include "../app/ctx.h"
#include "../project/entry.h"

/* A live register item of a project, as link fields list them. */
struct item_ref {
	long long id;
	char reg[16];
	char *title;   /* owned */
	bool pii;      /* holds confirmed personal data */
	bool tombstone;
	long long updated_at;
	json_t *data;  /* owned; the entry, when loaded with_data (else NULL) */
};

/* Every live register item of one project, ordered by register and id. */
struct item_index {
	struct item_ref *v; /* owned */
	int n;
};
void item_index_load(struct ctx *c, long long project_id, struct item_index *ix, bool with_data);
void item_index_free(struct item_index *ix);
const struct item_ref *item_index_find(const struct item_index *ix, long long id);

/* What rendering a field needs besides the field itself. */
struct field_env {
	const struct methodology *m;  /* labels are texts of this methodology … */
	const char *L;                /* … in this language; */
	bool gettext;                 /* or, for registers, English msgids translated per request */
	const long long *team;        /* the project team, for member fields */
	char *const *team_names;
	int nteam;
	const struct item_index *items; /* for link fields; NULL shows none */
	bool personal;                /* the reader may see personal data (else such titles are hidden) */
	const json_t *previous;       /* the stored entry when saving an edit, else NULL */
	long long project_id;
};

/* A field's label, help or option text for this request. */
const char *field_text(struct ctx *c, const struct field_env *env, const struct tr *t);
/* One field: label, help, control(s), error. ro renders it disabled. */
void field_render(struct ctx *c, const struct field_env *env, const struct m_field *f, const struct kvlist *v,
		  const struct entry_errors *errs, bool ro);
/* An entry as the form values that would produce it (added to out). */
void entry_to_form(const struct m_tool *t, const json_t *e, struct kvlist *out);
/* The error recorded for a form name, or NULL (an opaque pointer: test it). */
const char *error_for(const struct entry_errors *errs, const char *name);
/* The message for a typed problem, translated. */
const char *entry_err_text(struct ctx *c, enum entry_err e);
/* The error summary at the top of a form (nothing when errs is empty). */
void form_error_summary(struct ctx *c, const struct field_env *env, const struct entry_errors *errs);

/* Link values must name a live item of the field's register in env->items,
 * or a tombstone the stored entry (env->previous) already links to (a link to
 * an item deleted for retention is kept, never made), at most one for a
 * single link; anything else is an EE_LINK error. Returns the number of
 * errors added. */
int links_check(const struct field_env *env, const struct m_tool *t, const json_t *entry, struct entry_errors *errs);

/* Look for personal data (pii.h) in the free-text values of an entry's
 * fields and table cells; each finding is added to out as an HTML list item
 * naming the kind and the field. Returns the number of findings. kinds gets
 * the kinds found, comma-separated, when not NULL. */
int fields_pii_scan(struct ctx *c, const struct field_env *env, const struct m_tool *t, const json_t *e, struct buf *out,
		    struct buf *kinds);
/* The same for one text; where names the place. */
int pii_note(struct ctx *c, struct buf *out, const char *text, const char *where, struct buf *kinds);
/* The warning with the findings and the confirmation checkbox (pii_ok). */
void pii_warning_render(struct ctx *c, const struct buf *findings);

#endif
