/* test_entry.c — src/project/entry.h: reading a tool's form into an entry,
 * progress, the diff the conflict page is built on, and display text.
 *
 * The methodology is written here as YAML strings and loaded with method_load,
 * so each test sees exactly the fields it relies on:
 *   all    — every field type once (table with a date and a number column),
 *            nothing required, two checklist items, two questions;
 *   req    — two required fields, one optional, a required link;
 *   third  — one field, one checklist item, one question (thirds);
 *   links  — only a link field, no checklist, no questions. */
#include "testlib.h"

#include <jansson.h>
#include <math.h>

#include "http/req.h"
#include "method/method.h"
#include "project/entry.h"

#define NBSP "\xc2\xa0"

static const char METHODOLOGY_YAML[] = "format: 1\n"
				       "key: entrytest\n"
				       "version: \"1.0\"\n"
				       "languages: [nb, en]\n"
				       "name: {nb: Testmetode, en: Test method}\n"
				       "publisher: {nb: Varde, en: Varde}\n"
				       "description:\n"
				       "  nb: En metode for enhetstester.\n"
				       "  en: A methodology for unit tests.\n"
				       "licence: {nb: CC BY 4.0, en: CC BY 4.0}\n"
				       "sources:\n"
				       "  - title: {nb: Varde, en: Varde}\n"
				       "    url: https://example.org/varde\n";

static const char PHASE_YAML[] = "key: start\n"
				 "order: 1\n"
				 "name: {nb: Start, en: Start}\n"
				 "purpose: {nb: Kom i gang., en: Get going.}\n"
				 "exit_criteria:\n"
				 "  - key: ready\n"
				 "    text: {nb: Klar, en: Ready}\n"
				 "tips:\n"
				 "  - {nb: Start smått., en: Start small.}\n"
				 "steps:\n"
				 "  - key: first\n"
				 "    order: 1\n"
				 "    name: {nb: Første, en: First}\n"
				 "    guidance: {nb: Gjør det., en: Do it.}\n"
				 "    tools: [all, req, third, links]\n";

static const char TOOL_ALL_YAML[] = "key: all\n"
				    "name: {nb: Alle typer, en: Every type}\n"
				    "purpose: {nb: Alle felttyper., en: Every field type.}\n"
				    "guidance: {nb: Fyll ut., en: Fill in.}\n"
				    "fields:\n"
				    "  - key: title\n"
				    "    type: text\n"
				    "    label: {nb: Tittel, en: Title}\n"
				    "  - key: notes\n"
				    "    type: longtext\n"
				    "    label: {nb: Notater, en: Notes}\n"
				    "  - key: hours\n"
				    "    type: number\n"
				    "    unit: {nb: timer, en: hours}\n"
				    "    label: {nb: Timer, en: Hours}\n"
				    "  - key: cost\n"
				    "    type: money\n"
				    "    label: {nb: Kostnad, en: Cost}\n"
				    "  - key: share\n"
				    "    type: percent\n"
				    "    label: {nb: Andel, en: Share}\n"
				    "  - key: deadline\n"
				    "    type: date\n"
				    "    label: {nb: Frist, en: Deadline}\n"
				    "  - key: area\n"
				    "    type: choice\n"
				    "    label: {nb: Område, en: Area}\n"
				    "    options:\n"
				    "      - {key: health, label: {nb: Helse, en: Health}}\n"
				    "      - {key: school, label: {nb: Skole, en: School}}\n"
				    "  - key: groups\n"
				    "    type: multichoice\n"
				    "    label: {nb: Grupper, en: Groups}\n"
				    "    options:\n"
				    "      - {key: users, label: {nb: Brukere, en: Users}}\n"
				    "      - {key: staff, label: {nb: Ansatte, en: Staff}}\n"
				    "      - {key: relatives, label: {nb: Pårørende, en: Relatives}}\n"
				    "  - key: level\n"
				    "    type: scale\n"
				    "    label: {nb: Nivå, en: Level}\n"
				    "    options:\n"
				    "      - {key: low, label: {nb: Lav, en: Low}}\n"
				    "      - {key: mid, label: {nb: Middels, en: Medium}}\n"
				    "      - {key: high, label: {nb: Høy, en: High}}\n"
				    "  - key: urgent\n"
				    "    type: yesno\n"
				    "    label: {nb: Haster det?, en: Is it urgent?}\n"
				    "  - key: owner\n"
				    "    type: member\n"
				    "    label: {nb: Ansvarlig, en: Owner}\n"
				    "  - key: plan\n"
				    "    type: table\n"
				    "    label: {nb: Plan, en: Plan}\n"
				    "    columns:\n"
				    "      - key: when\n"
				    "        type: date\n"
				    "        label: {nb: Når, en: When}\n"
				    "      - key: amount\n"
				    "        type: number\n"
				    "        unit: {nb: stk, en: pcs}\n"
				    "        label: {nb: Antall, en: Amount}\n"
				    "  - key: evidence\n"
				    "    type: link\n"
				    "    register: insight\n"
				    "    multiple: true\n"
				    "    label: {nb: Innsikt, en: Insight}\n"
				    "checklist:\n"
				    "  - key: users\n"
				    "    text: {nb: Vi har snakket med brukere, en: We talked to users}\n"
				    "  - key: staff\n"
				    "    text: {nb: Vi har snakket med ansatte, en: We talked to staff}\n"
				    "questions:\n"
				    "  - key: who\n"
				    "    text: {nb: Hvem?, en: Who?}\n"
				    "  - key: why\n"
				    "    text: {nb: Hvorfor?, en: Why?}\n"
				    "tips:\n"
				    "  - {nb: Ta det rolig., en: Take it easy.}\n";

