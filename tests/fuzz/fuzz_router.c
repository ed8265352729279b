/* fuzz_router.c — src/app/router.c: router_match and router_body_limit with a
 * fuzzed method and path, against the real route table (src/routes.def).
 *
 * The input up to the first space is the method ("GET", "POST", …), the rest
 * the path; an input without a space is a GET of the whole input. The harness
 * frees params_s as the contract says (the first nparams entries), so a
 * parameter string left behind anywhere else is reported as a leak. A match
 * must agree with the pattern: literal segments equal, ":id" a positive number
 * without leading zero, ":token" letters, digits, '-' and '_'. */
#include "fuzz.h"

#include "app/router.h"

/* Re-check a match segment by segment. */
static void check_match(const struct route *r, const char *method, const char *path, const long long params[4],
			char *const params_s[4], int n)
{
	FUZZ_CHECK(r >= route_table && r < route_table + route_count, "route outside the table");
	FUZZ_CHECK(strcmp(r->method, strcmp(method, "HEAD") == 0 ? "GET" : method) == 0, "method %s for %s",
		   r->method, method);
	FUZZ_CHECK(n >= 0 && n <= 4, "nparams %d", n);
	const char *pp = r->pattern, *sp = path;
	int k = 0;
	while (*pp) {
		FUZZ_CHECK(*pp == *sp || *pp == ':', "pattern %s does not match %s", r->pattern, path);
		if (*pp != ':') {
			pp++, sp++;
			continue;
		}
		size_t plen = strcspn(pp, "/"), slen = strcspn(sp, "/");
		FUZZ_CHECK(k < n && params_s[k], "parameter %d missing", k);
		FUZZ_CHECK(strlen(params_s[k]) == slen && memcmp(params_s[k], sp, slen) == 0, "parameter %d text", k);
		int numeric = plen == 3 && strncmp(pp, ":id", 3) == 0;
		for (size_t i = 0; i < slen; i++) {
			char c = sp[i];
			if (numeric)
				FUZZ_CHECK(c >= '0' && c <= '9', "non-digit in :id");
			else
				FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
						   c == '-' || c == '_',
					   "bad character in :token");
		}
		FUZZ_CHECK(slen >= 1 && slen <= 128, "parameter length %zu", slen);
		if (numeric) {
			FUZZ_CHECK(sp[0] != '0' && slen <= 15, "bad :id %s", params_s[k]);
			FUZZ_CHECK(params[k] == strtoll(params_s[k], NULL, 10) && params[k] > 0, ":id value");
		}
		k++;
		pp += plen;
		sp += slen;
	}
	FUZZ_CHECK(*sp == '\0', "path longer than the pattern");
	FUZZ_CHECK(k == n, "nparams %d, pattern has %d", n, k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *method, *path;
	size_t mlen, plen;
	if (size && memchr(data, ' ', size)) {
		fuzz_split(data, size, ' ', &method, &mlen, &path, &plen);
	} else {
		method = strdup("GET");
		path = fuzz_strndup(data, size);
	}
	/* Allow buffers of several sizes, including too small ones. */
	static const size_t allow_sizes[] = {64, 1, 9, 16};
	for (size_t a = 0; a < sizeof allow_sizes / sizeof allow_sizes[0]; a++) {
		const struct route *r = NULL;
		long long params[4] = {0};
		char *params_s[4] = {0};
		int n = -1;
		char *allow = malloc(allow_sizes[a]);
		if (!allow)
			abort();
		memset(allow, 'x', allow_sizes[a]);
		enum route_match m = router_match(method, path, &r, params, params_s, &n, allow, allow_sizes[a]);
		FUZZ_CHECK(memchr(allow, '\0', allow_sizes[a]), "allow not terminated");
		if (m == ROUTE_FOUND) {
			check_match(r, method, path, params, params_s, n);
		} else {
			FUZZ_CHECK(m == ROUTE_NOT_FOUND || m == ROUTE_BAD_METHOD, "router_match returned %d", (int)m);
			FUZZ_CHECK(n == 0, "nparams %d without a match", n);
			if (m == ROUTE_BAD_METHOD && allow_sizes[a] >= 64)
				FUZZ_CHECK(allow[0], "405 without an Allow list");
		}
		for (int i = 0; i < n && i < 4; i++)
			free(params_s[i]);
		free(allow);
	}
	/* Without an allow buffer, and the body limit on the same request. */
	const struct route *r = NULL;
	long long params[4];
	char *params_s[4] = {0};
	int n = 0;
	if (router_match(method, path, &r, params, params_s, &n, NULL, 0) == ROUTE_FOUND) {
		FUZZ_CHECK(router_body_limit(method, path) == r->body_limit, "router_body_limit disagrees");
		for (int i = 0; i < n; i++)
			free(params_s[i]);
	} else {
		(void)router_body_limit(method, path); /* some small limit, so the answer is 404/405 */
	}
	free(method);
	free(path);
	return 0;
}
