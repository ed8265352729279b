/* test_router.c — route matching against the real table (src/routes.def). */
#include "testlib.h"

#include "app/router.h"

/* One router_match call with its outputs; params_s strings are freed by done(). */
struct match {
	enum route_match rc;
	const struct route *route;
	long long params[4];
	char *params_s[4];
	int n;
	char allow[64];
};

static enum route_match match(struct match *m, const char *method, const char *path)
{
	memset(m, 0, sizeof *m);
	m->n = -1;
	m->rc = router_match(method, path, &m->route, m->params, m->params_s, &m->n, m->allow, sizeof m->allow);
	return m->rc;
}

static void done(struct match *m)
{
	for (int i = 0; i < 4; i++)
		free(m->params_s[i]);
	memset(m, 0, sizeof *m);
}

/* Static paths find their route and handler with no parameters. */
static void test_static_routes(void **state)
{
	(void)state;
	struct match m;
	assert_int_equal(match(&m, "GET", "/"), ROUTE_FOUND);
	assert_string_equal(m.route->pattern, "/");
	assert_string_equal(m.route->method, "GET");
	assert_string_equal(m.route->handler_name, "page_home");
	assert_non_null(m.route->handler);
	assert_int_equal(m.n, 0);
	done(&m);

	assert_int_equal(match(&m, "POST", "/login"), ROUTE_FOUND);
	assert_string_equal(m.route->handler_name, "page_login_submit");
	assert_true(m.route->flags & ROUTE_NOTX);
	done(&m);

	assert_int_equal(match(&m, "GET", "/admin/users"), ROUTE_FOUND);
	assert_string_equal(m.route->handler_name, "page_admin_users");
	assert_int_equal(m.route->access, ACCESS_SITE_ADMIN);
	done(&m);
}

/* ":id" takes a positive decimal number, given as a number and as text. */
static void test_numeric_param(void **state)
{
	(void)state;
	struct match m;
	assert_int_equal(match(&m, "GET", "/orgs/12"), ROUTE_FOUND);
	assert_string_equal(m.route->handler_name, "page_org_view");
	assert_int_equal(m.n, 1);
	assert_int_equal(m.params[0], 12);
	assert_string_equal(m.params_s[0], "12");
	done(&m);

	assert_int_equal(match(&m, "GET", "/orgs/999999999999999"), ROUTE_FOUND);
	assert_true(m.params[0] == 999999999999999LL);
	done(&m);
}

/* Leading zeros, zero, letters, signs, empty and over-long numbers, and extra
 * or missing segments do not match. */
static void test_numeric_param_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"/orgs/012", "/orgs/0",  "/orgs/abc", "/orgs/-1", "/orgs/+1", "/orgs/1a", "/orgs/1.0",
		"/orgs/",    "/orgs",    "/orgs/12/", "/orgs//12", "/orgs/1000000000000000", "/orgs/ 12",
		"/orgs/12x", "/orgs/%31",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct match m;
		enum route_match rc = match(&m, "GET", bad[i]);
		if (rc != ROUTE_NOT_FOUND)
			print_error("GET %s: matched\n", bad[i]);
		assert_int_equal(rc, ROUTE_NOT_FOUND);
		assert_int_equal(m.n, 0);
		for (int k = 0; k < 4; k++)
			assert_null(m.params_s[k]);
		done(&m);
	}
}

/* Two parameters come back in order. */
static void test_two_params(void **state)
{
	(void)state;
	struct match m;
	assert_int_equal(match(&m, "POST", "/orgs/12/members/7/remove"), ROUTE_FOUND);
	assert_string_equal(m.route->handler_name, "page_org_member_remove");
	assert_int_equal(m.n, 2);
	assert_int_equal(m.params[0], 12);
	assert_int_equal(m.params[1], 7);
	assert_string_equal(m.params_s[0], "12");
	assert_string_equal(m.params_s[1], "7");
	done(&m);

	/* The second parameter is checked too. */
	assert_int_equal(match(&m, "POST", "/orgs/12/members/07/remove"), ROUTE_NOT_FOUND);
	assert_int_equal(m.n, 0);
	done(&m);
	assert_int_equal(match(&m, "POST", "/orgs/12/members/x/remove"), ROUTE_NOT_FOUND);
	done(&m);
	assert_int_equal(match(&m, "POST", "/orgs/12/members/7/removed"), ROUTE_NOT_FOUND);
	done(&m);
}

