/* register_page.h — what the register pages share (page_register.c,
 * page_item.c, page_chain.c): loading a project with one register, its team
 * and its items, and showing values and titles with personal data redacted
 * for readers outside the team. */
#ifndef VARDE_REGISTER_PAGE_H
#define VARDE_REGISTER_PAGE_H
#include "../project/project.h"
#include "../register/register.h"
#include "form_fields.h"

enum { REG_MAX_TEAM = 200, REG_MAX_FIELDS = 24, REG_MAX_PHASES = 16, REG_MAX_TYPES = 40 };

struct reg_page {
	struct project_ctx pc;
	const struct reg_def *r;        /* NULL until reg_page_use */
	struct m_tool tool;             /* r's fields with per-project options (phases) */
	struct m_field fields[REG_MAX_FIELDS];
	struct m_item phases[REG_MAX_PHASES];
	struct m_item types[REG_MAX_TYPES];   /* benefit types: built in + the organisation's */
	char *type_keys[REG_MAX_TYPES], *type_labels[REG_MAX_TYPES]; /* owned */
	int ntypes_own;
	struct item_index items;        /* every live item of the project */
	long long team[REG_MAX_TEAM];
	char *team_names[REG_MAX_TEAM]; /* owned */
	int nteam;
	struct field_env env;
	bool personal;                  /* the user may read personal data */
	bool edit;                      /* the user may change the registers */
};

/* Load project params[0] for action, its team and items (with their data when
 * with_data). Returns 0, or -1 with the response set (404/403). */
int reg_page_load(struct ctx *c, enum authz_action action, struct reg_page *rp, bool with_data);
/* The same for a project by id, with the benefit-owner fact (page_benefit.c). */
int reg_page_load_as(struct ctx *c, long long project_id, enum authz_action action, bool benefit_owner, struct reg_page *rp,
		     bool with_data);
/* Choose the register (by key); -1 with a 404 when there is none. */
int reg_page_use(struct ctx *c, struct reg_page *rp, const char *key);
void reg_page_free(struct reg_page *rp);

/* An item's title for this reader: "(personal data hidden)" when it holds
 * personal data the reader may not see. */
const char *reg_title(struct ctx *c, const struct reg_page *rp, const struct item_ref *it);
/* An item's entry for this reader (redacted when needed); caller decrefs. */
json_t *reg_entry_for_reader(struct ctx *c, const struct reg_page *rp, const struct reg_def *r, const json_t *entry, bool pii);
/* One value as display HTML (choices by label, links as links, numbers with a
 * decimal comma, members by name); nothing for an empty value. */
void reg_value_render(struct ctx *c, const struct reg_page *rp, const struct m_field *f, const json_t *v);
/* The translated label of an option key of a choice field, or the key. */
const char *reg_option_label(struct ctx *c, const struct m_field *f, const char *key);
/* The form for a new item (it NULL) or for editing one, with the values v
 * (form names), errors, personal-data findings and a conflict note. */
void reg_form_page(struct ctx *c, struct reg_page *rp, const struct reg_item *it, const struct kvlist *v, long long rev,
		   const struct entry_errors *errs, const struct buf *pii, const char *note);
/* Read the posted form and create (it NULL) or save the item; responds with a
 * redirect, or the form again with what must be fixed. In page_item.c. */
void reg_item_submit(struct ctx *c, struct reg_page *rp, const struct reg_item *it);

/* A benefit's owner (page_benefit.c): the select of the organisation's
 * members in the benefit form, and reading it back (0 = none; -1 = not a
 * member of the organisation, an error on the field "owner"). */
void benefit_owner_render(struct ctx *c, const struct reg_page *rp, const struct reg_item *it, const struct kvlist *v,
			  bool error);
long long benefit_owner_read(struct ctx *c, const struct reg_page *rp);

/* Today as YYYY-MM-DD (server local time). */
void reg_today(char out[11]);

#endif
