/* entry.h — the values a team enters in one tool of its case file: template
 * fields, ticked checklist items and answers to the reflection questions.
 *
 * An entry is a JSON object (jansson), stored as text:
 *   {"fields": {key: value}, "checklist": {key: true}, "answers": {key: "text"}}
 * Values by field type: text, longtext, date (ISO), choice, scale, yesno
 * ("yes"/"no") and member (user id as text) are strings; number, money and
 * percent are numbers; multichoice and link are arrays of strings; a table is
 * an array of row objects {column: value}.
 *
 * Form names: "f-KEY" for a field (repeated for multichoice), "t-KEY-ROW-COL"
 * for a table cell with "t-KEY-rows" the number of rows, "c-KEY" for a ticked
 * checklist item, "q-KEY" for an answer. */
#ifndef VARDE_ENTRY_H
#define VARDE_ENTRY_H
#include <jansson.h>
#include <stdbool.h>

#include "../http/req.h"
#include "../method/method.h"

enum entry_err {
	EE_OK,
	EE_TOO_LONG,     /* text over its limit */
	EE_NUMBER,       /* not a number */
	EE_DATE,         /* not a date */
	EE_CHOICE,       /* not one of the options */
	EE_MEMBER,       /* not a member of the team */
	EE_TOO_MANY,     /* too many table rows */
	EE_LINK,         /* not an item of the register (checked by links_check) */
	EE_REQUIRED,     /* a required field is empty (checked by the register pages) */
	EE_OWNER,        /* a benefit owner who is not in the organisation */
};

struct entry_error {
	char name[160];        /* the form control's name (and id) */
	const struct m_field *field;
	enum entry_err err;
};

enum { ENTRY_MAX_ERRORS = 32, ENTRY_MAX_ROWS = 100 };

struct entry_errors {
	struct entry_error e[ENTRY_MAX_ERRORS];
	int n;
};

/* Read a tool's form into a new entry object (caller json_decref's it). Typed
 * problems are collected in errs; the entry still holds what could be read,
 * and raw holds what the user typed for every field (to show the form again). */
json_t *entry_from_form(const struct m_tool *t, const struct kvlist *form, const long long *team, int nteam,
			struct entry_errors *errs);
/* An empty entry. */
json_t *entry_new(void);

/* Progress of an entry, 0–100: required fields filled (all fields when none
 * is required), checklist items ticked and questions answered, as a share of
 * all of them. Link fields are not counted: they record where something came
 * from, and an empty register (or one a later issue adds) is no unfinished work. */
int entry_progress(const struct m_tool *t, const json_t *entry);
/* How many fields, checklist items and questions entry_progress counts for
 * a tool (the same for every entry). */
void entry_progress_totals(const struct m_tool *t, int *fields_all, int *checks_all, int *answers_all);
/* The parts counted by entry_progress, for an explanation in words. */
void entry_progress_parts(const struct m_tool *t, const json_t *entry, int *fields_done, int *fields_all,
			  int *checks_done, int *checks_all, int *answers_done, int *answers_all);

/* The keys that differ between two entries: "f:KEY", "c:KEY", "q:KEY", as a
 * new JSON array (caller decrefs). */
json_t *entry_diff(const struct m_tool *t, const json_t *a, const json_t *b);
/* A value as display text (malloc'd): numbers with a decimal comma, choices by
 * their label in lang, tables as "N rows", empty as "". */
char *entry_display(const struct methodology *m, const struct m_field *f, const json_t *v, const char *lang);

/* Look up parts; NULL when absent. */
const json_t *entry_field(const json_t *entry, const char *key);
bool entry_checked(const json_t *entry, const char *key);
const char *entry_answer(const json_t *entry, const char *key);

#endif