static const char TOOL_REQ_YAML[] = "key: req\n"
				    "name: {nb: Påkrevd, en: Required}\n"
				    "purpose: {nb: Noen felt er påkrevd., en: Some fields are required.}\n"
				    "guidance: {nb: Fyll ut., en: Fill in.}\n"
				    "fields:\n"
				    "  - key: title\n"
				    "    type: text\n"
				    "    required: true\n"
				    "    label: {nb: Tittel, en: Title}\n"
				    "  - key: area\n"
				    "    type: choice\n"
				    "    required: true\n"
				    "    label: {nb: Område, en: Area}\n"
				    "    options:\n"
				    "      - {key: health, label: {nb: Helse, en: Health}}\n"
				    "      - {key: school, label: {nb: Skole, en: School}}\n"
				    "  - key: notes\n"
				    "    type: longtext\n"
				    "    label: {nb: Notater, en: Notes}\n"
				    "  - key: evidence\n"
				    "    type: link\n"
				    "    required: true\n"
				    "    register: insight\n"
				    "    label: {nb: Innsikt, en: Insight}\n"
				    "checklist:\n"
				    "  - key: done\n"
				    "    text: {nb: Ferdig, en: Done}\n"
				    "questions:\n"
				    "  - key: why\n"
				    "    text: {nb: Hvorfor?, en: Why?}\n"
				    "tips: []\n";

static const char TOOL_THIRD_YAML[] = "key: third\n"
				      "name: {nb: Tredjedel, en: Third}\n"
				      "purpose: {nb: Tre deler., en: Three parts.}\n"
				      "guidance: {nb: Fyll ut., en: Fill in.}\n"
				      "fields:\n"
				      "  - key: title\n"
				      "    type: text\n"
				      "    label: {nb: Tittel, en: Title}\n"
				      "  - key: evidence\n"
				      "    type: link\n"
				      "    register: idea\n"
				      "    label: {nb: Ideer, en: Ideas}\n"
				      "checklist:\n"
				      "  - key: done\n"
				      "    text: {nb: Ferdig, en: Done}\n"
				      "questions:\n"
				      "  - key: why\n"
				      "    text: {nb: Hvorfor?, en: Why?}\n"
				      "tips: []\n";

static const char TOOL_LINKS_YAML[] = "key: links\n"
				      "name: {nb: Lenker, en: Links}\n"
				      "purpose: {nb: Bare lenker., en: Only links.}\n"
				      "guidance: {nb: Lenk., en: Link.}\n"
				      "fields:\n"
				      "  - key: evidence\n"
				      "    type: link\n"
				      "    register: need\n"
				      "    multiple: true\n"
				      "    label: {nb: Behov, en: Needs}\n"
				      "checklist: []\n"
				      "questions: []\n"
				      "tips: []\n";

static struct methodology *M;
static const struct m_tool *T_ALL, *T_REQ, *T_THIRD, *T_LINKS;
static const long long TEAM[] = {7, 42};

static int setup(void **state)
{
	(void)state;
	const struct m_file files[] = {
	    {"methodology.yaml", METHODOLOGY_YAML, sizeof METHODOLOGY_YAML - 1},
	    {"phases/01-start.yaml", PHASE_YAML, sizeof PHASE_YAML - 1},
	    {"tools/all.yaml", TOOL_ALL_YAML, sizeof TOOL_ALL_YAML - 1},
	    {"tools/req.yaml", TOOL_REQ_YAML, sizeof TOOL_REQ_YAML - 1},
	    {"tools/third.yaml", TOOL_THIRD_YAML, sizeof TOOL_THIRD_YAML - 1},
	    {"tools/links.yaml", TOOL_LINKS_YAML, sizeof TOOL_LINKS_YAML - 1},
	};
	struct m_diag d = {0};
	M = method_load(files, (int)(sizeof files / sizeof files[0]), &d);
	if (d.out.len)
		printf("%s", buf_str(&d.out));
	int problems = d.errors + d.warnings;
	buf_free(&d.out);
	if (!M || problems)
		return -1;
	T_ALL = method_tool(M, "all");
	T_REQ = method_tool(M, "req");
	T_THIRD = method_tool(M, "third");
	T_LINKS = method_tool(M, "links");
	return T_ALL && T_REQ && T_THIRD && T_LINKS ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	method_free(M);
	M = NULL;
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static const struct m_field *field_of(const struct m_tool *t, const char *key)
{
	for (int i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].key, key) == 0)
			return &t->fields[i];
	fail_msg("no field %s in tool %s", key, t->key);
	return NULL;
}

/* The errors reported for form name; fails unless there is exactly one with err. */
static void expect_error(const struct entry_errors *errs, const char *name, enum entry_err err, const struct m_field *f)
{
	int hits = 0;
	for (int i = 0; i < errs->n; i++) {
		if (strcmp(errs->e[i].name, name) != 0)
			continue;
		hits++;
		if (errs->e[i].err != err)
			fail_msg("%s: error %d, expected %d", name, (int)errs->e[i].err, (int)err);
		if (errs->e[i].field != f)
			fail_msg("%s: error names the wrong field", name);
	}
	if (hits != 1)
		fail_msg("%s: %d errors, expected 1", name, hits);
}

/* The diff as one comma-separated string, for simple comparisons. */
static void expect_diff(const struct m_tool *t, const json_t *a, const json_t *b, const char *want)
{
	json_t *d = entry_diff(t, a, b);
	assert_non_null(d);
	assert_true(json_is_array(d));
	char got[1024] = "";
	size_t o = 0;
	for (size_t i = 0; i < json_array_size(d); i++) {
		const char *k = json_string_value(json_array_get(d, i));
		assert_non_null(k);
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", i ? "," : "", k);
		assert_true(o < sizeof got);
	}
	json_decref(d);
	assert_string_equal(got, want);
}

static json_t *parse_json(const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	if (!j)
		fail_msg("bad JSON in test: %s (%s)", s, err.text);
	return j;
}

