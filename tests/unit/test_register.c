/* test_register.c — src/register/register.h: the register definitions and the
 * small rules that go with them. Every expectation is written by hand from
 * the rules in the header comment of register.h and the issue (the
 * power/interest grid, three dots per round, link ids, redaction of free
 * text), not from the code. */
#include "testlib.h"

#include <jansson.h>
#include <limits.h>

#include "pages/register_page.h"
#include "register/register.h"

/* ---- the power/interest grid -------------------------------------------------- */

/* A level: none, low, medium, high (0–3); NULL or anything else is 0. */
static void test_register_level(void **state)
{
	(void)state;
	assert_int_equal(register_level("none"), 0);
	assert_int_equal(register_level("low"), 1);
	assert_int_equal(register_level("medium"), 2);
	assert_int_equal(register_level("high"), 3);
	assert_int_equal(register_level(NULL), 0);
	assert_int_equal(register_level(""), 0);
	assert_int_equal(register_level("High"), 0);
	assert_int_equal(register_level("very high"), 0);
	assert_int_equal(register_level("3"), 0);
	assert_int_equal(register_level("high "), 0);
}

/* Every combination of interest and influence, including NULL and unknown
 * values (which count as none). "High" means medium or high:
 *   high influence + high interest → manage closely
 *   high influence + low interest  → keep satisfied
 *   low influence  + high interest → keep informed
 *   low influence  + low interest  → monitor */
static void test_stakeholder_strategy_grid(void **state)
{
	(void)state;
	static const struct {
		const char *level;
		bool high;
	} levels[] = {{"none", false}, {"low", false}, {"medium", true}, {"high", true},
		      {NULL, false},   {"", false},    {"HIGH", false},	 {"enormous", false}};
	const int n = (int)(sizeof levels / sizeof levels[0]);
	for (int i = 0; i < n; i++)	      /* interest */
		for (int f = 0; f < n; f++) { /* influence */
			enum stakeholder_strategy want;
			if (levels[f].high)
				want = levels[i].high ? SS_MANAGE_CLOSELY : SS_KEEP_SATISFIED;
			else
				want = levels[i].high ? SS_KEEP_INFORMED : SS_MONITOR;
			enum stakeholder_strategy got = stakeholder_strategy(levels[i].level, levels[f].level);
			if (got != want)
				fail_msg("interest %s, influence %s: got %d, want %d",
					 levels[i].level ? levels[i].level : "NULL",
					 levels[f].level ? levels[f].level : "NULL", (int)got, (int)want);
		}
	/* A few corners spelled out, so a reader sees the grid's orientation. */
	assert_int_equal(stakeholder_strategy("high", "high"), SS_MANAGE_CLOSELY);
	assert_int_equal(stakeholder_strategy("none", "high"), SS_KEEP_SATISFIED);
	assert_int_equal(stakeholder_strategy("high", "none"), SS_KEEP_INFORMED);
	assert_int_equal(stakeholder_strategy("low", "low"), SS_MONITOR);
	assert_int_equal(stakeholder_strategy("medium", "medium"), SS_MANAGE_CLOSELY);
	assert_int_equal(stakeholder_strategy("low", "medium"), SS_KEEP_SATISFIED);
	assert_int_equal(stakeholder_strategy("medium", "low"), SS_KEEP_INFORMED);
	assert_int_equal(stakeholder_strategy(NULL, NULL), SS_MONITOR);
	assert_int_equal(stakeholder_strategy(NULL, "high"), SS_KEEP_SATISFIED);
	assert_int_equal(stakeholder_strategy("high", NULL), SS_KEEP_INFORMED);
}

/* Each strategy has its own name (an English msgid). */
static void test_stakeholder_strategy_names(void **state)
{
	(void)state;
	assert_string_equal(stakeholder_strategy_name(SS_MANAGE_CLOSELY), "Manage closely");
	assert_string_equal(stakeholder_strategy_name(SS_KEEP_SATISFIED), "Keep satisfied");
	assert_string_equal(stakeholder_strategy_name(SS_KEEP_INFORMED), "Keep informed");
	assert_string_equal(stakeholder_strategy_name(SS_MONITOR), "Monitor");
}

