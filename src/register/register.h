/* register.h — the registers of a project's evidence chain: stakeholders,
 * anchoring plan, research activities, insights, needs, personas, journey
 * maps, ideas and tests.
 *
 * A register is defined like a methodology tool: a list of typed template
 * fields (struct m_field), so the form reader, the revisions and the field
 * renderer of the case file (entry.h, form_fields.h) serve registers too. The
 * definitions are product code, not methodology content: every methodology's
 * "link" fields point into the same registers. Labels are English msgids,
 * translated per request with gettext.
 *
 * Items are stored as entries ({"fields": {...}}) in register_items; link
 * fields hold item ids (strings) and are mirrored into register_links so that
 * "came from" and "led to" are one indexed query each. A link points from the
 * source (upstream: the research an insight came from) to the item that holds
 * the field. Benefits (a later register) plug in the same way. */
#ifndef VARDE_REGISTER_H
#define VARDE_REGISTER_H
#include <jansson.h>
#include <stdbool.h>

#include "../method/method.h"

struct reg_def {
	const char *key;          /* "stakeholder", … (as in method_registers) */
	const char *name;         /* plural, msgid: "Stakeholders" */
	const char *one;          /* singular, msgid: "Stakeholder" */
	const char *purpose;      /* msgid: one paragraph on what the register is for */
	int chain;                /* place in the chain view (1 = research … 6 = decisions), 0 = not in it */
	const struct m_tool *tool; /* the fields; tool->fields[0] is the item's title */
};

/* All registers in the order they are shown, and how many. */
extern const struct reg_def REGISTERS[];
extern const int NREGISTERS;

/* The register with this key, or NULL. */
const struct reg_def *register_find(const char *key);

/* A field's key inside a register, or NULL. */
const struct m_field *register_field(const struct reg_def *r, const char *key);

/* Power/interest grid. Levels are "none", "low", "medium", "high" (0–3);
 * NULL or unknown counts as 0. The strategy follows the classic grid:
 * high influence and high interest: manage closely; high influence, low
 * interest: keep satisfied; low influence, high interest: keep informed;
 * both low: monitor. "High" means medium or high. */
enum stakeholder_strategy { SS_MONITOR, SS_KEEP_INFORMED, SS_KEEP_SATISFIED, SS_MANAGE_CLOSELY };
int register_level(const char *level);
enum stakeholder_strategy stakeholder_strategy(const char *interest, const char *influence);
const char *stakeholder_strategy_name(enum stakeholder_strategy s); /* msgid */

/* Dot voting: each member has DOTS_PER_ROUND dots per round and may put up
 * to all of them on one idea. votes_check reads a member's ballot (dots per
 * idea, in the order of ideas[]) and returns 0, or -1 when it gives out more
 * dots than allowed or a negative count. */
enum { DOTS_PER_ROUND = 3 };
int votes_check(const int *dots, int n);

/* The ids held by a link field of an entry (strings parsed as numbers);
 * returns how many were written to ids (at most max). */
int register_link_ids(const json_t *entry, const char *field, long long *ids, int max);

/* Text fields whose values are replaced when someone outside the project
 * team reads an item that holds personal data: every free-text field (text,
 * longtext, tables). Returns a new entry with those values replaced by
 * `mark` (caller decrefs). */
json_t *register_redact(const struct m_tool *t, const json_t *entry, const char *mark);

#endif
