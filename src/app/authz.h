/* authz.h — the one authorization core: "may this user do this action on this
 * object?" Every handler asks it first; tests/unit/test_authz.c checks the
 * decisions and tests/http/matrix.test.js checks every route over HTTP.
 *
 * authz_decide() is a pure function of facts (who the user is, what the object
 * is and how the user relates to it). The caller loads the facts with the store
 * functions; the decision never runs SQL, so it is cheap and testable.
 *
 * Three answers: ALLOW; DENY (403: the user may know the object exists but not
 * do this); HIDE (404: the user must not learn that the object exists — used
 * for everything outside the user's organisations, projects and networks). */
#ifndef VARDE_AUTHZ_H
#define VARDE_AUTHZ_H
#include <stdbool.h>

#include "ctx.h"

enum authz_action {
	AZ_SITE_ADMIN,       /* operator pages: all organisations and users */
	AZ_ORG_VIEW,         /* an organisation's page and member list */
	AZ_ORG_MANAGE,       /* add and remove members, org settings */
	AZ_PROJECT_VIEW,     /* read a project's case file */
	AZ_PROJECT_COMMENT,  /* comment on a project */
	AZ_PROJECT_EDIT,     /* fill in tools and registers */
	AZ_PROJECT_MANAGE,   /* team, phase gates, status, close */
	AZ_PROJECT_DELETE,   /* delete (recoverable for 30 days) */
	AZ_PROJECT_PERSONAL, /* read register items that hold personal data (the team only) */
	AZ_PROJECT_SHARE,    /* share the project with a network, or stop sharing (org admins) */
	AZ_NETWORK_VIEW,     /* a network's page: its members, shared projects, rounds, gatherings */
	AZ_NETWORK_MANAGE,   /* run the network: members, people, rounds, summaries, gatherings */
	AZ_NETWORK_COACH,    /* plan and record coaching of the network's shared projects */
	AZ_BENEFIT_VIEW,     /* read one benefit and its measurements */
	AZ_BENEFIT_MEASURE,  /* enter measurements for one benefit */
};

enum authz_result { AZ_ALLOW = 0, AZ_DENY = 403, AZ_HIDE = 404 };

/* Project roles, from most to least rights. */
enum project_role { PR_NONE, PR_OBSERVER, PR_MEMBER, PR_DRIVER, PR_LEADER, PR_OWNER };
/* Network roles a user can hold in a network a project is shared with. */
enum network_role { NR_NONE, NR_COACH, NR_LEADER };

struct authz_object {
	long long org_id;               /* the organisation that owns the object */
	/* Project facts (for AZ_PROJECT_* and AZ_BENEFIT_*): */
	enum project_role project_role; /* the user's role in the project team */
	bool project_is_guest;          /* the user is an invited outside partner */
	bool team_only;                 /* visibility: project team only */
	enum network_role network_role; /* via a network the project is shared with; for a network
					   object, the user's role in that network */
	bool benefit_owner;             /* the user owns the benefit in question */
	/* Network facts (for AZ_NETWORK_*; org_id is the network's owner organisation): */
	bool network_member;            /* the user belongs to a member organisation of the network */
};

struct authz_subject {
	long long user_id;
	bool site_admin;
	const struct membership *orgs;
	int norgs;
};

enum authz_result authz_decide(const struct authz_subject *who, enum authz_action action,
			       const struct authz_object *obj);
/* authz_decide for the request's user. */
enum authz_result authz_check(const struct ctx *c, enum authz_action action, const struct authz_object *obj);
/* Parse and name project roles ("owner", "leader", "driver", "member", "observer"). */
enum project_role project_role_parse(const char *s);
const char *project_role_name(enum project_role r);

#endif