/* entry_display as a string compared with want, freeing the result. */
static void expect_display(const char *fkey, const json_t *v, const char *lang, const char *want)
{
	char *s = entry_display(M, field_of(T_ALL, fkey), v, lang);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static json_t *form_entry(const struct m_tool *t, const struct kvlist *form, struct entry_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	json_t *e = entry_from_form(t, form, TEAM, 2, errs);
	assert_non_null(e);
	assert_true(json_is_object(e));
	return e;
}

/* A form that fills every part of the tool "all" with valid input. */
static void full_form(struct kvlist *f)
{
	kv_add(f, "f-title", "  Bedre skolevei  ");
	kv_add(f, "f-notes", "Linje 1\n\nLinje 2");
	kv_add(f, "f-hours", "1 234,5");
	kv_add(f, "f-cost", "1.500,50");
	kv_add(f, "f-share", "12,5 %");
	kv_add(f, "f-deadline", "22.11.2026");
	kv_add(f, "f-area", "school");
	kv_add(f, "f-groups", "users");
	kv_add(f, "f-groups", "");
	kv_add(f, "f-groups", "relatives");
	kv_add(f, "f-level", "mid");
	kv_add(f, "f-urgent", "yes");
	kv_add(f, "f-owner", "42");
	kv_add(f, "t-plan-rows", "3");
	kv_add(f, "t-plan-0-when", "01.03.2026");
	kv_add(f, "t-plan-0-amount", "2,5");
	kv_add(f, "t-plan-1-when", "  ");
	kv_add(f, "t-plan-1-amount", "");
	kv_add(f, "t-plan-2-amount", "7");
	kv_add(f, "f-evidence", "ins-1");
	kv_add(f, "f-evidence", "ins-2");
	kv_add(f, "c-users", "1");
	kv_add(f, "c-staff", "1");
	kv_add(f, "q-who", "  Alle innbyggere  ");
	kv_add(f, "q-why", "Fordi.");
}

static void assert_real(const json_t *v, double want)
{
	assert_non_null(v);
	if (!json_is_real(v))
		fail_msg("expected a real, got JSON type %d", (int)json_typeof(v));
	if (fabs(json_real_value(v) - want) > 1e-9)
		fail_msg("expected %.17g, got %.17g", want, json_real_value(v));
}

static void assert_str(const json_t *v, const char *want)
{
	assert_non_null(v);
	assert_true(json_is_string(v));
	assert_string_equal(json_string_value(v), want);
}

/* ---- entry_from_form: valid input ------------------------------------------ */

static void form_reads_every_type(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	full_form(&f);
	json_t *e = form_entry(T_ALL, &f, &errs);
	if (errs.n)
		fail_msg("unexpected error on %s (%d)", errs.e[0].name, (int)errs.e[0].err);

	assert_str(entry_field(e, "title"), "Bedre skolevei"); /* trimmed */
	assert_str(entry_field(e, "notes"), "Linje 1\n\nLinje 2");
	assert_real(entry_field(e, "hours"), 1234.5);
	assert_real(entry_field(e, "cost"), 1500.5);
	assert_real(entry_field(e, "share"), 12.5);
	assert_str(entry_field(e, "deadline"), "2026-11-22");
	assert_str(entry_field(e, "area"), "school");
	assert_str(entry_field(e, "level"), "mid");
	assert_str(entry_field(e, "urgent"), "yes");
	assert_str(entry_field(e, "owner"), "42");

	const json_t *g = entry_field(e, "groups");
	assert_true(json_is_array(g));
	assert_int_equal(json_array_size(g), 2); /* the empty value is skipped */
	assert_str(json_array_get(g, 0), "users");
	assert_str(json_array_get(g, 1), "relatives");

	const json_t *plan = entry_field(e, "plan");
	assert_true(json_is_array(plan));
	assert_int_equal(json_array_size(plan), 2); /* the empty middle row is dropped */
	const json_t *r0 = json_array_get(plan, 0), *r1 = json_array_get(plan, 1);
	assert_true(json_is_object(r0));
	assert_int_equal(json_object_size(r0), 2);
	assert_str(json_object_get(r0, "when"), "2026-03-01");
	assert_real(json_object_get(r0, "amount"), 2.5);
	assert_int_equal(json_object_size(r1), 1); /* an empty cell is left out */
	assert_real(json_object_get(r1, "amount"), 7);

	const json_t *ev = entry_field(e, "evidence");
	assert_true(json_is_array(ev));
	assert_int_equal(json_array_size(ev), 2);
	assert_str(json_array_get(ev, 0), "ins-1");

	assert_true(entry_checked(e, "users"));
	assert_true(entry_checked(e, "staff"));
	assert_true(json_is_true(json_object_get(json_object_get(e, "checklist"), "users")));
	assert_string_equal(entry_answer(e, "who"), "Alle innbyggere");
	assert_string_equal(entry_answer(e, "why"), "Fordi.");

	/* exactly the tool's fields, nothing else */
	assert_int_equal(json_object_size(json_object_get(e, "fields")), 13);
	assert_int_equal(json_object_size(e), 3);
	json_decref(e);
	kv_free(&f);
}

static void form_empty_gives_empty_entry(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-title", "   ");
	kv_add(&f, "f-hours", "");
	kv_add(&f, "f-groups", "");
	kv_add(&f, "t-plan-rows", "2");
	kv_add(&f, "q-who", " \t ");
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	json_t *empty = entry_new();
	assert_true(json_equal(e, empty));
	assert_null(entry_field(e, "title"));
	assert_null(entry_field(e, "plan"));
	assert_false(entry_checked(e, "users"));
	assert_null(entry_answer(e, "who"));
	json_decref(empty);
	json_decref(e);
	kv_free(&f);
}

static void form_numbers_are_reals(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-hours", "12");
	kv_add(&f, "f-cost", "-1" NBSP "000");
	kv_add(&f, "f-share", "7%");
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	assert_real(entry_field(e, "hours"), 12); /* a real even when whole */
	assert_real(entry_field(e, "cost"), -1000);
	assert_real(entry_field(e, "share"), 7);
	json_decref(e);
	kv_free(&f);
}

static void form_text_limits(void **state)
{
	(void)state;
	char at[501], over[502], oe[500 * 2 + 1];
	memset(at, 'a', 500);
	at[500] = '\0';
	memset(over, 'a', 501);
	over[501] = '\0';
	for (int i = 0; i < 500; i++) /* 500 characters, 1000 bytes: counted as characters */
		memcpy(oe + 2 * i, "\xc3\xb8", 2);
	oe[1000] = '\0';

	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-title", at);
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	assert_int_equal(strlen(json_string_value(entry_field(e, "title"))), 500);
	json_decref(e);
	kv_free(&f);

	kv_add(&f, "f-title", oe);
	e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	assert_non_null(entry_field(e, "title"));
	json_decref(e);
	kv_free(&f);

	kv_add(&f, "f-title", over);
	kv_add(&f, "f-notes", over); /* a longtext may be longer */
	e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 1);
	expect_error(&errs, "f-title", EE_TOO_LONG, field_of(T_ALL, "title"));
	assert_null(entry_field(e, "title"));
	assert_non_null(entry_field(e, "notes"));
	json_decref(e);
	kv_free(&f);

	/* longtext and answers: 20 000 characters */
	char *big = malloc(20002);
	assert_non_null(big);
	memset(big, 'x', 20001);
	big[20001] = '\0';
	kv_add(&f, "f-notes", big);
	kv_add(&f, "q-who", big);
	big[20000] = '\0';
	kv_add(&f, "q-why", big);
	e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 2);
	expect_error(&errs, "f-notes", EE_TOO_LONG, field_of(T_ALL, "notes"));
	expect_error(&errs, "q-who", EE_TOO_LONG, NULL);
	assert_null(entry_answer(e, "who"));
	assert_int_equal(strlen(entry_answer(e, "why")), 20000);
	json_decref(e);
	kv_free(&f);
	free(big);
}

