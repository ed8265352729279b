/* fuzz_archive.c — src/method/method_archive.c: an uploaded methodology archive
 * (zip, tar, tar.gz, … through libarchive), as POST /admin/methodologies reads it.
 *
 * The input is the archive. method_read_archive must not crash or leak, must
 * either fail with a message or return at most 500 files, each a *.yaml path
 * without "..". The files it returns are then loaded with method_load, as the
 * upload page does.
 *
 * libarchive is not instrumented, so cov: counts only Varde's code. Note that
 * archive_read_support_filter_all lets libarchive start external programs
 * (lrzip, lzop, grzip) for inputs with their magic bytes; the fuzzer does too. */
#include "fuzz.h"
#include "fuzz_yaml.h"

#include "method/method.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct m_file *files = (struct m_file *)1;
	char err[512];
	err[0] = '\0';
	int n = method_read_archive(data, size, &files, err, sizeof err);
	if (n < 0) {
		FUZZ_CHECK(n == -1, "method_read_archive returned %d", n);
		FUZZ_CHECK(files == NULL, "files set after an error");
		/* Regression (regressions/archive/fatal-header-no-message.zip):
		 * every failure comes with a message. */
		FUZZ_CHECK(err[0], "an error without a message");
		return 0;
	}
	FUZZ_CHECK(n <= 500, "%d files", n);
	FUZZ_CHECK(files != NULL, "no file array");
	for (int i = 0; i < n; i++) {
		const char *p = files[i].path;
		size_t len = strlen(p);
		FUZZ_CHECK(len >= 5 && strcmp(p + len - 5, ".yaml") == 0, "path \"%s\" is not *.yaml", p);
		FUZZ_CHECK(!strstr(p, ".."), "path \"%s\" has ..", p);
		FUZZ_CHECK(files[i].data != NULL && files[i].len <= (1 << 20) + 8192, "file %s: %zu bytes", p, files[i].len);
	}
	struct m_diag d = {.prefix = "upload"};
	struct methodology *m = method_load(files, n, &d);
	FUZZ_CHECK((m == NULL) == (d.errors > 0), "method_load: %s with %d errors", m ? "a methodology" : "NULL",
		   d.errors);
	method_free(m);
	buf_free(&d.out);
	method_files_free(files, n);
	return 0;
}
