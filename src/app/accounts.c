/* accounts.c — see accounts.h. */
#include "accounts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/i18n.h"
#include "../core/orgnr.h"
#include "../core/text.h"
#include "../store/store.h"
#include "security.h"

const struct org_kind org_kinds[] = {
	{"municipality", N_("Municipality")},
	{"county", N_("County council")},
	{"county-governor", N_("County governor's office")},
	{"ks", N_("KS")},
	{"cooperation", N_("Inter-municipal cooperation")},
	{"agency", N_("Government agency")},
	{"other", N_("Other organisation")},
};
const size_t org_kind_count = sizeof org_kinds / sizeof org_kinds[0];

const char *org_kind_label(const char *key)
{
	for (size_t i = 0; i < org_kind_count; i++)
		if (key && strcmp(org_kinds[i].key, key) == 0)
			return org_kinds[i].label;
	return N_("Other organisation");
}

const char *acct_err_text(enum acct_err e)
{
	switch (e) {
	case ACCT_OK: return "";
	case ACCT_NAME_MISSING: return N_("Enter a name.");
	case ACCT_NAME_TOO_LONG: return N_("The name can be at most 200 characters.");
	case ACCT_EMAIL_INVALID: return N_("Enter an e-mail address like name@kommune.no.");
	case ACCT_EMAIL_TAKEN: return N_("A user with this e-mail address already exists.");
	case ACCT_KIND_INVALID: return N_("Choose what kind of organisation this is.");
	case ACCT_ORGNR_INVALID: return N_("The organisation number must be 9 digits with a valid check digit.");
	case ACCT_ORGNR_TAKEN: return N_("An organisation with this organisation number already exists.");
	case ACCT_KOMMUNENR_INVALID: return N_("The municipality number must be 4 digits, like 1804.");
	case ACCT_KOMMUNENR_MISSING: return N_("A municipality needs its municipality number.");
	case ACCT_ROLE_INVALID: return N_("Choose a role.");
	case ACCT_DB_ERROR: return N_("The change could not be saved. Please try again.");
	}
	return "";
}

const char *acct_err_field(enum acct_err e)
{
	switch (e) {
	case ACCT_NAME_MISSING:
	case ACCT_NAME_TOO_LONG: return "name";
	case ACCT_EMAIL_INVALID:
	case ACCT_EMAIL_TAKEN: return "email";
	case ACCT_KIND_INVALID: return "kind";
	case ACCT_ORGNR_INVALID:
	case ACCT_ORGNR_TAKEN: return "orgnr";
	case ACCT_KOMMUNENR_INVALID:
	case ACCT_KOMMUNENR_MISSING: return "kommunenr";
	case ACCT_ROLE_INVALID: return "role";
	default: return "name";
	}
}

/* A name: 1–200 characters after trimming. */
static enum acct_err accounts_check_name(const char *name)
{
	if (!name || !*name)
		return ACCT_NAME_MISSING;
	if (utf8_length(name) > 200)
		return ACCT_NAME_TOO_LONG;
	return ACCT_OK;
}

enum acct_err accounts_create_user(struct db *db, const char *email_in, const char *name_in, bool site_admin,
				   long long *id)
{
	char *email = text_trim_dup(email_in ? email_in : "");
	char *name = text_trim_dup(name_in ? name_in : "");
	text_ascii_lower(email);
	enum acct_err e = accounts_check_name(name);
	if (e == ACCT_OK && !text_email_plausible(email))
		e = ACCT_EMAIL_INVALID;
	if (e == ACCT_OK) {
		int rc = store_user_create(db, email, name, site_admin, id);
		e = rc == STORE_OK ? ACCT_OK : rc == STORE_CONFLICT ? ACCT_EMAIL_TAKEN : ACCT_DB_ERROR;
	}
	free(email);
	free(name);
	return e;
}

enum acct_err accounts_create_org(struct db *db, const char *name_in, const char *kind, const char *orgnr_in,
				  const char *kommunenr_in, long long *id)
{
	char *name = text_trim_dup(name_in ? name_in : "");
	char *knr = text_trim_dup(kommunenr_in ? kommunenr_in : "");
	char orgnr[10] = "";
	enum acct_err e = accounts_check_name(name);
	bool kind_ok = false;
	for (size_t i = 0; i < org_kind_count; i++)
		if (kind && strcmp(kind, org_kinds[i].key) == 0)
			kind_ok = true;
	if (e == ACCT_OK && !kind_ok)
		e = ACCT_KIND_INVALID;
	if (e == ACCT_OK && orgnr_in && *orgnr_in && (!orgnr_normalise(orgnr_in, orgnr) || !orgnr_valid(orgnr)))
		e = ACCT_ORGNR_INVALID;
	if (e == ACCT_OK && *knr && !kommunenr_valid(knr))
		e = ACCT_KOMMUNENR_INVALID;
	if (e == ACCT_OK && !*knr && strcmp(kind, "municipality") == 0)
		e = ACCT_KOMMUNENR_MISSING;
	if (e == ACCT_OK) {
		int rc = store_org_create(db, name, kind, *orgnr ? orgnr : NULL, *knr ? knr : NULL, id);
		e = rc == STORE_OK ? ACCT_OK : rc == STORE_CONFLICT ? ACCT_ORGNR_TAKEN : ACCT_DB_ERROR;
	}
	free(name);
	free(knr);
	return e;
}

enum acct_err accounts_issue_setpw(struct db *db, long long user_id, int days, char token_out[44])
{
	char hash[HASH_HEX + 1];
	token_new(token_out);
	token_hash(token_out, hash);
	long long now = (long long)time(NULL);
	if (store_token_create(db, hash, user_id, "setpw", now, now + (long long)days * 86400) != STORE_OK)
		return ACCT_DB_ERROR;
	return ACCT_OK;
}
