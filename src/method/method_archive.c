/* method_archive.c — read a methodology uploaded as an archive, with
 * libarchive (zip, tar, tar.gz and the other formats it knows). Limits: 500
 * files, 1 MiB each, only *.yaml files are kept. */
#include <archive.h>
#include <archive_entry.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "method.h"

enum { ARCHIVE_MAX_FILES = 500, ARCHIVE_MAX_FILE = 1 << 20 };

/* Strip "top/" when every path starts with the same folder. */
static void strip_common_folder(struct m_file *files, int n)
{
	if (n == 0)
		return;
	const char *slash = strchr(files[0].path, '/');
	if (!slash)
		return;
	size_t len = (size_t)(slash - files[0].path) + 1;
	for (int i = 0; i < n; i++)
		if (strncmp(files[i].path, files[0].path, len) != 0)
			return;
	for (int i = 0; i < n; i++) {
		char *p = (char *)files[i].path;
		memmove(p, p + len, strlen(p + len) + 1);
	}
}

int method_read_archive(const void *data, size_t len, struct m_file **files, char *err, size_t errlen)
{
	struct archive *a = archive_read_new();
	/* Only what a methodology folder comes as. (The _all variants would also
	 * let libarchive run external programs such as lrzip for some inputs.) */
	archive_read_support_filter_gzip(a);
	archive_read_support_filter_bzip2(a);
	archive_read_support_filter_xz(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_zip(a);
	*files = NULL;
	int n = 0;
	if (errlen)
		err[0] = '\0';
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
		snprintf(err, errlen, "%s", archive_error_string(a) ? archive_error_string(a) : "not an archive");
		archive_read_free(a);
		return -1;
	}
	*files = xcalloc(ARCHIVE_MAX_FILES + 1, sizeof **files);
	struct archive_entry *e;
	int rc = 0;
	while ((rc = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *path = archive_entry_pathname(e);
		size_t plen = path ? strlen(path) : 0;
		if (archive_entry_filetype(e) != AE_IFREG || plen < 6 || strcmp(path + plen - 5, ".yaml") != 0 ||
		    strstr(path, "..") || path[0] == '/')
			continue;
		if (n == ARCHIVE_MAX_FILES || archive_entry_size(e) > ARCHIVE_MAX_FILE) {
			snprintf(err, errlen, "the archive has too many or too large files (at most %d files of 1 MiB)",
				 ARCHIVE_MAX_FILES);
			rc = ARCHIVE_FATAL;
			break;
		}
		struct buf b = {0};
		char chunk[8192];
		la_ssize_t got;
		while ((got = archive_read_data(a, chunk, sizeof chunk)) > 0 && b.len <= ARCHIVE_MAX_FILE)
			buf_append(&b, chunk, (size_t)got);
		if (got < 0) {
			buf_free(&b);
			snprintf(err, errlen, "%s", archive_error_string(a) ? archive_error_string(a) : "damaged archive");
			rc = ARCHIVE_FATAL;
			break;
		}
		if (b.len > ARCHIVE_MAX_FILE) {
			buf_free(&b);
			snprintf(err, errlen, "%s is larger than 1 MiB", path);
			rc = ARCHIVE_FATAL;
			break;
		}
		bool dup = false;
		for (int k = 0; k < n; k++)
			dup |= strcmp((*files)[k].path, path) == 0;
		if (dup) {
			buf_free(&b);
			snprintf(err, errlen, "the archive contains %s twice", path);
			rc = ARCHIVE_FATAL;
			break;
		}
		size_t flen = b.len;
		(*files)[n++] = (struct m_file){xstrdup(path), buf_detach(&b), flen};
	}
	if (rc != ARCHIVE_EOF && rc != ARCHIVE_FATAL)
		rc = ARCHIVE_FATAL;
	if (rc == ARCHIVE_FATAL && !err[0])
		snprintf(err, errlen, "the archive could not be read: %s",
			 archive_error_string(a) ? archive_error_string(a) : "damaged or not a zip or tar archive");
	archive_read_free(a);
	if (rc != ARCHIVE_EOF) {
		method_files_free(*files, n);
		*files = NULL;
		return -1;
	}
	strip_common_folder(*files, n);
	for (int i = 0; i < n; i++)
		for (int k = 0; k < i; k++)
			if (strcmp((*files)[i].path, (*files)[k].path) == 0 || (*files)[i].path[0] == '/') {
				snprintf(err, errlen, "the archive has an unusable path: %s", (*files)[i].path);
				method_files_free(*files, n);
				*files = NULL;
				return -1;
			}
	return n;
}