/* ---- dot voting ------------------------------------------------------------------ */

#define BALLOT(want, ...)                                                                                              \
	do {                                                                                                           \
		const int dots_[] = {__VA_ARGS__};                                                                     \
		assert_int_equal(votes_check(dots_, (int)(sizeof dots_ / sizeof dots_[0])), (want));                   \
	} while (0)

/* Three dots per member and round, up to all of them on one idea; never a
 * negative count. */
static void test_votes_check(void **state)
{
	(void)state;
	assert_int_equal(DOTS_PER_ROUND, 3);
	/* An empty ballot, and no ideas at all. */
	assert_int_equal(votes_check(NULL, 0), 0);
	BALLOT(0, 0);
	BALLOT(0, 0, 0, 0, 0);
	/* All three on one idea, at either end of the list. */
	BALLOT(0, 3);
	BALLOT(0, 3, 0, 0);
	BALLOT(0, 0, 0, 3);
	/* Exactly three, spread. */
	BALLOT(0, 1, 1, 1);
	BALLOT(0, 2, 1);
	BALLOT(0, 1, 0, 2, 0);
	/* Fewer than three. */
	BALLOT(0, 1);
	BALLOT(0, 0, 2);
	/* More than three on one idea. */
	BALLOT(-1, 4);
	BALLOT(-1, 0, 0, 4);
	BALLOT(-1, 99);
	BALLOT(-1, INT_MAX);
	/* More than three in all. */
	BALLOT(-1, 2, 2);
	BALLOT(-1, 1, 1, 1, 1);
	BALLOT(-1, 3, 1);
	BALLOT(-1, 3, 3, 3);
	/* Negative counts, also when they would bring the sum down to three. */
	BALLOT(-1, -1);
	BALLOT(-1, 0, -1, 0);
	BALLOT(-1, 3, -1);
	BALLOT(-1, 3, 3, -3);
	BALLOT(-1, INT_MIN);
	BALLOT(-1, INT_MIN, 3);
}

/* ---- link ids ----------------------------------------------------------------------- */

static json_t *entry_with(const char *field, json_t *value)
{
	json_t *e = json_object();
	json_t *f = json_object();
	json_object_set_new(f, field, value);
	json_object_set_new(e, "fields", f);
	return e;
}

/* Only strings that are whole positive numbers are ids; the rest is skipped. */
static void test_link_ids_junk(void **state)
{
	(void)state;
	json_t *arr = json_array();
	const char *values[] = {"12",	 "junk", "",   "0",   "-5",  "12abc",
				"abc12", " 3",	 "3 ", "4.5", "1e3", "99999999999999999999999",
				"-0",	 "7"};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		json_array_append_new(arr, json_string(values[i]));
	json_array_append_new(arr, json_integer(8)); /* not a string */
	json_array_append_new(arr, json_null());
	json_array_append_new(arr, json_array());
	json_t *e = entry_with("research", arr);
	long long ids[32];
	memset(ids, 0, sizeof ids);
	int n = register_link_ids(e, "research", ids, 32);
	assert_int_equal(n, 2);
	assert_true(ids[0] == 12);
	assert_true(ids[1] == 7);
	json_decref(e);
}

/* Large ids come through whole; the largest possible one too. */
static void test_link_ids_large(void **state)
{
	(void)state;
	json_t *arr = json_array();
	json_array_append_new(arr, json_string("9223372036854775807"));
	json_array_append_new(arr, json_string("4294967296"));
	json_t *e = entry_with("insights", arr);
	long long ids[4];
	assert_int_equal(register_link_ids(e, "insights", ids, 4), 2);
	assert_true(ids[0] == LLONG_MAX);
	assert_true(ids[1] == 4294967296LL);
	json_decref(e);
}