/* ---- entry_from_form: invalid input ------------------------------------------ */

static void form_reports_each_invalid_input(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-title", "Gyldig");
	kv_add(&f, "f-hours", "12abc");
	kv_add(&f, "f-cost", "12 %"); /* a percent sign only in a percent field */
	kv_add(&f, "f-share", "1,2,3");
	kv_add(&f, "f-deadline", "29.02.2025");
	kv_add(&f, "f-area", "sports");
	kv_add(&f, "f-groups", "users");
	kv_add(&f, "f-groups", "bogus");
	kv_add(&f, "f-level", "extreme");
	kv_add(&f, "f-urgent", "maybe");
	kv_add(&f, "f-owner", "99");
	kv_add(&f, "t-plan-rows", "2");
	kv_add(&f, "t-plan-0-when", "22.11.26");
	kv_add(&f, "t-plan-0-amount", "3");
	kv_add(&f, "t-plan-1-amount", "NaN");
	json_t *e = form_entry(T_ALL, &f, &errs);

	assert_int_equal(errs.n, 11);
	expect_error(&errs, "f-hours", EE_NUMBER, field_of(T_ALL, "hours"));
	expect_error(&errs, "f-cost", EE_NUMBER, field_of(T_ALL, "cost"));
	expect_error(&errs, "f-share", EE_NUMBER, field_of(T_ALL, "share"));
	expect_error(&errs, "f-deadline", EE_DATE, field_of(T_ALL, "deadline"));
	expect_error(&errs, "f-area", EE_CHOICE, field_of(T_ALL, "area"));
	expect_error(&errs, "f-groups", EE_CHOICE, field_of(T_ALL, "groups"));
	expect_error(&errs, "f-level", EE_CHOICE, field_of(T_ALL, "level"));
	expect_error(&errs, "f-urgent", EE_CHOICE, field_of(T_ALL, "urgent"));
	expect_error(&errs, "f-owner", EE_MEMBER, field_of(T_ALL, "owner"));
	const struct m_field *plan = field_of(T_ALL, "plan");
	expect_error(&errs, "t-plan-0-when", EE_DATE, &plan->cols[0]);
	expect_error(&errs, "t-plan-1-amount", EE_NUMBER, &plan->cols[1]);

	/* what could be read is kept */
	assert_str(entry_field(e, "title"), "Gyldig");
	const json_t *g = entry_field(e, "groups");
	assert_int_equal(json_array_size(g), 1);
	assert_str(json_array_get(g, 0), "users");
	const json_t *rows = entry_field(e, "plan");
	assert_int_equal(json_array_size(rows), 1);
	assert_real(json_object_get(json_array_get(rows, 0), "amount"), 3);
	assert_null(json_object_get(json_array_get(rows, 0), "when"));
	for (const char *const *k =
		 (const char *const[]){"hours", "cost", "share", "deadline", "area", "level", "urgent", "owner", NULL};
	     *k; k++)
		if (entry_field(e, *k))
			fail_msg("the invalid %s was stored", *k);
	json_decref(e);
	kv_free(&f);
}

static void form_member_must_be_in_team(void **state)
{
	(void)state;
	const char *bad[] = {"99", "abc", "7.0", "-7", "42x", "0"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct kvlist f = {0};
		struct entry_errors errs;
		kv_add(&f, "f-owner", bad[i]);
		json_t *e = form_entry(T_ALL, &f, &errs);
		expect_error(&errs, "f-owner", EE_MEMBER, field_of(T_ALL, "owner"));
		assert_null(entry_field(e, "owner"));
		json_decref(e);
		kv_free(&f);
	}
	/* trimmed id of a member is fine */
	struct kvlist f = {0};
	struct entry_errors errs = {0};
	kv_add(&f, "f-owner", " 7 ");
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	assert_str(entry_field(e, "owner"), "7");
	json_decref(e);
	/* with no team, nobody is a member */
	memset(&errs, 0, sizeof errs);
	e = entry_from_form(T_ALL, &f, NULL, 0, &errs);
	expect_error(&errs, "f-owner", EE_MEMBER, field_of(T_ALL, "owner"));
	assert_null(entry_field(e, "owner"));
	json_decref(e);
	kv_free(&f);
}

static void form_yesno_only_yes_or_no(void **state)
{
	(void)state;
	const char *ok[] = {"yes", "no", " no "}, *bad[] = {"ja", "nei", "Yes", "true", "1"};
	for (size_t i = 0; i < 3; i++) {
		struct kvlist f = {0};
		struct entry_errors errs;
		kv_add(&f, "f-urgent", ok[i]);
		json_t *e = form_entry(T_ALL, &f, &errs);
		assert_int_equal(errs.n, 0);
		assert_non_null(entry_field(e, "urgent"));
		json_decref(e);
		kv_free(&f);
	}
	for (size_t i = 0; i < 5; i++) {
		struct kvlist f = {0};
		struct entry_errors errs;
		kv_add(&f, "f-urgent", bad[i]);
		json_t *e = form_entry(T_ALL, &f, &errs);
		expect_error(&errs, "f-urgent", EE_CHOICE, field_of(T_ALL, "urgent"));
		json_decref(e);
		kv_free(&f);
	}
}

