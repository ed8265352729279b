/* test_i18n.c — Accept-Language negotiation and .mo catalog lookups. */
#include "testlib.h"

#include "assets.h"
#include "buf.h"
#include "i18n.h"

/* Language negotiation picks the supported language with the highest q, maps
 * no/nn/nb and regional variants to nb, and falls back to nb. */
static void test_negotiate(void **state)
{
	(void)state;
	static const struct {
		const char *header, *want;
	} cases[] = {
		{"nb-NO,nb;q=0.9,en;q=0.8", "nb"},
		{"en-GB,en;q=0.9", "en"},
		{"en-US,en;q=0.9,nb;q=0.8", "en"},
		{"sv,en;q=0.5", "en"},
		{"sv-SE,da;q=0.9,en;q=0.3,nb;q=0.2", "en"},
		{"de", "nb"},
		{"de-DE,fr;q=0.8", "nb"},
		{"no", "nb"},
		{"nn-NO", "nb"},
		{"nn", "nb"},
		{"nn,en;q=0.5", "nb"},
		{"no,en;q=0.5", "nb"},
		{"nb-NO,en;q=0.5", "nb"},
		{"en,nb", "en"},
		{"nb,en", "nb"},
		{"en;q=0.7,nb;q=0.7", "en"},
		{"nb", "nb"},
		{"en", "en"},
		{"EN-us", "en"},
		{"NB-no", "nb"},
		{"en_GB", "en"},
		{"en;q=0.1,nb;q=0.9", "nb"},
		{"nb;q=0.5,en", "en"},
		{"en-GB;q=0.8, nb;q=0.9", "nb"},
		{"en , nb ; q=0.2", "en"},
		{"en;q=0", "nb"},
		{"en;q=0.0,de", "nb"},
		{"english,en-x;q=0.1", "en"},
		{"eng", "nb"},
		{"e", "nb"},
		{"*", "nb"},
		{"*;q=1,en;q=0.5", "en"},
		{"", "nb"},
		{"   ", "nb"},
		{",,,;;;", "nb"},
		{";q=1", "nb"},
		{"q=0.9", "nb"},
		{"en;q=", "nb"},
		{"en;q=abc", "nb"},
		{"\xC3\xA6\xC3\xB8", "nb"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = i18n_negotiate(cases[i].header);
		if (strcmp(got, cases[i].want) != 0)
			print_error("header \"%s\": want %s, got %s\n", cases[i].header, cases[i].want, got);
		assert_string_equal(got, cases[i].want);
	}
	assert_string_equal(i18n_negotiate(NULL), "nb");
}

/* A very long header is parsed without trouble and still gives a supported
 * language. */
static void test_negotiate_long_header(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 500; i++)
		buf_puts(&b, "xx-YY;q=0.5, ");
	buf_puts(&b, "en");
	const char *got = i18n_negotiate(buf_str(&b));
	assert_true(i18n_supported(got));
	buf_reset(&b);
	for (int i = 0; i < 5000; i++)
		buf_putc(&b, 'a');
	assert_string_equal(i18n_negotiate(buf_str(&b)), "nb");
	buf_free(&b);
}

/* Only nb and en are supported codes. */
static void test_supported(void **state)
{
	(void)state;
	assert_true(i18n_supported("nb"));
	assert_true(i18n_supported("en"));
	assert_false(i18n_supported("no"));
	assert_false(i18n_supported("nn"));
	assert_false(i18n_supported("NB"));
	assert_false(i18n_supported("en-GB"));
	assert_false(i18n_supported(""));
	assert_false(i18n_supported(NULL));
}

/* Store v at p as four little-endian bytes (the .mo byte order we accept). */
static void put_word(unsigned char *p, uint32_t v)
{
	for (int byte = 0; byte < 4; byte++)
		p[byte] = (unsigned char)(v >> (8 * byte));
}

/* Build a little-endian .mo image from sorted msgid/msgstr pairs, the way
 * msgfmt lays it out (header, two tables, then the strings). Caller frees. */