/* At most max ids are written, the first ones in order; nothing beyond. */
static void test_link_ids_max(void **state)
{
	(void)state;
	json_t *arr = json_array();
	for (int i = 1; i <= 6; i++) {
		char s[8];
		snprintf(s, sizeof s, "%d", i * 10);
		json_array_append_new(arr, json_string(s));
	}
	json_t *e = entry_with("needs", arr);
	long long ids[8];
	for (int i = 0; i < 8; i++)
		ids[i] = -77;
	assert_int_equal(register_link_ids(e, "needs", ids, 3), 3);
	assert_true(ids[0] == 10 && ids[1] == 20 && ids[2] == 30);
	assert_true(ids[3] == -77);
	assert_int_equal(register_link_ids(e, "needs", ids, 1), 1);
	assert_true(ids[0] == 10 && ids[1] == 20);
	ids[0] = -77;
	assert_int_equal(register_link_ids(e, "needs", ids, 0), 0);
	assert_true(ids[0] == -77);
	assert_int_equal(register_link_ids(e, "needs", ids, 8), 6);
	assert_true(ids[5] == 60 && ids[6] == -77);
	json_decref(e);
	/* Junk first does not use up the room for the good ids after it. */
	arr = json_array();
	json_array_append_new(arr, json_string("x"));
	json_array_append_new(arr, json_string("0"));
	json_array_append_new(arr, json_string("5"));
	json_array_append_new(arr, json_string("6"));
	e = entry_with("needs", arr);
	assert_int_equal(register_link_ids(e, "needs", ids, 2), 2);
	assert_true(ids[0] == 5 && ids[1] == 6);
	json_decref(e);
}

/* No such field, a field that is not a list, no fields at all, no entry. */
static void test_link_ids_missing(void **state)
{
	(void)state;
	long long ids[4] = {-77, -77, -77, -77};
	json_t *e = entry_with("idea", json_string("5"));
	assert_int_equal(register_link_ids(e, "idea", ids, 4), 0);
	assert_int_equal(register_link_ids(e, "other", ids, 4), 0);
	json_decref(e);
	e = json_object();
	assert_int_equal(register_link_ids(e, "idea", ids, 4), 0);
	json_decref(e);
	e = entry_with("idea", json_array());
	assert_int_equal(register_link_ids(e, "idea", ids, 4), 0);
	json_decref(e);
	assert_int_equal(register_link_ids(NULL, "idea", ids, 4), 0);
	assert_true(ids[0] == -77);
}

/* ---- redaction ------------------------------------------------------------------------ */

static const char MARK[] = "[hidden]";

static const struct m_tool *tool_of(const char *key)
{
	const struct reg_def *r = register_find(key);
	assert_non_null(r);
	return r->tool;
}

static const char *field_str(const json_t *e, const char *key)
{
	return json_string_value(json_object_get(json_object_get(e, "fields"), key));
}

/* A research activity: its title, participants and notes (text and long
 * text) are replaced; the method (a choice), dates and consent (yes/no) stay. */
static void test_redact_research(void **state)
{
	(void)state;
	json_t *e = json_pack("{s:{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}}", "fields", "title",
			      "Intervju med Kari", "method", "interview", "date", "2026-03-01", "participants",
			      "Kari Nordmann, 15038712345", "consent", "yes", "consent_how", "Muntlig", "consent_when",
			      "2026-02-28", "notes", "Ring kari@eksempel.no", "retention", "2026-12-31");
	char *before = json_dumps(e, JSON_SORT_KEYS);
	json_t *r = register_redact(tool_of("research"), e, MARK);
	assert_non_null(r);
	assert_ptr_not_equal(r, e);
	assert_string_equal(field_str(r, "title"), MARK);
	assert_string_equal(field_str(r, "participants"), MARK);
	assert_string_equal(field_str(r, "consent_how"), MARK);
	assert_string_equal(field_str(r, "notes"), MARK);
	assert_string_equal(field_str(r, "method"), "interview");
	assert_string_equal(field_str(r, "date"), "2026-03-01");
	assert_string_equal(field_str(r, "consent"), "yes");
	assert_string_equal(field_str(r, "consent_when"), "2026-02-28");
	assert_string_equal(field_str(r, "retention"), "2026-12-31");
	/* Nothing of the secret text is left anywhere in the copy. */
	char *after = json_dumps(r, JSON_SORT_KEYS);
	assert_null(strstr(after, "Kari"));
	assert_null(strstr(after, "15038712345"));
	assert_null(strstr(after, "eksempel"));
	assert_null(strstr(after, "Muntlig"));
	free(after);
	/* The original entry is untouched. */
	char *again = json_dumps(e, JSON_SORT_KEYS);
	assert_string_equal(again, before);
	free(again);
	free(before);
	json_decref(r);
	json_decref(e);
}

