/* test_security.c — password policy and hashing, tokens, CSRF tokens. */
#include "testlib.h"

#include "app/security.h"

static int setup(void **state)
{
	(void)state;
	return security_init() == 0 ? 0 : -1;
}

/* A string of n copies of unit (which may be a multi-byte character); caller frees. */
static char *repeat(const char *unit, int n)
{
	size_t u = strlen(unit);
	char *s = malloc(u * (size_t)n + 1);
	for (int i = 0; i < n; i++)
		memcpy(s + u * (size_t)i, unit, u);
	s[u * (size_t)n] = '\0';
	return s;
}

/* A hash verifies with its password and not with another; it uses argon2id
 * with the documented parameters; two hashes of one password differ (salt). */
static void test_password_round_trip(void **state)
{
	(void)state;
	char h1[128], h2[128];
	assert_int_equal(password_hash("riktig hest batteri stift", h1), 0);
	assert_int_equal(password_hash("riktig hest batteri stift", h2), 0);
	static const char prefix[] = "$argon2id$v=19$m=19456,t=2,p=1$";
	assert_memory_equal(h1, prefix, strlen(prefix));
	assert_true(strlen(h1) > strlen(prefix) + 40);
	assert_string_not_equal(h1, h2);
	assert_true(password_verify(h1, "riktig hest batteri stift"));
	assert_true(password_verify(h2, "riktig hest batteri stift"));
	assert_false(password_verify(h1, "riktig hest batteri stiff"));
	assert_false(password_verify(h1, "Riktig hest batteri stift"));
	assert_false(password_verify(h1, ""));
}

/* The constant dummy hash has today's parameters (else unknown users would
 * answer faster or slower than known ones), and no common password opens it. */
static void test_password_dummy_hash(void **state)
{
	(void)state;
	char h[128];
	assert_int_equal(password_hash("riktig hest batteri stift", h), 0);
	assert_false(password_needs_rehash(h));
	assert_false(password_needs_rehash(password_dummy_hash()));
	assert_true(password_needs_rehash("$argon2id$v=19$m=65536,t=3,p=1$cEpoHQheL1zC55ora0qQ8w$TY/zejNPNgbOsmXBkXPDqPjEXArXXni2fminPrD5Lq8"));
	assert_false(password_verify(password_dummy_hash(), ""));
	assert_false(password_verify(password_dummy_hash(), "varde-dummy-password-for-timing"));
}

/* Non-ASCII passwords hash and verify byte for byte. */
static void test_password_utf8(void **state)
{
	(void)state;
	char h[128];
	assert_int_equal(password_hash("blåbærsyltetøy", h), 0);
	assert_true(password_verify(h, "blåbærsyltetøy"));
	assert_false(password_verify(h, "blabarsyltetoy"));
}

/* A missing, empty or malformed stored hash never verifies. */
static void test_password_verify_bad_hash(void **state)
{
	(void)state;
	assert_false(password_verify(NULL, "whatever password"));
	assert_false(password_verify("", "whatever password"));
	assert_false(password_verify("$argon2id$v=19$m=19456,t=2,p=1$garbage", "whatever password"));
	assert_false(password_verify("plaintext", "plaintext"));
}

/* Length counts characters: 11 is short, 12 is enough, 128 is the most. */
static void test_password_length(void **state)
{
	(void)state;
	assert_int_equal(password_check("kjempefin7q", NULL), PW_TOO_SHORT);
	assert_int_equal(password_check("kjempefin7q!", NULL), PW_OK);
	assert_int_equal(password_check("", NULL), PW_TOO_SHORT);
	char *s = repeat("x", 128);
	assert_int_equal(password_check(s, NULL), PW_OK);
	free(s);
	s = repeat("x", 129);
	assert_int_equal(password_check(s, NULL), PW_TOO_LONG);
	free(s);
}

/* Norwegian letters are one character each although they take two bytes:
 * 11 of them (22 bytes) are still too short, 128 (256 bytes) are allowed. */