static unsigned char *build_mo(const char *const pairs[][2], unsigned n, size_t *len)
{
	size_t size = 28 + 16 * (size_t)n;
	for (unsigned k = 0; k < n; k++)
		size += strlen(pairs[k][0]) + 1 + strlen(pairs[k][1]) + 1;
	unsigned char *mo = calloc(1, size);
	uint32_t head[7] = {0x950412deu, 0, n, 28, 28 + 8 * n, 0, 28 + 16 * n};
	size_t at = 28 + 16 * (size_t)n;
	for (unsigned k = 0; k < n; k++) {
		for (int side = 0; side < 2; side++) {
			uint32_t l = (uint32_t)strlen(pairs[k][side]);
			unsigned char *entry = mo + 28 + 8 * n * side + 8 * k;
			put_word(entry, l);
			put_word(entry + 4, (uint32_t)at);
			memcpy(mo + at, pairs[k][side], l + 1);
			at += l + 1;
		}
	}
	for (int w = 0; w < 7; w++)
		put_word(mo + 4 * w, head[w]);
	*len = size;
	return mo;
}

static const char *const sample[][2] = {
	{"", "Content-Type: text/plain; charset=UTF-8\n"},
	{"Apple", "Eple"},
	{"Cancel", "Avbryt"},
	{"Log in", "Logg inn"},
	{"Save", "Lagre"},
	{"Untranslated", ""},
	{"Zebra", "Sebra"},
};

/* A well-formed catalog loads, and every entry is found by the binary search;
 * unknown and untranslated msgids come back as themselves. */
static void test_catalog_lookup(void **state)
{
	(void)state;
	size_t len;
	unsigned n = sizeof sample / sizeof sample[0];
	unsigned char *mo = build_mo(sample, n, &len);
	struct i18n_catalog c;
	assert_int_equal(i18n_catalog_load(&c, "nb", mo, len), 0);
	assert_int_equal(c.nstrings, n);
	assert_string_equal(c.lang, "nb");
	for (unsigned k = 1; k < n; k++) {
		const char *want = sample[k][1][0] ? sample[k][1] : sample[k][0];
		assert_string_equal(i18n_lookup(&c, sample[k][0]), want);
	}
	const char *unknown = "Not in the catalog";
	assert_ptr_equal(i18n_lookup(&c, unknown), unknown);
	const char *untranslated = "Untranslated";
	assert_ptr_equal(i18n_lookup(&c, untranslated), untranslated);
	assert_string_equal(i18n_lookup(&c, "A"), "A");       /* before the first */
	assert_string_equal(i18n_lookup(&c, "Zz"), "Zz");     /* after the last */
	assert_string_equal(i18n_lookup(&c, "log in"), "log in");
	/* The empty msgid is the catalog header, never a translation. */
	assert_string_equal(i18n_lookup(&c, ""), "");
	assert_string_equal(i18n_lookup(NULL, "Save"), "Save");
	free(mo);
}

/* Without .mo bytes the catalog is the source language: lookups return the
 * msgid. */
static void test_catalog_source_language(void **state)
{
	(void)state;
	struct i18n_catalog c;
	assert_int_equal(i18n_catalog_load(&c, "en", NULL, 0), 0);
	assert_null(c.mo);
	assert_string_equal(i18n_lookup(&c, "Log in"), "Log in");
}

/* A buffer with the wrong magic number, or truncated anywhere, is refused. */
static void test_catalog_rejects_bad_buffers(void **state)
{
	(void)state;
	size_t len;
	unsigned n = sizeof sample / sizeof sample[0];
	unsigned char *mo = build_mo(sample, n, &len);
	struct i18n_catalog c;

	for (size_t cut = 0; cut < len; cut++) {
		unsigned char *copy = malloc(cut ? cut : 1);  /* exact size: ASan sees overreads */
		memcpy(copy, mo, cut);
		if (i18n_catalog_load(&c, "nb", copy, cut) != -1)
			print_error("truncated to %zu of %zu bytes: accepted\n", cut, len);
		assert_int_equal(i18n_catalog_load(&c, "nb", copy, cut), -1);
		free(copy);
	}

	unsigned char *bad = malloc(len);
	memcpy(bad, mo, len);
	put_word(bad, 0xde120495u);  /* big-endian magic */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memset(bad, 0, 4);
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	unsigned char zeros[64] = {0};
	assert_int_equal(i18n_catalog_load(&c, "nb", zeros, sizeof zeros), -1);
	free(bad);
	free(mo);
}