/* A journey map: the title and the text cells of the stages table are
 * replaced; the persona link, the kind (a choice) and the feeling of each
 * stage (a choice column) stay; cells that were empty stay absent. */
static void test_redact_journey_table(void **state)
{
	(void)state;
	json_t *e = json_pack("{s:{s:s, s:[s], s:s, s:[s], s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}]}}", "fields", "title",
			      "Karis reise", "persona", "3", "kind", "today", "compare", "9", "stages", "stage",
			      "Søknad", "actions", "Ringer 412 34 567", "feeling", "2", "stage", "Vedtak", "pains",
			      "Venter på Ola", "feeling", "5");
	char *before = json_dumps(e, JSON_SORT_KEYS);
	json_t *r = register_redact(tool_of("journey"), e, MARK);
	assert_string_equal(field_str(r, "title"), MARK);
	assert_string_equal(field_str(r, "kind"), "today");
	const json_t *fields = json_object_get(r, "fields");
	assert_string_equal(json_string_value(json_array_get(json_object_get(fields, "persona"), 0)), "3");
	assert_int_equal(json_array_size(json_object_get(fields, "persona")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(fields, "compare"), 0)), "9");
	const json_t *rows = json_object_get(fields, "stages");
	assert_int_equal(json_array_size(rows), 2);
	const json_t *r0 = json_array_get(rows, 0), *r1 = json_array_get(rows, 1);
	assert_string_equal(json_string_value(json_object_get(r0, "stage")), MARK);
	assert_string_equal(json_string_value(json_object_get(r0, "actions")), MARK);
	assert_string_equal(json_string_value(json_object_get(r0, "feeling")), "2");
	assert_null(json_object_get(r0, "pains"));
	assert_string_equal(json_string_value(json_object_get(r1, "stage")), MARK);
	assert_string_equal(json_string_value(json_object_get(r1, "pains")), MARK);
	assert_string_equal(json_string_value(json_object_get(r1, "feeling")), "5");
	assert_null(json_object_get(r1, "actions"));
	assert_int_equal(json_object_size(r0), 3);
	assert_int_equal(json_object_size(r1), 3);
	char *again = json_dumps(e, JSON_SORT_KEYS);
	assert_string_equal(again, before);
	free(again);
	free(before);
	json_decref(r);
	json_decref(e);
}

/* Fields that are not in the entry are not added; scales, numbers, members
 * and links of other registers stay as they were. */
static void test_redact_keeps_non_text(void **state)
{
	(void)state;
	json_t *e = json_pack("{s:{s:s, s:[s, s], s:s, s:s, s:s}}", "fields", "title", "Idé fra Per", "needs", "4", "5",
			      "impact", "4", "effort", "2", "status", "shortlisted");
	json_t *r = register_redact(tool_of("idea"), e, MARK);
	const json_t *f = json_object_get(r, "fields");
	assert_int_equal(json_object_size(f), 5);
	assert_string_equal(field_str(r, "title"), MARK);
	assert_string_equal(field_str(r, "impact"), "4");
	assert_string_equal(field_str(r, "effort"), "2");
	assert_string_equal(field_str(r, "status"), "shortlisted");
	assert_int_equal(json_array_size(json_object_get(f, "needs")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(f, "needs"), 1)), "5");
	assert_null(json_object_get(f, "description"));
	json_decref(r);
	json_decref(e);

	e = json_pack("{s:{s:s, s:[s], s:s, s:s, s:s, s:s, s:s}}", "fields", "what", "Møte med Per Hansen",
		      "stakeholders", "2", "responsible", "17", "deadline", "2026-01-10", "status", "planned",
		      "purpose", "inform", "result", "Per sa ja");
	r = register_redact(tool_of("anchoring"), e, MARK);
	assert_string_equal(field_str(r, "what"), MARK);
	assert_string_equal(field_str(r, "result"), MARK);
	assert_string_equal(field_str(r, "responsible"), "17");
	assert_string_equal(field_str(r, "deadline"), "2026-01-10");
	assert_string_equal(field_str(r, "status"), "planned");
	assert_string_equal(field_str(r, "purpose"), "inform");
	assert_string_equal(
	    json_string_value(json_array_get(json_object_get(json_object_get(r, "fields"), "stakeholders"), 0)), "2");
	json_decref(r);
	json_decref(e);

	json_t *num = json_pack("{s:{s:s, s:i, s:s}}", "fields", "title", "Test hos Kari", "participants_n", 5,
				"decision", "iterate");
	r = register_redact(tool_of("test"), num, MARK);
	assert_string_equal(field_str(r, "title"), MARK);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "fields"), "participants_n")), 5);
	assert_string_equal(field_str(r, "decision"), "iterate");
	json_decref(r);
	json_decref(num);

	/* An entry with no fields at all stays empty. */
	json_t *empty = json_pack("{s:{}}", "fields");
	r = register_redact(tool_of("stakeholder"), empty, MARK);
	assert_int_equal(json_object_size(json_object_get(r, "fields")), 0);
	json_decref(r);
	json_decref(empty);
}

