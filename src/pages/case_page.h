/* case_page.h — what the case library (page_case.c) and the search
 * (page_search.c) share: the choices to filter by (phase, service area,
 * benefit type), reading them from the query string, and the labels of the
 * keys a case stores. */
#ifndef VARDE_CASE_PAGE_H
#define VARDE_CASE_PAGE_H
#include "../app/layout.h"
#include "../store/store_search.h"

enum { CASE_MAX_PHASES = 64, CASE_MAX_TYPES = 64 };

/* The options of the filters, translated for the request; the first option
 * of each is "All" (value ""). */
struct case_choices {
	struct ui_option phases[CASE_MAX_PHASES + 1];  /* every phase key of the current methodologies */
	int nphases;
	struct ui_option areas[16];
	int nareas;
	struct ui_option types[CASE_MAX_TYPES + 1];    /* built-in benefit types, then the user's organisations' */
	int ntypes;
	char *owned[CASE_MAX_TYPES * 2];               /* owned: keys and labels of the organisations' types */
	int nowned;
};
void case_choices_load(struct ctx *c, struct case_choices *ch);
void case_choices_free(struct case_choices *ch);

/* Read phase, area and type from the query string; values that are not
 * among the choices are dropped (f's strings point into the request). */
void case_filter_read(struct ctx *c, const struct case_choices *ch, struct search_filter *f);
/* The three labelled selects of a filter form (the caller opens the form). */
void case_filter_fields(struct ctx *c, const struct case_choices *ch, const struct search_filter *f);

/* The label of a phase key or a benefit type key among the choices, or the
 * key itself. */
const char *case_phase_label(const struct case_choices *ch, const char *key);
const char *case_type_label(const struct case_choices *ch, const char *key);
/* "Open to everyone" or "Our networks" for a stored audience. */
const char *case_audience_label(struct ctx *c, const char *audience);

#endif
