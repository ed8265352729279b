/* test_methodology.c — the four built-in methodologies load without errors and
 * meet the content minimums (every tool with a purpose, guidance of at least
 * three paragraphs in every language, a template, checklist, reflection
 * questions and tips; every phase with a purpose, exit criteria, tips and steps
 * with guidance), plus the content hash, the lookups and the language fallback.
 * Paths are relative to the repository root, where `make unit` runs. */
#include "testlib.h"

#include "method/method.h"

/* A loaded methodology with the files it came from. */
struct loaded {
	struct methodology *m;
	struct m_file *files;
	int nfiles;
};

/* Read and load a folder; fails the test (printing every problem) if it does
 * not load or has any error. */
static struct loaded load_dir(const char *dir)
{
	struct loaded l = {0};
	char err[512] = "";
	l.nfiles = method_read_dir(dir, &l.files, err, sizeof err);
	if (l.nfiles < 0)
		fail_msg("%s: %s", dir, err);
	struct m_diag d = {.prefix = dir};
	l.m = method_load(l.files, l.nfiles, &d);
	if (d.out.len)
		printf("%s", buf_str(&d.out));
	int errors = d.errors;
	buf_free(&d.out);
	assert_int_equal(errors, 0);
	assert_non_null(l.m);
	return l;
}

static void loaded_free(struct loaded *l)
{
	method_free(l->m);
	method_files_free(l->files, l->nfiles);
}