static void form_table_rows_limit(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "t-plan-rows", "101");
	kv_add(&f, "t-plan-0-amount", "1");
	kv_add(&f, "t-plan-99-amount", "100");
	kv_add(&f, "t-plan-100-amount", "101"); /* beyond the limit: not read */
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 1);
	expect_error(&errs, "t-plan-rows", EE_TOO_MANY, field_of(T_ALL, "plan"));
	const json_t *rows = entry_field(e, "plan");
	assert_int_equal(json_array_size(rows), 2);
	assert_real(json_object_get(json_array_get(rows, 1), "amount"), 100);
	json_decref(e);
	kv_free(&f);

	/* exactly 100 is allowed */
	kv_add(&f, "t-plan-rows", "100");
	kv_add(&f, "t-plan-99-amount", "100");
	e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	assert_int_equal(json_array_size(entry_field(e, "plan")), 1);
	json_decref(e);
	kv_free(&f);

	/* a missing, negative or non-numeric row count reads no rows */
	const char *counts[] = {NULL, "-5", "abc", "2x"};
	for (size_t i = 0; i < 4; i++) {
		if (counts[i])
			kv_add(&f, "t-plan-rows", counts[i]);
		kv_add(&f, "t-plan-0-amount", "1");
		e = form_entry(T_ALL, &f, &errs);
		assert_int_equal(errs.n, 0);
		assert_null(entry_field(e, "plan"));
		json_decref(e);
		kv_free(&f);
	}
}

/* More problems than the error list holds: the list stops at its size. */
static void form_error_list_is_bounded(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "t-plan-rows", "100");
	for (int r = 0; r < 100; r++) {
		char name[64];
		snprintf(name, sizeof name, "t-plan-%d-when", r);
		kv_add(&f, name, "bad");
		snprintf(name, sizeof name, "t-plan-%d-amount", r);
		kv_add(&f, name, "bad");
	}
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, ENTRY_MAX_ERRORS);
	assert_string_equal(errs.e[0].name, "t-plan-0-when");
	assert_string_equal(errs.e[1].name, "t-plan-0-amount");
	assert_null(entry_field(e, "plan"));
	json_decref(e);
	kv_free(&f);
}

static void form_ignores_unknown_names(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-nosuch", "x");
	kv_add(&f, "c-nosuch", "1");
	kv_add(&f, "q-nosuch", "x");
	kv_add(&f, "csrf", "token");
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	json_t *empty = entry_new();
	assert_true(json_equal(e, empty));
	json_decref(empty);
	json_decref(e);
	kv_free(&f);
}

/* ---- progress ------------------------------------------------------------ */

struct parts {
	int fd, fa, cd, ca, ad, aa;
};

static struct parts parts_of(const struct m_tool *t, const json_t *e)
{
	struct parts p;
	entry_progress_parts(t, e, &p.fd, &p.fa, &p.cd, &p.ca, &p.ad, &p.aa);
	/* The totals the roadmap shows without the entry are the same. */
	int fa, ca, aa;
	entry_progress_totals(t, &fa, &ca, &aa);
	assert_int_equal(fa, p.fa);
	assert_int_equal(ca, p.ca);
	assert_int_equal(aa, p.aa);
	return p;
}

static void progress_none_required_counts_all_but_links(void **state)
{
	(void)state;
	json_t *e = entry_new();
	struct parts p = parts_of(T_ALL, e);
	assert_int_equal(p.fa, 12); /* 13 fields, the link does not count */
	assert_int_equal(p.fd, 0);
	assert_int_equal(p.ca, 2);
	assert_int_equal(p.cd, 0);
	assert_int_equal(p.aa, 2);
	assert_int_equal(p.ad, 0);
	assert_int_equal(entry_progress(T_ALL, e), 0);

	/* a filled link field changes nothing */
	json_object_set_new(json_object_get(e, "fields"), "evidence", json_pack("[s]", "ins-1"));
	p = parts_of(T_ALL, e);
	assert_int_equal(p.fd, 0);
	assert_int_equal(entry_progress(T_ALL, e), 0);

	/* one field, one item, one answer: 3 of 16 → 19 */
	json_object_set_new(json_object_get(e, "fields"), "urgent", json_string("no"));
	json_object_set_new(json_object_get(e, "checklist"), "staff", json_true());
	json_object_set_new(json_object_get(e, "answers"), "why", json_string("Fordi."));
	p = parts_of(T_ALL, e);
	assert_int_equal(p.fd, 1);
	assert_int_equal(p.cd, 1);
	assert_int_equal(p.ad, 1);
	assert_int_equal(entry_progress(T_ALL, e), 19);
	json_decref(e);
}

static void progress_full_form_is_100(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	full_form(&f);
	json_t *e = form_entry(T_ALL, &f, &errs);
	assert_int_equal(errs.n, 0);
	struct parts p = parts_of(T_ALL, e);
	assert_int_equal(p.fd, p.fa);
	assert_int_equal(p.cd, p.ca);
	assert_int_equal(p.ad, p.aa);
	assert_int_equal(entry_progress(T_ALL, e), 100);
	json_decref(e);
	kv_free(&f);
}

static void progress_only_required_fields_count(void **state)
{
	(void)state;
	json_t *e = entry_new();
	json_t *fields = json_object_get(e, "fields");
	struct parts p = parts_of(T_REQ, e);
	assert_int_equal(p.fa, 2); /* title and area; not notes, not the required link */
	assert_int_equal(p.ca, 1);
	assert_int_equal(p.aa, 1);
	assert_int_equal(entry_progress(T_REQ, e), 0);

	/* optional and link fields filled: still nothing */
	json_object_set_new(fields, "notes", json_string("Noe"));
	json_object_set_new(fields, "evidence", json_pack("[s]", "ins-1"));
	assert_int_equal(parts_of(T_REQ, e).fd, 0);
	assert_int_equal(entry_progress(T_REQ, e), 0);

	json_object_set_new(fields, "title", json_string("T"));
	assert_int_equal(parts_of(T_REQ, e).fd, 1);
	assert_int_equal(entry_progress(T_REQ, e), 25);
	json_object_set_new(fields, "area", json_string("health"));
	json_object_set_new(json_object_get(e, "checklist"), "done", json_true());
	json_object_set_new(json_object_get(e, "answers"), "why", json_string("Fordi."));
	assert_int_equal(entry_progress(T_REQ, e), 100);

	/* the required fields alone, without the link or the optional field */
	json_object_del(fields, "notes");
	json_object_del(fields, "evidence");
	assert_int_equal(entry_progress(T_REQ, e), 100);
	json_decref(e);
}

