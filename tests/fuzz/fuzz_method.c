/* fuzz_method.c — src/method/method_load.c: a methodology's YAML files, as an
 * organisation uploads them (libyaml, the format checks, Markdown through
 * cmark-gfm).
 *
 * Every input is loaded three times, each time next to the fixed valid
 * methodology in method_fixture.h (a copy of tests/fixtures/methodologies/good/):
 *   1. as methodology.yaml (with the fixed phases and tools),
 *   2. as an extra tools/x.yaml (with the fixed methodology.yaml, phases, tools),
 *   3. as an extra phases/03-x.yaml.
 * Errors are fine; what must hold is: no crash, no leak, NULL exactly when an
 * error was reported, and for a methodology that loads, the structure method.h
 * promises (phases and steps in order, tool references resolved, tools sorted)
 * and Markdown rendered in safe mode (no raw script, no javascript: links). */
#include <strings.h>

#include "fuzz.h"
#include "fuzz_yaml.h"

#include "method/method.h"
#include "method_fixture.h"

enum { NFIX = sizeof fixture_files / sizeof fixture_files[0] };

/* Rendered Markdown must not carry active content. */
static void check_html(const char *h)
{
	if (!h)
		return;
	static const char *const bad[] = {"<script", "<iframe", "<style", "<object", "<embed", "<form", "<textarea",
					  "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "href=\"data:",
					  NULL};
	for (const char *const *b = bad; *b; b++)
		FUZZ_CHECK(!strcasestr(h, *b), "rendered Markdown contains %s: %s", *b, h);
}

static void check_tr(const struct methodology *m, const struct tr *t, int need)
{
	for (int i = 0; i < m->nlangs; i++) {
		if (need)
			FUZZ_CHECK(t->s[i] != NULL, "a loaded methodology has a missing translation");
		check_html(t->html[i]);
	}
	FUZZ_CHECK(tr_text(m, t, "en") != NULL && tr_html(m, t, "nb") != NULL, "tr_text/tr_html returned NULL");
}

static void check_loaded(const struct methodology *m)
{
	FUZZ_CHECK(m->nlangs >= 1 && m->nlangs <= M_MAX_LANGS, "nlangs %d", m->nlangs);
	FUZZ_CHECK(m->key && m->version && strlen(m->hash) == 64, "key, version or hash missing");
	check_tr(m, &m->name, 1);
	check_tr(m, &m->description, 1);
	check_tr(m, &m->notes, 0);
	FUZZ_CHECK(m->nphases >= 1, "no phases");
	for (int p = 0; p < m->nphases; p++) {
		const struct m_phase *ph = &m->phases[p];
		FUZZ_CHECK(ph->order == p + 1, "phase %d has order %d", p, ph->order);
		FUZZ_CHECK(ph->key && method_phase(m, ph->key) == ph, "method_phase");
		check_tr(m, &ph->purpose, 0);
		for (int i = 0; i < ph->ntips; i++)
			check_tr(m, &ph->tips[i], 1);
		for (int s = 0; s < ph->nsteps; s++) {
			const struct m_step *st = &ph->steps[s];
			FUZZ_CHECK(st->order == s + 1 && st->phase == ph, "step order or phase");
			FUZZ_CHECK(st->key && method_step(m, st->key) == st, "method_step");
			check_tr(m, &st->guidance, 1);
			for (int i = 0; i < st->ntips; i++)
				check_tr(m, &st->tips[i], 1);
			for (int i = 0; i < st->nexamples; i++)
				check_tr(m, &st->examples[i].text, 1);
			for (int i = 0; i < st->ntools; i++)
				FUZZ_CHECK(st->tools[i] >= m->tools && st->tools[i] < m->tools + m->ntools,
					   "a step's tool is not in the tool list");
		}
	}
	for (int t = 0; t < m->ntools; t++) {
		const struct m_tool *tl = &m->tools[t];
		FUZZ_CHECK(tl->key && method_tool(m, tl->key) == tl, "method_tool");
		FUZZ_CHECK(t == 0 || strcmp(m->tools[t - 1].key, tl->key) < 0, "tools not sorted by key");
		check_tr(m, &tl->purpose, 1);
		check_tr(m, &tl->guidance, 1);
		for (int i = 0; i < tl->ntips; i++)
			check_tr(m, &tl->tips[i], 1);
		for (int f = 0; f < tl->nfields; f++) {
			const struct m_field *fl = &tl->fields[f];
			FUZZ_CHECK(fl->key && fl->type >= 0 && fl->type < FT_COUNT, "field key or type");
			if (fl->type == FT_CHOICE || fl->type == FT_MULTICHOICE || fl->type == FT_SCALE)
				FUZZ_CHECK(fl->nopts >= 2 && fl->opts, "choice field with %d options", fl->nopts);
			if (fl->type == FT_TABLE)
				FUZZ_CHECK(fl->ncols >= 1 && fl->cols, "table field without columns");
			if (fl->type == FT_LINK)
				FUZZ_CHECK(fl->reg != NULL, "link field without a register");
		}
	}
}

/* Load files[0..n); returns the number of errors. */
static int load(const struct m_file *files, int n)
{
	struct m_diag d = {.prefix = (n & 1) ? "upload" : NULL};
	struct methodology *m = method_load(files, n, &d);
	FUZZ_CHECK((m == NULL) == (d.errors > 0), "method_load returned %s with %d errors", m ? "a methodology" : "NULL",
		   d.errors);
	FUZZ_CHECK(d.errors == 0 || d.out.len > 0, "errors without a message");
	if (m)
		check_loaded(m);
	method_free(m);
	int errors = d.errors;
	buf_free(&d.out);
	return errors;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct m_file files[NFIX];
	for (int i = 0; i < NFIX; i++)
		files[i] = (struct m_file){fixture_files[i].path, fixture_files[i].text, strlen(fixture_files[i].text)};
	if (load(files, NFIX) != 0) {
		fprintf(stderr, "fuzz_method: the built-in fixture no longer loads; copy tests/fixtures/methodologies/good "
				"into tests/fuzz/method_fixture.h again\n");
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Regressions (the alias files in regressions/method): YAML aliases are
	 * refused by the checker, so they can neither recurse nor explode. */

	/* data is an exactly sized copy: libyaml reading past the end is caught. */
	struct m_file files[NFIX + 1];
	for (int i = 0; i < NFIX; i++)
		files[i] = (struct m_file){fixture_files[i].path, fixture_files[i].text, strlen(fixture_files[i].text)};

	/* 1. The input as methodology.yaml. */
	files[0].data = (const char *)data;
	files[0].len = size;
	load(files, NFIX);
	files[0].data = fixture_files[0].text;
	files[0].len = strlen(fixture_files[0].text);

	/* 2. As an extra tool, 3. as an extra phase. */
	files[NFIX] = (struct m_file){"tools/x.yaml", (const char *)data, size};
	load(files, NFIX + 1);
	files[NFIX].path = "phases/03-x.yaml";
	load(files, NFIX + 1);
	return 0;
}