static int count_str(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static bool has_text(const struct tr *t, int nlangs)
{
	for (int i = 0; i < nlangs; i++)
		if (!t->s[i] || !*t->s[i])
			return false;
	return true;
}

/* What one methodology must look like. */
struct spec {
	const char *dir;
	const char *langs[2];
	int nphases;
	const char *first_phase, *last_phase; /* NULL: not checked */
	int phase1_steps;                       /* 0: not checked */
};

/* Report a content problem (all are collected, then the test fails once). */
static int problems;
__attribute__((format(printf, 1, 2))) static void problem(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("  CONTENT: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	problems++;
}

/* Load a built-in methodology, check its shape and the content minimums,
 * print its counts, and return it for methodology-specific checks. */
static struct loaded check_methodology(const struct spec *sp)
{
	struct loaded l = load_dir(sp->dir);
	const struct methodology *m = l.m;
	problems = 0;

	assert_int_equal(m->nlangs, 2);
	assert_string_equal(m->langs[0], sp->langs[0]);
	assert_string_equal(m->langs[1], sp->langs[1]);
	assert_int_equal(m->nphases, sp->nphases);
	if (sp->first_phase)
		assert_string_equal(m->phases[0].key, sp->first_phase);
	if (sp->last_phase)
		assert_string_equal(m->phases[m->nphases - 1].key, sp->last_phase);
	if (sp->phase1_steps)
		assert_int_equal(m->phases[0].nsteps, sp->phase1_steps);
	assert_true(has_text(&m->name, m->nlangs));
	assert_true(has_text(&m->description, m->nlangs));
	assert_true(m->nsources >= 1);

	int nsteps = 0, nexit = 0, phase_tips = 0, step_tips = 0;
	for (int p = 0; p < m->nphases; p++) {
		const struct m_phase *ph = &m->phases[p];
		if (ph->order != p + 1)
			problem("%s: phase %s has order %d, expected %d", sp->dir, ph->key, ph->order, p + 1);
		if (!has_text(&ph->purpose, m->nlangs))
			problem("%s: phase %s has no purpose", sp->dir, ph->key);
		if (ph->nexit < 1)
			problem("%s: phase %s has no exit criteria", sp->dir, ph->key);
		if (ph->ntips < 1)
			problem("%s: phase %s has no tips", sp->dir, ph->key);
		if (ph->nsteps < 1)
			problem("%s: phase %s has no steps", sp->dir, ph->key);
		for (int s = 0; s < ph->nsteps; s++) {
			const struct m_step *st = &ph->steps[s];
			if (!has_text(&st->guidance, m->nlangs))
				problem("%s: step %s has no guidance", sp->dir, st->key);
			for (int i = 0; i < m->nlangs; i++)
				if (count_str(tr_html(m, &st->guidance, m->langs[i]), "<p>") < 1)
					problem("%s: step %s: the %s guidance has no paragraph", sp->dir, st->key, m->langs[i]);
			if (st->order != s + 1)
				problem("%s: step %s has order %d, expected %d", sp->dir, st->key, st->order, s + 1);
			if (st->phase != ph)
				problem("%s: step %s does not point to its phase", sp->dir, st->key);
			step_tips += st->ntips;
		}
		nsteps += ph->nsteps;
		nexit += ph->nexit;
		phase_tips += ph->ntips;
	}

	int nfields = 0, ncols = 0, nchecklist = 0, nquestions = 0, tool_tips = 0;
	for (int t = 0; t < m->ntools; t++) {
		const struct m_tool *tl = &m->tools[t];
		if (!has_text(&tl->purpose, m->nlangs))
			problem("%s: tool %s has no purpose", sp->dir, tl->key);
		for (int i = 0; i < m->nlangs; i++) {
			int paras = count_str(tr_html(m, &tl->guidance, m->langs[i]), "<p>");
			if (paras < 3)
				problem("%s: tool %s: the %s guidance has %d paragraphs (at least 3)", sp->dir, tl->key,
					m->langs[i], paras);
		}
		if (tl->nfields < 3)
			problem("%s: tool %s has %d template fields (at least 3)", sp->dir, tl->key, tl->nfields);
		if (tl->nchecklist < 3)
			problem("%s: tool %s has %d checklist items (at least 3)", sp->dir, tl->key, tl->nchecklist);
		if (tl->nquestions < 3)
			problem("%s: tool %s has %d reflection questions (at least 3)", sp->dir, tl->key, tl->nquestions);
		if (tl->ntips < 2)
			problem("%s: tool %s has %d tips (at least 2)", sp->dir, tl->key, tl->ntips);
		nfields += tl->nfields;
		for (int f = 0; f < tl->nfields; f++)
			ncols += tl->fields[f].ncols;
		nchecklist += tl->nchecklist;
		nquestions += tl->nquestions;
		tool_tips += tl->ntips;
	}
	printf("%-38s %d phases, %d steps, %d tools, %d fields (+%d table columns), %d checklist items, "
	       "%d questions, %d exit criteria, %d tips (%d tool, %d phase, %d step)\n",
	       sp->dir, m->nphases, nsteps, m->ntools, nfields, ncols, nchecklist, nquestions, nexit,
	       tool_tips + phase_tips + step_tips, tool_tips, phase_tips, step_tips);
	fflush(stdout);
	assert_int_equal(problems, 0);
	return l;
}

static void test_veikart(void **state)
{
	(void)state;
	struct spec sp = {"methodologies/veikart", {"nb", "en"}, 6, "forankring", "ny-praksis", 5};
	struct loaded l = check_methodology(&sp);
	loaded_free(&l);
}

/* Helsedirektoratet's four groups of welfare technology, in their order. */
static void test_veikart_2015(void **state)
{
	(void)state;
	struct spec sp = {"methodologies/veikart-2015", {"nb", "en"}, 5, NULL, NULL, 0};
	struct loaded l = check_methodology(&sp);
	const struct m_tool *t = method_tool(l.m, "prosjektbeskrivelse");
	assert_non_null(t);
	static const char *const groups[4][2] = {
		{"trygghetsskapende", "Trygghetsskapende teknologi"},
		{"mestring", "Mestringsteknologi"},
		{"utredning-behandling", "Utrednings- og behandlingsteknologi"},
		{"velvaere", "Velværeteknologi"},
	};
	int found = 0;
	for (int f = 0; f < t->nfields; f++) {
		const struct m_field *fd = &t->fields[f];
		if (fd->type != FT_CHOICE || fd->nopts < 1 || strcmp(fd->opts[0].key, groups[0][0]) != 0)
			continue;
		found++;
		assert_int_equal(fd->nopts, 4);
		for (int i = 0; i < 4; i++) {
			assert_string_equal(fd->opts[i].key, groups[i][0]);
			const char *nb = tr_text(l.m, &fd->opts[i].text, "nb");
			assert_true(strncmp(nb, groups[i][1], strlen(groups[i][1])) == 0);
			assert_true(*tr_text(l.m, &fd->opts[i].text, "en"));
		}
	}
	assert_int_equal(found, 1);
	loaded_free(&l);
}

static void test_innovasjonsguiden(void **state)
{
	(void)state;
	struct spec sp = {"methodologies/innovasjonsguiden", {"nb", "en"}, 4, NULL, NULL, 0};
	struct loaded l = check_methodology(&sp);
	loaded_free(&l);
}

static void test_skr(void **state)
{
	(void)state;
	struct spec sp = {"methodologies/skr-innovationsguiden", {"sv", "en"}, 6, NULL, NULL, 0};
	struct loaded l = check_methodology(&sp);
	loaded_free(&l);
}

static bool is_hex64(const char *h)
{
	if (strlen(h) != 64)
		return false;
	for (const char *p = h; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* The content hash: 64 hex digits, the same for the same files (in any order),
 * different when one byte of one file changes. */
static void test_hash(void **state)
{
	(void)state;
	struct loaded a = load_dir("methodologies/veikart"), b = load_dir("methodologies/veikart");
	assert_true(is_hex64(a.m->hash));
	assert_string_equal(a.m->hash, b.m->hash);

	/* The same files in reverse order. */
	struct m_file *rev = calloc((size_t)a.nfiles, sizeof *rev);
	assert_non_null(rev);
	for (int i = 0; i < a.nfiles; i++)
		rev[i] = a.files[a.nfiles - 1 - i];
	struct m_diag d = {0};
	struct methodology *r = method_load(rev, a.nfiles, &d);
	assert_non_null(r);
	assert_string_equal(r->hash, a.m->hash);
	method_free(r);
	buf_free(&d.out);

	/* One byte of methodology.yaml changed: the first letter of the base-language name. */
	struct m_file *copy = calloc((size_t)a.nfiles, sizeof *copy);
	assert_non_null(copy);
	memcpy(copy, a.files, sizeof *copy * (size_t)a.nfiles);
	char *data = NULL;
	for (int i = 0; i < a.nfiles; i++)
		if (strcmp(copy[i].path, "methodology.yaml") == 0) {
			data = malloc(copy[i].len + 1);
			assert_non_null(data);
			memcpy(data, copy[i].data, copy[i].len);
			data[copy[i].len] = '\0';
			char *name = strstr(data, "\nname:\n");
			assert_non_null(name);
			char *nb = strstr(name, "nb: ");
			assert_non_null(nb);
			char *c = nb + 4;
			assert_true((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z'));
			*c ^= 0x20; /* swap upper and lower case */
			copy[i].data = data;
		}
	assert_non_null(data);
	struct m_diag d2 = {0};
	struct methodology *c = method_load(copy, a.nfiles, &d2);
	assert_int_equal(d2.errors, 0);
	assert_non_null(c);
	assert_true(is_hex64(c->hash));
	assert_string_not_equal(c->hash, a.m->hash);
	assert_string_not_equal(tr_text(c, &c->name, "nb"), tr_text(a.m, &a.m->name, "nb"));
	printf("veikart hash %s, with one byte changed %s\n", a.m->hash, c->hash);
	method_free(c);
	buf_free(&d2.out);
	free(data);
	free(copy);
	free(rev);
	loaded_free(&a);
	loaded_free(&b);
}

/* method_tool, method_phase and method_step find every tool, phase and step by
 * key, and nothing for an unknown or missing key. */
static void test_lookups(void **state)
{
	(void)state;
	struct loaded l = load_dir("methodologies/veikart");
	const struct methodology *m = l.m;
	for (int t = 0; t < m->ntools; t++) {
		assert_ptr_equal(method_tool(m, m->tools[t].key), &m->tools[t]);
		if (t > 0) /* sorted by key */
			assert_true(strcmp(m->tools[t - 1].key, m->tools[t].key) < 0);
	}
	for (int p = 0; p < m->nphases; p++) {
		const struct m_phase *ph = &m->phases[p];
		assert_ptr_equal(method_phase(m, ph->key), ph);
		for (int s = 0; s < ph->nsteps; s++) {
			const struct m_step *st = method_step(m, ph->steps[s].key);
			assert_ptr_equal(st, &ph->steps[s]);
			assert_ptr_equal(st->phase, ph);
			for (int i = 0; i < st->ntools; i++)
				assert_ptr_equal(method_tool(m, st->tools[i]->key), st->tools[i]);
		}
	}
	const struct m_phase *f = method_phase(m, "forankring");
	assert_non_null(f);
	assert_int_equal(f->order, 1);
	assert_non_null(method_tool(m, "prosjektpresentasjon"));
	assert_null(method_tool(m, "no-such-tool"));
	assert_null(method_tool(m, "forankring")); /* a phase key is not a tool key */
	assert_null(method_phase(m, "no-such-phase"));
	assert_null(method_step(m, "no-such-step"));
	assert_null(method_tool(m, null_str()));
	assert_null(method_phase(m, null_str()));
	assert_null(method_step(m, null_str()));
	loaded_free(&l);
}

/* tr_text and tr_html fall back to the base language for a language the
 * methodology lacks. */
static void test_language_fallback(void **state)
{
	(void)state;
	static const char *const dirs[] = {"methodologies/veikart", "methodologies/skr-innovationsguiden"};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		struct loaded l = load_dir(dirs[i]);
		const struct methodology *m = l.m;
		const struct m_tool *t = &m->tools[0];
		assert_false(method_has_lang(m, "da"));
		assert_true(method_has_lang(m, m->langs[0]));
		assert_true(method_has_lang(m, "en"));
		assert_string_equal(tr_text(m, &m->name, "da"), m->name.s[0]);
		assert_string_equal(tr_text(m, &m->name, "en"), m->name.s[1]);
		assert_string_not_equal(m->name.s[0], m->name.s[1]);
		assert_string_equal(tr_text(m, &t->name, "da"), tr_text(m, &t->name, m->langs[0]));
		assert_string_equal(tr_text(m, &t->name, null_str()), t->name.s[0]);
		assert_string_equal(tr_html(m, &t->guidance, "da"), t->guidance.html[0]);
		assert_string_equal(tr_html(m, &t->guidance, "en"), t->guidance.html[1]);
		assert_non_null(strstr(tr_html(m, &t->guidance, "da"), "<p>"));
		/* Not Markdown: no HTML, and tr_html gives "" rather than NULL. */
		assert_null(t->name.html[0]);
		assert_string_equal(tr_html(m, &t->name, "da"), "");
		loaded_free(&l);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_veikart),
		cmocka_unit_test(test_veikart_2015),
		cmocka_unit_test(test_innovasjonsguiden),
		cmocka_unit_test(test_skr),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_language_fallback),
	};
	return RUN_TESTS(tests);
}