static void progress_rounds_thirds(void **state)
{
	(void)state;
	json_t *e = entry_new();
	struct parts p = parts_of(T_THIRD, e);
	assert_int_equal(p.fa + p.ca + p.aa, 3); /* the link does not count */
	assert_int_equal(entry_progress(T_THIRD, e), 0);
	json_object_set_new(json_object_get(e, "checklist"), "done", json_true());
	assert_int_equal(entry_progress(T_THIRD, e), 33); /* 33.3 */
	json_object_set_new(json_object_get(e, "answers"), "why", json_string("Fordi."));
	assert_int_equal(entry_progress(T_THIRD, e), 67); /* 66.7 rounds up */
	json_object_set_new(json_object_get(e, "fields"), "title", json_string("T"));
	assert_int_equal(entry_progress(T_THIRD, e), 100);
	/* a checklist value that is not true does not count */
	json_object_set_new(json_object_get(e, "checklist"), "done", json_false());
	assert_int_equal(entry_progress(T_THIRD, e), 67);
	json_decref(e);
}

/* A tool with nothing to count (only link fields, which do not count yet)
 * reports 100 even when empty — pinned so a change is deliberate. */
static void progress_nothing_to_count(void **state)
{
	(void)state;
	json_t *e = entry_new();
	struct parts p = parts_of(T_LINKS, e);
	assert_int_equal(p.fa + p.ca + p.aa, 0);
	assert_int_equal(entry_progress(T_LINKS, e), 100);
	json_decref(e);
}

/* ---- entry_diff ---------------------------------------------------------- */

static void diff_identical_is_empty(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	full_form(&f);
	json_t *a = form_entry(T_ALL, &f, &errs), *b = form_entry(T_ALL, &f, &errs);
	expect_diff(T_ALL, a, b, "");
	expect_diff(T_ALL, a, a, "");
	json_t *x = entry_new(), *y = entry_new();
	expect_diff(T_ALL, x, y, "");
	/* after a round trip through the stored text too */
	char *s = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS);
	json_t *back = parse_json(s);
	expect_diff(T_ALL, a, back, "");
	free(s);
	json_decref(back);
	json_decref(x);
	json_decref(y);
	json_decref(a);
	json_decref(b);
	kv_free(&f);
}

static void diff_names_what_changed(void **state)
{
	(void)state;
	json_t *a = parse_json("{\"fields\":{\"title\":\"A\",\"hours\":2.5},\"checklist\":{},"
			       "\"answers\":{\"who\":\"Alle\"}}");
	json_t *b = parse_json("{\"fields\":{\"title\":\"B\",\"hours\":2.5},\"checklist\":{\"staff\":true},"
			       "\"answers\":{\"who\":\"Noen\"}}");
	expect_diff(T_ALL, a, b, "f:title,c:staff,q:who");
	expect_diff(T_ALL, b, a, "f:title,c:staff,q:who");
	json_decref(a);
	json_decref(b);

	/* each kind alone */
	a = parse_json("{\"fields\":{},\"checklist\":{},\"answers\":{}}");
	b = parse_json("{\"fields\":{},\"checklist\":{\"users\":true},\"answers\":{}}");
	expect_diff(T_ALL, a, b, "c:users");
	json_decref(b);
	b = parse_json("{\"fields\":{},\"checklist\":{},\"answers\":{\"why\":\"Fordi\"}}");
	expect_diff(T_ALL, a, b, "q:why");
	json_decref(b);
	b = parse_json("{\"fields\":{\"groups\":[\"users\"]},\"checklist\":{},\"answers\":{}}");
	expect_diff(T_ALL, a, b, "f:groups");
	json_decref(b);
	json_decref(a);
}

static void diff_added_and_removed_fields(void **state)
{
	(void)state;
	json_t *with = parse_json("{\"fields\":{\"hours\":3.0,\"area\":\"school\"},\"checklist\":{},\"answers\":{}}");
	json_t *without = parse_json("{\"fields\":{\"area\":\"school\"},\"checklist\":{},\"answers\":{}}");
	expect_diff(T_ALL, with, without, "f:hours"); /* removed */
	expect_diff(T_ALL, without, with, "f:hours"); /* added */
	json_decref(with);
	json_decref(without);

	/* a missing part of the entry is the same as an empty one */
	json_t *bare = parse_json("{}"), *empty = entry_new();
	expect_diff(T_ALL, bare, empty, "");
	json_decref(bare);
	json_decref(empty);
}

static void diff_arrays_and_tables(void **state)
{
	(void)state;
	json_t *a = parse_json("{\"fields\":{\"groups\":[\"users\",\"staff\"],"
			       "\"plan\":[{\"when\":\"2026-03-01\",\"amount\":2.5}]}}");
	json_t *order = parse_json("{\"fields\":{\"groups\":[\"staff\",\"users\"],"
				   "\"plan\":[{\"amount\":2.5,\"when\":\"2026-03-01\"}]}}");
	json_t *cell = parse_json("{\"fields\":{\"groups\":[\"users\",\"staff\"],"
				  "\"plan\":[{\"when\":\"2026-03-02\",\"amount\":2.5}]}}");
	/* the order of options in an array counts; the order of keys in a row does not */
	expect_diff(T_ALL, a, order, "f:groups");
	expect_diff(T_ALL, a, cell, "f:plan");
	json_decref(a);
	json_decref(order);
	json_decref(cell);
}

/* Only the tool's own parts are compared: keys the template does not know
 * (from another version of the methodology) do not count. */
