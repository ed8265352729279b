/* security.h — passwords, random tokens, session cookies and CSRF tokens.
 * libsodium does the cryptography: argon2id (crypto_pwhash), SHA-256,
 * HMAC-SHA-256, the system CSPRNG. Parameters are in docs/SECURITY.md. */
#ifndef VARDE_SECURITY_H
#define VARDE_SECURITY_H
#include <stdbool.h>
#include <stddef.h>

enum {
	PASSWORD_MIN = 12,   /* characters (code points) */
	PASSWORD_MAX = 128,
	TOKEN_LEN = 43,      /* 32 random bytes, base64url without padding */
	HASH_HEX = 64,
};

enum password_problem { PW_OK, PW_TOO_SHORT, PW_TOO_LONG, PW_COMMON, PW_BAD_TEXT };

/* Initialise libsodium; -1 if it cannot run (no entropy source). */
int security_init(void);
/* Check a new password against the policy (length 12–128, valid UTF-8 without
 * control characters, not in the list of common passwords). */
enum password_problem password_check(const char *pw, const char *email);
/* Hash with argon2id into out (crypto_pwhash_STRBYTES = 128). 0 or -1. */
int password_hash(const char *pw, char out[128]);
/* True if pw matches the stored hash. */
bool password_verify(const char *hash, const char *pw);
/* An argon2id hash with the parameters password_hash uses, of a random
 * password nobody knows: login verifies against it for unknown e-mail
 * addresses, so they take as long as known ones. A constant, because
 * computing one at start-up cost a third of the start time. */
const char *password_dummy_hash(void);
/* Whether a stored hash was made with other parameters than password_hash's. */
bool password_needs_rehash(const char *hash);
/* A new random token (TOKEN_LEN chars + NUL). */
void token_new(char out[TOKEN_LEN + 1]);
/* Lower-case hex SHA-256 of s (65 bytes with NUL): how tokens are stored. */
void token_hash(const char *s, char out[HASH_HEX + 1]);
/* The CSRF token for a session or pre-session value: hex HMAC-SHA-256 under
 * the server secret, bound to that value. */
void csrf_token(const unsigned char secret[32], const char *bound_to, char out[HASH_HEX + 1]);
/* Constant-time check of a submitted token. */
bool csrf_valid(const unsigned char secret[32], const char *bound_to, const char *submitted);

#endif