static void test_password_length_norwegian(void **state)
{
	(void)state;
	assert_int_equal(strlen("blåbærsyltø"), 14);
	assert_int_equal(password_check("blåbærsyltø", NULL), PW_TOO_SHORT);   /* 11 characters, 14 bytes */
	assert_int_equal(password_check("blåbærsyltøy", NULL), PW_OK);         /* 12 characters */
	char *s = repeat("æøå", 4);
	assert_int_equal(strlen(s), 24);
	assert_int_equal(password_check(s, NULL), PW_OK);                     /* 12 characters */
	free(s);
	s = repeat("ø", 11);
	assert_int_equal(password_check(s, NULL), PW_TOO_SHORT);
	free(s);
	s = repeat("ø", 128);
	assert_int_equal(password_check(s, NULL), PW_OK);
	free(s);
	s = repeat("ø", 129);
	assert_int_equal(password_check(s, NULL), PW_TOO_LONG);
	free(s);
}

/* Passwords from the common list are refused in any letter case. */
static void test_password_common(void **state)
{
	(void)state;
	assert_int_equal(password_check("password1234", NULL), PW_COMMON);
	assert_int_equal(password_check("PassWord1234", NULL), PW_COMMON);
	assert_int_equal(password_check("123456789012", NULL), PW_COMMON);
	assert_int_equal(password_check("passord12345", NULL), PW_COMMON);
	assert_int_equal(password_check("password1234x", NULL), PW_OK);
}

/* The password may not be the user's e-mail address (in any case). */
static void test_password_equals_email(void **state)
{
	(void)state;
	assert_int_equal(password_check("kari.nordmann@example.no", "kari.nordmann@example.no"), PW_COMMON);
	assert_int_equal(password_check("Kari.Nordmann@Example.no", "kari.nordmann@example.no"), PW_COMMON);
	assert_int_equal(password_check("kari.nordmann@example.no", "ola@example.no"), PW_OK);
	assert_int_equal(password_check("kari.nordmann@example.no", NULL), PW_OK);
}

/* Invalid UTF-8 and control characters are refused before anything else. */
static void test_password_bad_text(void **state)
{
	(void)state;
	assert_int_equal(password_check("abcdefghijkl\xC3", NULL), PW_BAD_TEXT);
	assert_int_equal(password_check("abc\xC0\xAFghijklmn", NULL), PW_BAD_TEXT);
	assert_int_equal(password_check("abcdefghijkl\x01", NULL), PW_BAD_TEXT);
	assert_int_equal(password_check("abcdef\x1B" "ghijkl", NULL), PW_BAD_TEXT);
	assert_int_equal(password_check("\x7F", NULL), PW_BAD_TEXT);
}

static bool url_safe(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' ||
		      *s == '_'))
			return false;
	return true;
}

/* token_new gives 43 URL-safe characters, and tokens do not repeat. */
static void test_token_new(void **state)
{
	(void)state;
	char t1[TOKEN_LEN + 1], t2[TOKEN_LEN + 1];
	memset(t1, '=', sizeof t1);
	memset(t2, '=', sizeof t2);
	token_new(t1);
	token_new(t2);
	assert_int_equal(TOKEN_LEN, 43);
	assert_int_equal(strlen(t1), 43);
	assert_int_equal(strlen(t2), 43);
	assert_true(url_safe(t1));
	assert_true(url_safe(t2));
	assert_string_not_equal(t1, t2);
	/* 64 more: no duplicates, and over all of them more than 50 distinct
	 * characters appear (a broken encoder would give few). */
	char seen[256] = {0}, prev[65][TOKEN_LEN + 1];
	int distinct = 0;
	for (int i = 0; i < 65; i++) {
		token_new(prev[i]);
		assert_int_equal(strlen(prev[i]), 43);
		assert_true(url_safe(prev[i]));
		for (int k = 0; k < i; k++)
			assert_string_not_equal(prev[i], prev[k]);
		for (const char *p = prev[i]; *p; p++)
			if (!seen[(unsigned char)*p]++)
				distinct++;
	}
	assert_true(distinct > 50);
}

