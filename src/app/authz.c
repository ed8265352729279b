/* authz.c — see authz.h. The rules, in words:
 *  - The operator (site admin) manages organisations and users, but does not
 *    read projects: a municipality's case files are its own.
 *  - Organisation members see their organisation; its admins manage it.
 *  - A project is seen by its team, by its organisation's members unless it is
 *    "team only", by its organisation's admins, and by leaders and coaches of a
 *    network it is shared with (read and comment only). Guests (outside
 *    partners) see only the projects they were invited to.
 *  - Owners, leaders, drivers and members edit; owners and leaders manage; org
 *    admins manage and delete; observers only read.
 *  - A benefit owner outside the team sees and measures that benefit only.
 *  - Register items that hold personal data are read in full only by the
 *    project team (guests and observers included); everyone else who may read
 *    the project sees those fields redacted.
 *  - Networks: a network is seen by its leaders and coaches, by the members
 *    of its owner organisation and of its member organisations. Its leaders
 *    and the owner organisation's admins run it; coaches (and leaders) record
 *    coaching. Seeing a network opens none of its members' projects: only
 *    sharing does, project by project, for the network's leaders and coaches.
 *    Only an org admin shares (or stops sharing) a project.
 *  - Anyone with no relation to the object gets HIDE, never DENY. */
#include "authz.h"

#include <string.h>

static const char *org_role(const struct authz_subject *who, long long org_id)
{
	for (int i = 0; i < who->norgs; i++)
		if (who->orgs[i].org_id == org_id)
			return who->orgs[i].role;
	return NULL;
}

/* May the user read the project at all? */
static bool project_visible(const struct authz_object *o, const char *orole)
{
	if (o->project_role != PR_NONE || o->network_role != NR_NONE)
		return true;
	if (orole && strcmp(orole, "admin") == 0)
		return true;
	return orole && !o->team_only;
}

enum authz_result authz_decide(const struct authz_subject *who, enum authz_action action,
			       const struct authz_object *o)
{
	if (!who || who->user_id <= 0)
		return AZ_HIDE;
	const char *orole = o ? org_role(who, o->org_id) : NULL;
	bool org_admin = orole && strcmp(orole, "admin") == 0;

	switch (action) {
	case AZ_SITE_ADMIN:
		return who->site_admin ? AZ_ALLOW : AZ_HIDE;
	case AZ_ORG_VIEW:
		return (orole || who->site_admin) ? AZ_ALLOW : AZ_HIDE;
	case AZ_ORG_MANAGE:
		if (org_admin || who->site_admin)
			return AZ_ALLOW;
		return orole ? AZ_DENY : AZ_HIDE;
	default:
		break;
	}
	if (!o)
		return AZ_HIDE;

	if (action == AZ_NETWORK_VIEW || action == AZ_NETWORK_MANAGE || action == AZ_NETWORK_COACH) {
		bool sees = o->network_role != NR_NONE || orole || o->network_member;
		bool may = action == AZ_NETWORK_VIEW     ? sees
			   : action == AZ_NETWORK_MANAGE ? (o->network_role == NR_LEADER || org_admin)
							 : o->network_role != NR_NONE;
		return may ? AZ_ALLOW : sees ? AZ_DENY : AZ_HIDE;
	}

	if (action == AZ_BENEFIT_VIEW || action == AZ_BENEFIT_MEASURE) {
		if (o->benefit_owner)
			return AZ_ALLOW;
		if (!project_visible(o, orole))
			return AZ_HIDE;
		if (action == AZ_BENEFIT_VIEW)
			return AZ_ALLOW;
		return o->project_role >= PR_MEMBER ? AZ_ALLOW : AZ_DENY;
	}

	if (!project_visible(o, orole))
		return AZ_HIDE;
	switch (action) {
	case AZ_PROJECT_VIEW:
		return AZ_ALLOW;
	case AZ_PROJECT_COMMENT:
		return (o->project_role >= PR_MEMBER || o->network_role != NR_NONE || org_admin) ? AZ_ALLOW : AZ_DENY;
	case AZ_PROJECT_EDIT:
		return o->project_role >= PR_MEMBER ? AZ_ALLOW : AZ_DENY;
	case AZ_PROJECT_MANAGE:
		return (o->project_role >= PR_LEADER && !o->project_is_guest) || org_admin ? AZ_ALLOW : AZ_DENY;
	case AZ_PROJECT_DELETE:
		return org_admin ? AZ_ALLOW : AZ_DENY;
	case AZ_PROJECT_PERSONAL:
		return o->project_role != PR_NONE ? AZ_ALLOW : AZ_DENY;
	case AZ_PROJECT_SHARE:
		return org_admin ? AZ_ALLOW : AZ_DENY;
	default:
		return AZ_HIDE;
	}
}

enum authz_result authz_check(const struct ctx *c, enum authz_action action, const struct authz_object *obj)
{
	struct authz_subject who = {c->user_id, c->site_admin, c->orgs, c->norgs};
	return authz_decide(&who, action, obj);
}

static const char *const role_names[] = {"", "observer", "member", "driver", "leader", "owner"};

enum project_role project_role_parse(const char *s)
{
	for (int r = PR_OBSERVER; r <= PR_OWNER; r++)
		if (s && strcmp(s, role_names[r]) == 0)
			return (enum project_role)r;
	return PR_NONE;
}

const char *project_role_name(enum project_role r)
{
	return (r >= PR_NONE && r <= PR_OWNER) ? role_names[r] : "";
}
