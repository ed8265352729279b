/* security.c — see security.h. */
#include "security.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "../core/text.h"

/* argon2id at OWASP's minimum: 19 MiB, 2 passes, 1 lane (libsodium always
 * uses one lane). Stored in the encoded hash, so it can be raised later. */
enum { PW_OPSLIMIT = 2 };
#define PW_MEMLIMIT ((size_t)19 * 1024 * 1024)

int security_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

/* A short list of the passwords that credential-stuffing lists start with,
 * in forms of 12+ characters (shorter ones fail the length rule anyway). */
static const char *const common_passwords[] = {
	"123456789012", "1234567890123", "12345678901234", "123456789abc", "qwertyuiopas",
	"qwertyuiop123", "passwordpassword", "password1234", "password12345", "password123456",
	"iloveyou1234", "aaaaaaaaaaaa", "111111111111", "000000000000", "abcdefghijkl",
	"abc123abc123", "qwerty123456", "1q2w3e4r5t6y", "letmein12345", "welcome12345",
	"sommer2024!!", "passord12345", "passord123456", "varde1234567", "administrator",
	"changeme1234", "trustno1trustno1", "football1234", "sunshine1234", "princess1234",
};

enum password_problem password_check(const char *pw, const char *email)
{
	size_t n = strlen(pw);
	if (!utf8_valid(pw, n) || text_has_control(pw))
		return PW_BAD_TEXT;
	size_t chars = utf8_length(pw);
	if (chars < PASSWORD_MIN)
		return PW_TOO_SHORT;
	if (chars > PASSWORD_MAX)
		return PW_TOO_LONG;
	for (size_t i = 0; i < sizeof common_passwords / sizeof common_passwords[0]; i++)
		if (strcasecmp(pw, common_passwords[i]) == 0)
			return PW_COMMON;
	if (email && strcasecmp(pw, email) == 0)
		return PW_COMMON;
	return PW_OK;
}

int password_hash(const char *pw, char out[128])
{
	return crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13);
}

bool password_verify(const char *hash, const char *pw)
{
	if (!hash || !*hash)
		return false;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

const char *password_dummy_hash(void)
{
	/* Made once with the parameters above; test_security checks they still match. */
	return "$argon2id$v=19$m=19456,t=2,p=1$cEpoHQheL1zC55ora0qQ8w$TY/zejNPNgbOsmXBkXPDqPjEXArXXni2fminPrD5Lq8";
}

bool password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, PW_OPSLIMIT, PW_MEMLIMIT) != 0;
}

void token_new(char out[TOKEN_LEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, TOKEN_LEN + 1, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void token_hash(const char *s, char out[HASH_HEX + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, HASH_HEX + 1, h, sizeof h);
}

void csrf_token(const unsigned char secret[32], const char *bound_to, char out[HASH_HEX + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, secret, 32);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"csrf|", 5);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)bound_to, strlen(bound_to));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, HASH_HEX + 1, mac, sizeof mac);
}

bool csrf_valid(const unsigned char secret[32], const char *bound_to, const char *submitted)
{
	char want[HASH_HEX + 1];
	if (!submitted || !bound_to || !*bound_to || strlen(submitted) != HASH_HEX)
		return false;
	csrf_token(secret, bound_to, want);
	return text_equal_ct(want, submitted, HASH_HEX);
}