/* Corrupt table entries or counts are refused: a string offset past the end,
 * a length that runs past the end, a string without its NUL, a string count
 * far too large, and table offsets outside the buffer. */
static void test_catalog_rejects_corrupt_tables(void **state)
{
	(void)state;
	size_t len;
	unsigned n = sizeof sample / sizeof sample[0];
	unsigned char *mo = build_mo(sample, n, &len);
	unsigned char *bad = malloc(len);
	struct i18n_catalog c;
	const size_t orig2 = 28 + 8 * 2, trans3 = 28 + 8 * n + 8 * 3;

	memcpy(bad, mo, len);
	put_word(bad + orig2 + 4, (uint32_t)len + 10);           /* msgid offset out of range */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + trans3, 0xFFFFFFF0u);                     /* length wraps */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + orig2, 3);                                /* "Can" is not NUL-terminated */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + 8, 0x10000000u);                          /* count */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + 8, n + 1);                                /* one entry too many */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + 12, (uint32_t)len);                       /* original table at the end */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	memcpy(bad, mo, len);
	put_word(bad + 16, 0xFFFFFFFFu);                         /* translation table outside */
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), -1);
	/* The untouched image still loads. */
	memcpy(bad, mo, len);
	assert_int_equal(i18n_catalog_load(&c, "nb", bad, len), 0);
	free(bad);
	free(mo);
}

/* Read four little-endian bytes at p. */
static uint32_t get_word(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The real catalog (po/nb.po, embedded as i18n/nb.mo) loads; "Log in" is
 * "Logg inn" in nb and stays "Log in" in en; unknown msgids come back as
 * themselves; every entry of the catalog is found. */
static void test_real_catalog(void **state)
{
	(void)state;
	struct i18n i;
	char err[256] = "";
	assert_int_equal(i18n_init(&i, err, sizeof err), 0);
	assert_string_equal(err, "");
	const struct i18n_catalog *nb = i18n_catalog(&i, "nb"), *en = i18n_catalog(&i, "en");
	assert_string_equal(nb->lang, "nb");
	assert_string_equal(en->lang, "en");
	assert_string_equal(i18n_lookup(nb, "Log in"), "Logg inn");
	assert_string_equal(i18n_lookup(en, "Log in"), "Log in");
	assert_string_equal(i18n_lookup(nb, "Log in to Varde"), "Logg inn i Varde");
	const char *unknown = "No such message, surely";
	assert_ptr_equal(i18n_lookup(nb, unknown), unknown);
	assert_ptr_equal(i18n_lookup(en, unknown), unknown);
	/* Unsupported or missing codes fall back to nb. */
	assert_ptr_equal(i18n_catalog(&i, "de"), nb);
	assert_ptr_equal(i18n_catalog(&i, NULL), nb);

	/* Walk the catalog's own tables: each msgid must look up to its msgstr. */
	const struct asset *a = asset_find("i18n/nb.mo");
	assert_non_null(a);
	uint32_t n = get_word(a->data + 8), oo = get_word(a->data + 12), to = get_word(a->data + 16);
	assert_true(n > 50);
	for (uint32_t k = 0; k < n; k++) {
		const char *id = (const char *)a->data + get_word(a->data + oo + 8 * k + 4);
		const char *tr = (const char *)a->data + get_word(a->data + to + 8 * k + 4);
		if (!*id || get_word(a->data + to + 8 * k) == 0)
			continue;
		assert_string_equal(i18n_lookup(nb, id), tr);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_negotiate_long_header),
		cmocka_unit_test(test_supported),
		cmocka_unit_test(test_catalog_lookup),
		cmocka_unit_test(test_catalog_source_language),
		cmocka_unit_test(test_catalog_rejects_bad_buffers),
		cmocka_unit_test(test_catalog_rejects_corrupt_tables),
		cmocka_unit_test(test_real_catalog),
	};
	return RUN_TESTS(tests);
}