/* ---- the definitions ------------------------------------------------------------------ */

/* Problems are printed as they are found and counted, so one run lists every
 * register that breaks a rule; the test fails at the end if there were any. */
static int def_problems;
#define PROBLEM(...) (print_error(__VA_ARGS__), print_error("\n"), def_problems++)

static void check_link_target(const char *reg, const struct m_field *f)
{
	if (f->type != FT_LINK)
		return;
	if (!f->reg)
		PROBLEM("%s.%s: a link field without a register", reg, f->key);
	else if (!register_find(f->reg))
		PROBLEM("%s.%s: links to \"%s\", which is no register", reg, f->key, f->reg);
}

/* The registers of the evidence chain (issue 5), in the order they are shown.
 * Later registers (benefits) come after them. */
static const char *const CHAIN_REGISTERS[] = {"stakeholder", "anchoring", "research", "insight", "need",
					      "persona",     "journey",	  "idea",     "test"};
enum { NCHAIN_REGISTERS = (int)(sizeof CHAIN_REGISTERS / sizeof CHAIN_REGISTERS[0]) };

/* Every register: found by its key, named, with at most REG_MAX_FIELDS fields
 * of unique keys, the first of them the item's required text title; every
 * link field (also in table columns) names an existing register. Every
 * register of the evidence chain has the date its personal data must be
 * deleted by. */
static void test_register_definitions(void **state)
{
	(void)state;
	def_problems = 0;
	assert_true(NREGISTERS >= NCHAIN_REGISTERS);
	for (int i = 0; i < NREGISTERS; i++) {
		const struct reg_def *r = &REGISTERS[i];
		assert_non_null(r->key);
		assert_ptr_equal(register_find(r->key), r);
		assert_true(r->name && *r->name && r->one && *r->one && r->purpose && *r->purpose);
		assert_non_null(r->tool);
		assert_true(r->tool->nfields > 0 && r->tool->nfields <= REG_MAX_FIELDS);
		const struct m_field *title = &r->tool->fields[0];
		if (title->type != FT_TEXT)
			PROBLEM("%s: the first field (%s) is not a text title", r->key, title->key);
		if (!title->required)
			PROBLEM("%s: the first field (%s) is the item's title but is not marked required", r->key,
				title->key);
		for (int k = 0; k < r->tool->nfields; k++) {
			const struct m_field *f = &r->tool->fields[k];
			assert_non_null(f->key);
			assert_true(f->label.s[0] && *f->label.s[0]);
			assert_ptr_equal(register_field(r, f->key), f);
			for (int j = k + 1; j < r->tool->nfields; j++)
				if (!strcmp(f->key, r->tool->fields[j].key))
					PROBLEM("%s: field key %s twice", r->key, f->key);
			check_link_target(r->key, f);
			for (int col = 0; f->type == FT_TABLE && col < f->ncols; col++)
				check_link_target(r->key, &f->cols[col]);
			for (int o = 0; o < f->nopts; o++)
				assert_true(f->opts[o].key && *f->opts[o].key && f->opts[o].text.s[0]);
		}
	}
	for (int i = 0; i < NCHAIN_REGISTERS; i++) {
		const struct m_field *ret = register_field(register_find(CHAIN_REGISTERS[i]), "retention");
		if (!ret || ret->type != FT_DATE)
			PROBLEM("%s: no retention date field", CHAIN_REGISTERS[i]);
	}
	assert_int_equal(def_problems, 0);
	/* Registers are unique. */
	for (int i = 0; i < NREGISTERS; i++)
		for (int j = i + 1; j < NREGISTERS; j++)
			assert_string_not_equal(REGISTERS[i].key, REGISTERS[j].key);
}