static void diff_ignores_unknown_keys(void **state)
{
	(void)state;
	json_t *a = parse_json("{\"fields\":{\"gone\":1},\"checklist\":{\"old\":true},\"answers\":{\"old\":\"x\"}}");
	json_t *b = entry_new();
	expect_diff(T_ALL, a, b, "");
	json_decref(a);
	json_decref(b);
}

/* Numbers: what the form reader produces (reals) compares equal after a
 * round trip, 1.0 and 1.0 are the same, 1.0 and 1.5 differ. An integer 1
 * (never written by entry_from_form, but possible in stored text written by
 * other means) and a real 1.0 are different JSON types to jansson's
 * json_equal, so entry_diff reports them as a change. Pinned here. */
static void diff_numbers(void **state)
{
	(void)state;
	json_t *real1 = parse_json("{\"fields\":{\"hours\":1.0}}");
	json_t *real1b = parse_json("{\"fields\":{\"hours\":1.0}}");
	json_t *real15 = parse_json("{\"fields\":{\"hours\":1.5}}");
	json_t *int1 = parse_json("{\"fields\":{\"hours\":1}}");
	expect_diff(T_ALL, real1, real1b, "");
	expect_diff(T_ALL, real1, real15, "f:hours");
	expect_diff(T_ALL, int1, real1, "f:hours");

	/* a whole number read from the form is stored so that it reads back the same */
	struct kvlist f = {0};
	struct entry_errors errs;
	kv_add(&f, "f-hours", "1");
	json_t *e = form_entry(T_ALL, &f, &errs);
	char *s = json_dumps(e, JSON_COMPACT);
	json_t *back = parse_json(s);
	assert_true(json_is_real(entry_field(back, "hours")));
	expect_diff(T_ALL, e, back, "");
	expect_diff(T_ALL, e, real1, "");
	free(s);
	json_decref(back);
	json_decref(e);
	kv_free(&f);
	json_decref(real1);
	json_decref(real1b);
	json_decref(real15);
	json_decref(int1);
}

/* The conflict page: when someone saved first, the rows it offers are
 * entry_diff(theirs, mine). Check that this is exactly the set of parts whose
 * values differ, computed here independently, in the tool's order. */
static void conflict_rows_are_the_differing_parts(void **state)
{
	(void)state;
	struct kvlist ft = {0}, fm = {0};
	struct entry_errors errs;
	full_form(&ft);
	/* mine: the same form with some edits */
	kv_add(&fm, "f-title", "Bedre skolevei"); /* same after trimming */
	kv_add(&fm, "f-notes", "Linje 1\n\nLinje 2");
	kv_add(&fm, "f-hours", "1234,50"); /* same number, typed differently */
	kv_add(&fm, "f-cost", "1.6");	   /* changed */
	kv_add(&fm, "f-share", "12,5");
	kv_add(&fm, "f-deadline", "2026-11-22"); /* same date, other form */
	kv_add(&fm, "f-area", "health");	 /* changed */
	kv_add(&fm, "f-groups", "users");
	kv_add(&fm, "f-groups", "relatives");
	kv_add(&fm, "f-level", "mid");
	/* urgent left empty: removed */
	kv_add(&fm, "f-owner", "7"); /* changed */
	kv_add(&fm, "t-plan-rows", "2");
	kv_add(&fm, "t-plan-0-when", "1.3.2026");
	kv_add(&fm, "t-plan-0-amount", "2,5");
	kv_add(&fm, "t-plan-1-amount", "7"); /* same rows without the empty one */
	kv_add(&fm, "f-evidence", "ins-1");  /* changed: one link fewer */
	kv_add(&fm, "c-users", "1");	     /* staff unticked */
	kv_add(&fm, "q-who", "Alle innbyggere");
	kv_add(&fm, "q-why", "Fordi!"); /* changed */

	json_t *theirs = form_entry(T_ALL, &ft, &errs);
	json_t *mine = form_entry(T_ALL, &fm, &errs);
	assert_int_equal(errs.n, 0);

	/* the parts that differ, by comparing the serialised values */
	char want[1024] = "";
	size_t o = 0;
	for (int i = 0; i < T_ALL->nfields; i++) {
		const char *k = T_ALL->fields[i].key;
		const json_t *x = entry_field(theirs, k), *y = entry_field(mine, k);
		char *xs = x ? json_dumps(x, JSON_ENCODE_ANY | JSON_SORT_KEYS | JSON_COMPACT) : NULL;
		char *ys = y ? json_dumps(y, JSON_ENCODE_ANY | JSON_SORT_KEYS | JSON_COMPACT) : NULL;
		if (!xs != !ys || (xs && strcmp(xs, ys) != 0))
			o += (size_t)snprintf(want + o, sizeof want - o, "%sf:%s", o ? "," : "", k);
		free(xs);
		free(ys);
	}
	for (int i = 0; i < T_ALL->nchecklist; i++) {
		const char *k = T_ALL->checklist[i].key;
		if (entry_checked(theirs, k) != entry_checked(mine, k))
			o += (size_t)snprintf(want + o, sizeof want - o, "%sc:%s", o ? "," : "", k);
	}
	for (int i = 0; i < T_ALL->nquestions; i++) {
		const char *k = T_ALL->questions[i].key, *x = entry_answer(theirs, k), *y = entry_answer(mine, k);
		if (!x != !y || (x && strcmp(x, y) != 0))
			o += (size_t)snprintf(want + o, sizeof want - o, "%sq:%s", o ? "," : "", k);
	}
	assert_true(o < sizeof want);
	/* and spelled out, so the independent computation is checked too */
	assert_string_equal(want, "f:cost,f:area,f:urgent,f:owner,f:evidence,c:staff,q:why");
	expect_diff(T_ALL, theirs, mine, want);

	/* taking every one of mine gives mine: nothing left to differ */
	json_t *merged = json_deep_copy(theirs);
	json_t *d = entry_diff(T_ALL, theirs, mine);
	static const char *const part[] = {"fields", "checklist", "answers"};
	for (size_t i = 0; i < json_array_size(d); i++) {
		const char *k = json_string_value(json_array_get(d, i));
		const char *p = part[k[0] == 'f' ? 0 : k[0] == 'c' ? 1 : 2];
		json_t *v = json_object_get(json_object_get(mine, p), k + 2);
		if (v)
			json_object_set(json_object_get(merged, p), k + 2, v);
		else
			json_object_del(json_object_get(merged, p), k + 2);
	}
	expect_diff(T_ALL, merged, mine, "");
	json_decref(d);
	json_decref(merged);
	json_decref(theirs);
	json_decref(mine);
	kv_free(&ft);
	kv_free(&fm);
}

