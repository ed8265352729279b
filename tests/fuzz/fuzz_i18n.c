/* fuzz_i18n.c — src/core/i18n.c: the Accept-Language header (i18n_negotiate)
 * and the .mo catalog reader (i18n_catalog_load + i18n_lookup).
 *
 * Every input is used twice: as an Accept-Language header (up to the first
 * NUL), and as the bytes of a .mo file. A catalog that loads must be safe to
 * search with any msgid: what a lookup returns is the msgid itself or a string
 * inside the catalog, NUL-terminated there; in a sorted catalog every msgid is
 * found. The
 * header is also looked up in the real Norwegian catalog (the embedded
 * build/gen/nb.mo, through i18n_init). */
#include "fuzz.h"

#include "core/i18n.h"

static struct i18n real;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[256];
	if (i18n_init(&real, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_i18n: i18n_init: %s\n", err);
		abort();
	}
	return 0;
}

static uint32_t word(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A lookup result is the msgid itself or a NUL-terminated string inside the catalog. */
static void check_result(const struct i18n_catalog *c, const char *msgid, const char *r)
{
	FUZZ_CHECK(r != NULL, "i18n_lookup returned NULL");
	if (r == msgid)
		return;
	const char *lo = (const char *)c->mo, *hi = lo + c->mo_len;
	FUZZ_CHECK(r >= lo && r < hi, "i18n_lookup returned a pointer outside the catalog");
	FUZZ_CHECK(memchr(r, '\0', (size_t)(hi - r)) != NULL, "i18n_lookup: translation not NUL-terminated");
}

static void check_catalog(const uint8_t *mo, size_t len, const char *probe)
{
	struct i18n_catalog c;
	if (i18n_catalog_load(&c, "xx", mo, len) != 0) {
		FUZZ_CHECK(i18n_lookup(&c, probe) == probe, "a catalog that failed to load translates");
		return;
	}
	FUZZ_CHECK(c.mo == mo && c.mo_len == len && c.nstrings <= len / 8, "i18n_catalog_load: header fields");
	check_result(&c, probe, i18n_lookup(&c, probe));
	const char *prev = NULL;
	int sorted = 1;
	for (unsigned k = 0; k < c.nstrings; k++) {
		const char *id = (const char *)mo + word(mo + c.orig_off + 8 * k + 4);
		if (prev && strcmp(prev, id) >= 0)
			sorted = 0;
		prev = id;
	}
	for (unsigned k = 0; k < c.nstrings && k < 512; k++) {
		const char *id = (const char *)mo + word(mo + c.orig_off + 8 * k + 4);
		const char *r = i18n_lookup(&c, id);
		check_result(&c, id, r);
		if (sorted && *id && word(mo + c.trans_off + 8 * k))
			FUZZ_CHECK(r == (const char *)mo + word(mo + c.trans_off + 8 * k + 4),
				   "sorted catalog: msgid %u not found", k);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *al = fuzz_strndup(data, size);
	const char *lang = i18n_negotiate(al);
	FUZZ_CHECK(lang && i18n_supported(lang), "i18n_negotiate gave \"%s\"", lang ? lang : "(null)");
	FUZZ_CHECK(strcmp(i18n_negotiate(NULL), "nb") == 0, "i18n_negotiate(NULL)");
	const struct i18n_catalog *cat = i18n_catalog(&real, al);
	FUZZ_CHECK(cat && i18n_supported(cat->lang), "i18n_catalog");
	check_result(&real.cats[0], al, i18n_lookup(&real.cats[0], al));
	FUZZ_CHECK(i18n_lookup(&real.cats[1], al) == al, "the source-language catalog translates");

	/* The bytes as a .mo file; data is an exactly sized copy, so reads past the
	 * end are caught. */
	check_catalog(data, size, al);
	/* And once more with a valid little-endian magic in front of the rest, so the
	 * fuzzer need not find it. */
	if (size >= 4) {
		uint8_t *mo = malloc(size);
		if (!mo)
			abort();
		memcpy(mo, data, size);
		memcpy(mo, "\xde\x12\x04\x95", 4);
		check_catalog(mo, size, strlen(al) > 4 ? al + 4 : "");
		free(mo);
	}
	free(al);
	return 0;
}