/* The order they are shown in, the place of each in the chain (research 1 …
 * tests 5; stakeholders, anchoring, personas and journeys not in it), and the
 * links the chain is built on. */
static void test_register_order_and_chain(void **state)
{
	(void)state;
	static const int chain[NCHAIN_REGISTERS] = {0, 0, 1, 2, 3, 0, 0, 4, 5};
	for (int i = 0; i < NCHAIN_REGISTERS; i++) {
		assert_string_equal(REGISTERS[i].key, CHAIN_REGISTERS[i]);
		assert_int_equal(REGISTERS[i].chain, chain[i]);
	}
	/* A later register is never in one of the first five chain columns. */
	for (int i = NCHAIN_REGISTERS; i < NREGISTERS; i++)
		assert_true(REGISTERS[i].chain == 0 || REGISTERS[i].chain > 5);
	/* Each chain column links to the one before it. */
	static const struct {
		const char *reg, *field, *to;
		bool multiple;
	} links[] = {{"insight", "research", "research", true}, {"need", "insights", "insight", true},
		     {"idea", "needs", "need", true},		{"test", "idea", "idea", false},
		     {"journey", "persona", "persona", false},	{"anchoring", "stakeholders", "stakeholder", true}};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		const struct m_field *f = register_field(register_find(links[i].reg), links[i].field);
		assert_non_null(f);
		assert_int_equal(f->type, FT_LINK);
		assert_string_equal(f->reg, links[i].to);
		assert_int_equal(f->multiple, links[i].multiple);
	}
	/* Interest and influence are scales of the four levels, in order. */
	const struct reg_def *sh = register_find("stakeholder");
	static const char *const lv[] = {"none", "low", "medium", "high"};
	for (int k = 0; k < 2; k++) {
		const struct m_field *f = register_field(sh, k ? "influence" : "interest");
		assert_non_null(f);
		assert_int_equal(f->nopts, 4);
		for (int o = 0; o < 4; o++) {
			assert_string_equal(f->opts[o].key, lv[o]);
			assert_int_equal(register_level(f->opts[o].key), o);
		}
	}
}

/* Looking up what does not exist. */
static void test_register_find_missing(void **state)
{
	(void)state;
	assert_null(register_find(NULL));
	assert_null(register_find(""));
	assert_null(register_find("Idea"));
	assert_null(register_find("ideas"));
	assert_null(register_find("idea "));
	assert_null(register_field(register_find("idea"), "nope"));
	assert_null(register_field(register_find("idea"), ""));
	assert_non_null(register_field(register_find("idea"), "title"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_register_level),
	    cmocka_unit_test(test_stakeholder_strategy_grid),
	    cmocka_unit_test(test_stakeholder_strategy_names),
	    cmocka_unit_test(test_votes_check),
	    cmocka_unit_test(test_link_ids_junk),
	    cmocka_unit_test(test_link_ids_large),
	    cmocka_unit_test(test_link_ids_max),
	    cmocka_unit_test(test_link_ids_missing),
	    cmocka_unit_test(test_redact_research),
	    cmocka_unit_test(test_redact_journey_table),
	    cmocka_unit_test(test_redact_keeps_non_text),
	    cmocka_unit_test(test_register_definitions),
	    cmocka_unit_test(test_register_order_and_chain),
	    cmocka_unit_test(test_register_find_missing),
	};
	return RUN_TESTS(tests);
}