/* A known path with another method is ROUTE_BAD_METHOD and lists the methods
 * that exist for it. */
static void test_bad_method(void **state)
{
	(void)state;
	struct match m;
	assert_int_equal(match(&m, "DELETE", "/login"), ROUTE_BAD_METHOD);
	assert_non_null(strstr(m.allow, "GET"));
	assert_non_null(strstr(m.allow, "POST"));
	assert_string_equal(m.allow, "GET, POST");
	assert_int_equal(m.n, 0);
	done(&m);

	assert_int_equal(match(&m, "GET", "/logout"), ROUTE_BAD_METHOD);
	assert_string_equal(m.allow, "POST");
	done(&m);

	/* With parameters: nothing is left allocated. */
	assert_int_equal(match(&m, "GET", "/orgs/3/members/4/remove"), ROUTE_BAD_METHOD);
	assert_string_equal(m.allow, "POST");
	assert_int_equal(m.n, 0);
	for (int k = 0; k < 4; k++)
		assert_null(m.params_s[k]);
	done(&m);

	assert_int_equal(match(&m, "PUT", "/orgs/3"), ROUTE_BAD_METHOD);
	assert_string_equal(m.allow, "GET");
	done(&m);
}

/* HEAD is answered by the GET route, and is not allowed where only POST is. */
static void test_head_is_get(void **state)
{
	(void)state;
	struct match m, g;
	assert_int_equal(match(&m, "HEAD", "/orgs/5"), ROUTE_FOUND);
	assert_int_equal(match(&g, "GET", "/orgs/5"), ROUTE_FOUND);
	assert_ptr_equal(m.route, g.route);
	assert_int_equal(m.params[0], 5);
	done(&m);
	done(&g);
	assert_int_equal(match(&m, "HEAD", "/"), ROUTE_FOUND);
	assert_string_equal(m.route->method, "GET");
	done(&m);
	assert_int_equal(match(&m, "HEAD", "/logout"), ROUTE_BAD_METHOD);
	done(&m);
}

/* Unknown paths, wrong case and near misses are not found. */
static void test_not_found(void **state)
{
	(void)state;
	static const char *const paths[] = {"/nope", "", "/LOGIN", "/login/", "//", "/dashboard/x", "/admi", "/adminx",
					    "/set-password", "/set-password/"};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct match m;
		assert_int_equal(match(&m, "GET", paths[i]), ROUTE_NOT_FOUND);
		assert_string_equal(m.allow, "");
		done(&m);
	}
	/* An unknown method on an unknown path is still "not found". */
	struct match m;
	assert_int_equal(match(&m, "BREW", "/nope"), ROUTE_NOT_FOUND);
	done(&m);
}

/* ":token" takes letters, digits, '-' and '_' (base64url) and nothing else. */
static void test_token_param(void **state)
{
	(void)state;
	struct match m;
	assert_int_equal(match(&m, "GET", "/set-password/abc-_X"), ROUTE_FOUND);
	assert_string_equal(m.route->handler_name, "page_setpw_form");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.params_s[0], "abc-_X");
	assert_int_equal(m.params[0], 0);
	done(&m);

	/* A real token: 43 characters. */
	assert_int_equal(match(&m, "POST", "/set-password/Zm9vYmFyYmF6cXV4LTEyMzQ1Njc4OTBfQUJDREVGR0g"), ROUTE_FOUND);
	assert_string_equal(m.params_s[0], "Zm9vYmFyYmF6cXV4LTEyMzQ1Njc4OTBfQUJDREVGR0g");
	done(&m);

	/* Numbers are tokens too, leading zeros included. */
	assert_int_equal(match(&m, "GET", "/lang/007"), ROUTE_FOUND);
	assert_string_equal(m.params_s[0], "007");
	done(&m);

	static const char *const bad[] = {"/set-password/a.b", "/set-password/a b", "/set-password/a%2Fb",
					  "/set-password/a=b", "/set-password/æøå", "/set-password/a/b",
					  "/set-password/a+b"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(match(&m, "GET", bad[i]), ROUTE_NOT_FOUND);
		done(&m);
	}
}

