/* cli_method.c — `varde methodology check DIR…`: report every problem in a
 * methodology folder as file:line: message; exit 1 if there is any error. */
#include <stdio.h>
#include <string.h>

#include "../method/method.h"
#include "cli.h"

int cli_methodology_check(int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, "usage: varde methodology check DIR...\n");
		return 2;
	}
	int rc = 0;
	for (int i = 0; i < argc; i++) {
		struct m_file *files = NULL;
		char err[512];
		int n = method_read_dir(argv[i], &files, err, sizeof err);
		if (n < 0) {
			fprintf(stderr, "varde: %s\n", err);
			rc = 1;
			continue;
		}
		struct m_diag d = {.prefix = argv[i]};
		struct methodology *m = method_load(files, n, &d);
		fputs(buf_str(&d.out), stdout);
		if (m) {
			int ntools = m->ntools, nsteps = 0;
			for (int p = 0; p < m->nphases; p++)
				nsteps += m->phases[p].nsteps;
			printf("%s: %s %s (%.12s): %d phases, %d steps, %d tools, %d warnings\n", argv[i], m->key, m->version,
			       m->hash, m->nphases, nsteps, ntools, d.warnings);
		} else {
			printf("%s: %d errors, %d warnings\n", argv[i], d.errors, d.warnings);
			rc = 1;
		}
		method_free(m);
		method_files_free(files, n);
		buf_free(&d.out);
	}
	return rc;
}