/* ---- entry_display ------------------------------------------------------- */

static void display_numbers(void **state)
{
	(void)state;
	json_t *v = json_real(1234.5);
	expect_display("hours", v, "nb", "1" NBSP "234,5"); /* as many decimals as the value needs */
	expect_display("cost", v, "nb", "1" NBSP "234,5 kr");
	expect_display("share", v, "nb", "1" NBSP "234,5 %");
	json_decref(v);
	v = json_real(1500);
	expect_display("cost", v, "nb", "1" NBSP "500 kr"); /* no decimals when whole */
	json_decref(v);
	v = json_real(12.5);
	expect_display("share", v, "en", "12,5 %");
	json_decref(v);
	v = json_real(-1234567);
	expect_display("hours", v, "nb", "-1" NBSP "234" NBSP "567");
	json_decref(v);
	v = json_integer(3);
	expect_display("hours", v, "nb", "3");
	json_decref(v);
	v = json_real(0);
	expect_display("cost", v, "nb", "0 kr");
	json_decref(v);
}

static void display_choices_by_label(void **state)
{
	(void)state;
	json_t *v = json_string("school");
	expect_display("area", v, "nb", "Skole");
	expect_display("area", v, "en", "School");
	expect_display("area", v, "sv", "Skole"); /* no such translation: the base language */
	json_decref(v);
	v = json_string("gone");
	expect_display("area", v, "nb", "gone"); /* an option no longer in the template */
	json_decref(v);
	v = json_string("high");
	expect_display("level", v, "en", "High");
	json_decref(v);

	v = json_pack("[sss]", "users", "relatives", "staff");
	expect_display("groups", v, "nb", "Brukere, Pårørende, Ansatte");
	expect_display("groups", v, "en", "Users, Relatives, Staff");
	json_decref(v);
	v = json_pack("[s]", "staff");
	expect_display("groups", v, "en", "Staff");
	json_decref(v);
	v = json_array();
	expect_display("groups", v, "en", "");
	json_decref(v);
}

static void display_other_types(void **state)
{
	(void)state;
	expect_display("title", NULL, "nb", "");
	expect_display("plan", NULL, "nb", "");
	json_t *v = json_string("Tekst & <tegn>"); /* not escaped here: the page escapes */
	expect_display("title", v, "nb", "Tekst & <tegn>");
	json_decref(v);
	v = parse_json("[{\"amount\":1.0},{\"when\":\"2026-01-01\"},{\"amount\":2.0}]");
	expect_display("plan", v, "nb", "3"); /* a table: its row count */
	json_decref(v);
	v = json_pack("[ss]", "ins-1", "ins-2");
	expect_display("evidence", v, "nb", "ins-1, ins-2");
	json_decref(v);
	v = json_string("2026-11-22");
	expect_display("deadline", v, "nb", "2026-11-22");
	json_decref(v);
	v = json_string("yes");
	expect_display("urgent", v, "nb", "yes");
	json_decref(v);
	v = json_string("42");
	expect_display("owner", v, "nb", "42");
	json_decref(v);
}

/* What the form reads, displayed: every filled field gives text. */
static void display_full_entry(void **state)
{
	(void)state;
	struct kvlist f = {0};
	struct entry_errors errs;
	full_form(&f);
	json_t *e = form_entry(T_ALL, &f, &errs);
	expect_display("hours", entry_field(e, "hours"), "nb", "1" NBSP "234,5");
	expect_display("cost", entry_field(e, "cost"), "nb", "1" NBSP "500,5 kr");
	expect_display("share", entry_field(e, "share"), "nb", "12,5 %");
	expect_display("area", entry_field(e, "area"), "nb", "Skole");
	expect_display("groups", entry_field(e, "groups"), "en", "Users, Relatives");
	expect_display("level", entry_field(e, "level"), "nb", "Middels");
	expect_display("plan", entry_field(e, "plan"), "nb", "2");
	for (int i = 0; i < T_ALL->nfields; i++) {
		char *s = entry_display(M, &T_ALL->fields[i], entry_field(e, T_ALL->fields[i].key), "nb");
		assert_non_null(s);
		if (!*s)
			fail_msg("%s displays as empty", T_ALL->fields[i].key);
		free(s);
	}
	json_decref(e);
	kv_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(form_reads_every_type),
	    cmocka_unit_test(form_empty_gives_empty_entry),
	    cmocka_unit_test(form_numbers_are_reals),
	    cmocka_unit_test(form_text_limits),
	    cmocka_unit_test(form_reports_each_invalid_input),
	    cmocka_unit_test(form_member_must_be_in_team),
	    cmocka_unit_test(form_yesno_only_yes_or_no),
	    cmocka_unit_test(form_table_rows_limit),
	    cmocka_unit_test(form_error_list_is_bounded),
	    cmocka_unit_test(form_ignores_unknown_names),
	    cmocka_unit_test(progress_none_required_counts_all_but_links),
	    cmocka_unit_test(progress_full_form_is_100),
	    cmocka_unit_test(progress_only_required_fields_count),
	    cmocka_unit_test(progress_rounds_thirds),
	    cmocka_unit_test(progress_nothing_to_count),
	    cmocka_unit_test(diff_identical_is_empty),
	    cmocka_unit_test(diff_names_what_changed),
	    cmocka_unit_test(diff_added_and_removed_fields),
	    cmocka_unit_test(diff_arrays_and_tables),
	    cmocka_unit_test(diff_ignores_unknown_keys),
	    cmocka_unit_test(diff_numbers),
	    cmocka_unit_test(conflict_rows_are_the_differing_parts),
	    cmocka_unit_test(display_numbers),
	    cmocka_unit_test(display_choices_by_label),
	    cmocka_unit_test(display_other_types),
	    cmocka_unit_test(display_full_entry),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