/* A parameter segment longer than 128 characters does not match. */
static void test_token_too_long(void **state)
{
	(void)state;
	char path[200] = "/set-password/";
	size_t base = strlen(path);
	memset(path + base, 'a', 128);
	path[base + 128] = '\0';
	struct match m;
	assert_int_equal(match(&m, "GET", path), ROUTE_FOUND);
	assert_int_equal(strlen(m.params_s[0]), 128);
	done(&m);
	path[base + 128] = 'a';
	path[base + 129] = '\0';
	assert_int_equal(match(&m, "GET", path), ROUTE_NOT_FOUND);
	done(&m);
}

/* A small allow buffer is never overrun, and NULL allow is accepted. */
static void test_allow_buffer(void **state)
{
	(void)state;
	const struct route *r = NULL;
	long long p[4];
	char *ps[4] = {0};
	int n = -1;
	char small[4];
	memset(small, 'x', sizeof small);
	assert_int_equal(router_match("DELETE", "/login", &r, p, ps, &n, small, sizeof small), ROUTE_BAD_METHOD);
	assert_true(memchr(small, '\0', sizeof small) != NULL);
	assert_int_equal(router_match("DELETE", "/login", &r, p, ps, &n, NULL, 0), ROUTE_BAD_METHOD);
	assert_int_equal(n, 0);
}

/* router_body_limit gives the matched route's limit, and 0 for routes that
 * take no body and for unknown paths or methods. */
static void test_body_limit(void **state)
{
	(void)state;
	assert_int_equal(router_body_limit("POST", "/login"), 4096);
	assert_int_equal(router_body_limit("POST", "/orgs/12/members"), 8192);
	assert_int_equal(router_body_limit("POST", "/orgs/12/members/7/remove"), 1024);
	assert_int_equal(router_body_limit("POST", "/set-password/abc"), 4096);
	assert_int_equal(router_body_limit("GET", "/login"), 0);
	assert_int_equal(router_body_limit("GET", "/"), 0);
	/* No route for the method and path: a small body is read anyway, so the
	 * answer is a 404/405 page and not a misleading 413. */
	assert_int_equal(router_body_limit("POST", "/"), 4096);
	assert_int_equal(router_body_limit("POST", "/nope"), 4096);
	assert_int_equal(router_body_limit("POST", "/orgs/012/members"), 4096);
}

/* Every route in the table is reachable: a path built from its pattern
 * matches that very route. */
static void test_every_route_reachable(void **state)
{
	(void)state;
	assert_true(route_count >= 20);
	for (size_t i = 0; i < route_count; i++) {
		char path[256] = "";
		size_t k = 0;
		for (const char *p = route_table[i].pattern; *p && k < sizeof path - 8;) {
			if (*p == ':') {
				bool id = strncmp(p, ":id", 3) == 0;
				const char *v = id ? "42" : "tok_EN-1";
				memcpy(path + k, v, strlen(v));
				k += strlen(v);
				while (*p && *p != '/')
					p++;
			} else {
				path[k++] = *p++;
			}
		}
		path[k] = '\0';
		struct match m;
		assert_int_equal(match(&m, route_table[i].method, path), ROUTE_FOUND);
		if (m.route != &route_table[i])
			print_error("%s %s matched %s %s\n", route_table[i].method, path, m.route->method,
				    m.route->pattern);
		assert_ptr_equal(m.route, &route_table[i]);
		done(&m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_routes),
		cmocka_unit_test(test_numeric_param),
		cmocka_unit_test(test_numeric_param_rejects),
		cmocka_unit_test(test_two_params),
		cmocka_unit_test(test_bad_method),
		cmocka_unit_test(test_head_is_get),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_token_param),
		cmocka_unit_test(test_token_too_long),
		cmocka_unit_test(test_allow_buffer),
		cmocka_unit_test(test_body_limit),
		cmocka_unit_test(test_every_route_reachable),
	};
	return RUN_TESTS(tests);
}