static bool lower_hex(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

/* token_hash is lower-case hex SHA-256 (FIPS 180-2 test vectors). */
static void test_token_hash(void **state)
{
	(void)state;
	char h[HASH_HEX + 1];
	token_hash("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	token_hash("", h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	token_hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_true(lower_hex(h, HASH_HEX));
}

/* The CSRF token is 64 lower-case hex characters, the same for the same
 * secret and binding, and different when either changes. */
static void test_csrf_token_shape(void **state)
{
	(void)state;
	unsigned char k1[32], k2[32];
	memset(k1, 0x11, sizeof k1);
	memset(k2, 0x11, sizeof k2);
	k2[31] = 0x12;
	char a[HASH_HEX + 1], b[HASH_HEX + 1], c[HASH_HEX + 1], d[HASH_HEX + 1];
	csrf_token(k1, "session-hash-A", a);
	csrf_token(k1, "session-hash-A", b);
	csrf_token(k1, "session-hash-B", c);
	csrf_token(k2, "session-hash-A", d);
	assert_true(lower_hex(a, HASH_HEX));
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
}

/* csrf_valid accepts the token only for the same secret and binding, and
 * refuses truncated, extended, altered, re-cased and missing tokens. */
static void test_csrf_valid(void **state)
{
	(void)state;
	unsigned char key[32], other[32];
	for (int i = 0; i < 32; i++) {
		key[i] = (unsigned char)(i * 7 + 1);
		other[i] = (unsigned char)(i * 7 + 2);
	}
	char t[HASH_HEX + 1];
	csrf_token(key, "pre-abc", t);
	assert_true(csrf_valid(key, "pre-abc", t));
	assert_false(csrf_valid(key, "pre-abd", t));
	assert_false(csrf_valid(key, "pre-ab", t));     /* a prefix of the binding */
	assert_false(csrf_valid(key, "pre-abcd", t));   /* an extension of it */
	assert_false(csrf_valid(other, "pre-abc", t));
	assert_false(csrf_valid(key, "pre-abc", NULL));
	assert_false(csrf_valid(key, NULL, t));
	assert_false(csrf_valid(key, "", t));
	assert_false(csrf_valid(key, "pre-abc", ""));

	char m[HASH_HEX + 2];
	memcpy(m, t, HASH_HEX);
	m[HASH_HEX - 1] = '\0';
	assert_false(csrf_valid(key, "pre-abc", m));  /* truncated */
	memcpy(m, t, HASH_HEX);
	m[HASH_HEX] = '0';
	m[HASH_HEX + 1] = '\0';
	assert_false(csrf_valid(key, "pre-abc", m));  /* one character too many */
	for (int pos = 0; pos < HASH_HEX; pos += 21) {
		memcpy(m, t, HASH_HEX + 1);
		m[pos] = m[pos] == '0' ? '1' : '0';
		assert_false(csrf_valid(key, "pre-abc", m));  /* altered */
	}
	memcpy(m, t, HASH_HEX + 1);
	int letters = 0;
	for (char *p = m; *p; p++)
		if (*p >= 'a' && *p <= 'f') {
			*p = (char)(*p - 'a' + 'A');
			letters++;
		}
	if (letters)
		assert_false(csrf_valid(key, "pre-abc", m));  /* upper-case hex */
	/* The original still passes after all that. */
	assert_true(csrf_valid(key, "pre-abc", t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_round_trip),
		cmocka_unit_test(test_password_dummy_hash),
		cmocka_unit_test(test_password_utf8),
		cmocka_unit_test(test_password_verify_bad_hash),
		cmocka_unit_test(test_password_length),
		cmocka_unit_test(test_password_length_norwegian),
		cmocka_unit_test(test_password_common),
		cmocka_unit_test(test_password_equals_email),
		cmocka_unit_test(test_password_bad_text),
		cmocka_unit_test(test_token_new),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_csrf_token_shape),
		cmocka_unit_test(test_csrf_valid),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
