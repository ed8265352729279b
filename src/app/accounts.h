/* accounts.h — creating users and organisations and issuing set-password
 * links: the rules shared by the admin pages and the `varde` command line.
 * Each function validates its input and returns a code the caller turns into
 * a message in the user's language; nothing is written on a validation error.
 * All run inside the caller's write transaction. */
#ifndef VARDE_ACCOUNTS_H
#define VARDE_ACCOUNTS_H
#include <stdbool.h>
#include <stddef.h>

#include "../db/db.h"

enum acct_err {
	ACCT_OK = 0,
	ACCT_NAME_MISSING,
	ACCT_NAME_TOO_LONG,
	ACCT_EMAIL_INVALID,
	ACCT_EMAIL_TAKEN,
	ACCT_KIND_INVALID,
	ACCT_ORGNR_INVALID,
	ACCT_ORGNR_TAKEN,
	ACCT_KOMMUNENR_INVALID,
	ACCT_KOMMUNENR_MISSING,
	ACCT_ROLE_INVALID,
	ACCT_DB_ERROR,
};

/* The English text of an error (a msgid: translate it with _()). */
const char *acct_err_text(enum acct_err e);
/* Which form field an error belongs to ("name", "email", "kind", "orgnr", "kommunenr", "role"). */
const char *acct_err_field(enum acct_err e);

/* Organisation kinds, with their English label (a msgid). */
struct org_kind {
	const char *key, *label;
};
extern const struct org_kind org_kinds[];
extern const size_t org_kind_count;
const char *org_kind_label(const char *key);

/* Create a user. email is normalised (trimmed, lower-case). */
enum acct_err accounts_create_user(struct db *db, const char *email, const char *name, bool site_admin,
				   long long *id);
/* Create an organisation; orgnr may be empty, is normalised (spaces removed) and
 * must pass the mod-11 check; kommunenr is required for municipalities. */
enum acct_err accounts_create_org(struct db *db, const char *name, const char *kind, const char *orgnr,
				  const char *kommunenr, long long *id);
/* Issue a one-time set-password token valid for `days`; the raw token (to put
 * in the link) goes to token_out (44 bytes). */
enum acct_err accounts_issue_setpw(struct db *db, long long user_id, int days, char token_out[44]);

#endif
