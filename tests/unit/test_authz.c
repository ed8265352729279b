/* test_authz.c — the authorization decisions, as a table written by hand from
 * the rules in the header comment of src/app/authz.c (not from its code). */
#include "testlib.h"

#include "app/authz.h"

enum { ORG_A = 10, ORG_B = 20 };

static struct membership m_member_a = {ORG_A, (char *)"Bodø kommune", (char *)"municipality", (char *)"member"};
static struct membership m_admin_a = {ORG_A, (char *)"Bodø kommune", (char *)"municipality", (char *)"admin"};
static struct membership m_member_b = {ORG_B, (char *)"Salten IKS", (char *)"company", (char *)"member"};
static struct membership m_both[2] = {
	{ORG_B, (char *)"Salten IKS", (char *)"company", (char *)"admin"},
	{ORG_A, (char *)"Bodø kommune", (char *)"municipality", (char *)"member"},
};

static const struct authz_subject anon = {0, false, NULL, 0};
/* Anonymous although the facts claim otherwise: must still be hidden. */
static const struct authz_subject anon_claims = {0, true, &m_admin_a, 1};
static const struct authz_subject site_op = {1, true, NULL, 0};
static const struct authz_subject member_a = {2, false, &m_member_a, 1};
static const struct authz_subject admin_a = {3, false, &m_admin_a, 1};
static const struct authz_subject outsider = {4, false, &m_member_b, 1};  /* member of B only */
static const struct authz_subject loner = {5, false, NULL, 0};            /* no organisation */
static const struct authz_subject admin_b_member_a = {6, false, m_both, 2};

struct az_case {
	int line;
	const struct authz_subject *who;
	enum authz_action action;
	bool has_obj;
	struct authz_object obj;
	enum authz_result want;
};

/* An object in org; the remaining fields are designated initializers. */
#define OBJ(org, ...) true, {.org_id = (org), __VA_ARGS__}
#define NOOBJ false, {0}
#define C(who, action, obj, want) {__LINE__, &(who), action, obj, want}

static const struct az_case cases[] = {
	/* Anonymous visitors: everything is hidden. */
	C(anon, AZ_SITE_ADMIN, NOOBJ, AZ_HIDE),
	C(anon, AZ_ORG_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_PROJECT_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_PROJECT_VIEW, NOOBJ, AZ_HIDE),
	C(anon, AZ_PROJECT_COMMENT, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_PROJECT_EDIT, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_PROJECT_MANAGE, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_PROJECT_DELETE, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_BENEFIT_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_BENEFIT_MEASURE, OBJ(ORG_A), AZ_HIDE),
	C(anon_claims, AZ_SITE_ADMIN, NOOBJ, AZ_HIDE),
	C(anon_claims, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_HIDE),
	C(anon_claims, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_OWNER), AZ_HIDE),
	C(anon_claims, AZ_BENEFIT_VIEW, OBJ(ORG_A, .benefit_owner = true), AZ_HIDE),

	/* The operator (site admin) manages organisations and users but does not read
	 * projects of organisations he is not a member of. */
	C(site_op, AZ_SITE_ADMIN, NOOBJ, AZ_ALLOW),
	C(site_op, AZ_ORG_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(site_op, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_ALLOW),
	C(site_op, AZ_ORG_MANAGE, OBJ(ORG_B), AZ_ALLOW),
	C(site_op, AZ_PROJECT_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_PROJECT_COMMENT, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_PROJECT_EDIT, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_PROJECT_MANAGE, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_PROJECT_DELETE, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_BENEFIT_VIEW, OBJ(ORG_A), AZ_HIDE),

	/* Other signed-in users are not the site_op. */
	C(member_a, AZ_SITE_ADMIN, NOOBJ, AZ_HIDE),
	C(admin_a, AZ_SITE_ADMIN, NOOBJ, AZ_HIDE),

	/* Organisation members see their organisation, not others. */
	C(member_a, AZ_ORG_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(member_a, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_DENY),
	C(member_a, AZ_ORG_VIEW, OBJ(ORG_B), AZ_HIDE),
	C(member_a, AZ_ORG_MANAGE, OBJ(ORG_B), AZ_HIDE),
	C(loner, AZ_ORG_VIEW, OBJ(ORG_A), AZ_HIDE),
	/* … and the projects in it that are not team only, read only. */
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A), AZ_DENY),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A), AZ_DENY),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A), AZ_DENY),
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_B), AZ_HIDE),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_B), AZ_HIDE),

	/* Organisation admins manage their organisation and its projects. */
	C(admin_a, AZ_ORG_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_ORG_VIEW, OBJ(ORG_B), AZ_HIDE),
	C(admin_a, AZ_ORG_MANAGE, OBJ(ORG_B), AZ_HIDE),
	C(admin_a, AZ_PROJECT_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_MANAGE, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_DELETE, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_DELETE, OBJ(ORG_B), AZ_HIDE),
	C(admin_a, AZ_PROJECT_MANAGE, OBJ(ORG_B), AZ_HIDE),
	/* Admin of B and member of A: the role is per organisation. */
	C(admin_b_member_a, AZ_ORG_MANAGE, OBJ(ORG_A), AZ_DENY),
	C(admin_b_member_a, AZ_ORG_MANAGE, OBJ(ORG_B), AZ_ALLOW),
	C(admin_b_member_a, AZ_PROJECT_DELETE, OBJ(ORG_A), AZ_DENY),
	C(admin_b_member_a, AZ_PROJECT_DELETE, OBJ(ORG_B), AZ_ALLOW),

	/* Project roles. Observers only read. */
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_DENY),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_DENY),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_DENY),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_DENY),
	/* Members and drivers edit but do not manage. */
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_DENY),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_DENY),
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_DRIVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .project_role = PR_DRIVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_role = PR_DRIVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_role = PR_DRIVER), AZ_DENY),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_DRIVER), AZ_DENY),
	/* Leaders and owners manage; only org admins delete. */
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_LEADER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .project_role = PR_LEADER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_role = PR_LEADER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_role = PR_LEADER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_LEADER), AZ_DENY),
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_role = PR_OWNER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .project_role = PR_OWNER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_role = PR_OWNER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_role = PR_OWNER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_OWNER), AZ_DENY),
	C(admin_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_OWNER), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_ALLOW),

	/* Team-only projects: hidden from org members outside the team, seen
	 * by the team and by org admins. */
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .team_only = true), AZ_HIDE),
	C(member_a, AZ_PROJECT_COMMENT, OBJ(ORG_A, .team_only = true), AZ_HIDE),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .team_only = true), AZ_HIDE),
	C(member_a, AZ_PROJECT_DELETE, OBJ(ORG_A, .team_only = true), AZ_HIDE),
	C(member_a, AZ_BENEFIT_VIEW, OBJ(ORG_A, .team_only = true), AZ_HIDE),
	C(member_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .team_only = true, .project_role = PR_OBSERVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_EDIT, OBJ(ORG_A, .team_only = true, .project_role = PR_MEMBER), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_VIEW, OBJ(ORG_A, .team_only = true), AZ_ALLOW),
	C(admin_a, AZ_PROJECT_MANAGE, OBJ(ORG_A, .team_only = true), AZ_ALLOW),
	C(site_op, AZ_PROJECT_VIEW, OBJ(ORG_A, .team_only = true), AZ_HIDE),

	/* Leaders and coaches of a network the project is shared with: read
	 * and comment only. */
	C(outsider, AZ_PROJECT_VIEW, OBJ(ORG_A, .network_role = NR_COACH), AZ_ALLOW),
	C(outsider, AZ_PROJECT_COMMENT, OBJ(ORG_A, .network_role = NR_COACH), AZ_ALLOW),
	C(outsider, AZ_PROJECT_EDIT, OBJ(ORG_A, .network_role = NR_COACH), AZ_DENY),
	C(outsider, AZ_PROJECT_MANAGE, OBJ(ORG_A, .network_role = NR_COACH), AZ_DENY),
	C(outsider, AZ_PROJECT_DELETE, OBJ(ORG_A, .network_role = NR_COACH), AZ_DENY),
	C(outsider, AZ_PROJECT_VIEW, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(outsider, AZ_PROJECT_COMMENT, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(outsider, AZ_PROJECT_EDIT, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	C(outsider, AZ_PROJECT_MANAGE, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	C(outsider, AZ_PROJECT_DELETE, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	C(loner, AZ_PROJECT_VIEW, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(loner, AZ_PROJECT_EDIT, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	/* … which does not open the owning organisation itself. */
	C(outsider, AZ_ORG_VIEW, OBJ(ORG_A, .network_role = NR_LEADER), AZ_HIDE),

	/* Guests (outside partners) see the projects they were invited to, and
	 * never manage them whatever their team role. */
	C(loner, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_LEADER), AZ_ALLOW),
	C(loner, AZ_PROJECT_EDIT, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_LEADER), AZ_ALLOW),
	C(loner, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_LEADER), AZ_DENY),
	C(loner, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_OWNER), AZ_DENY),
	C(loner, AZ_PROJECT_DELETE, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_OWNER), AZ_DENY),
	C(outsider, AZ_PROJECT_MANAGE, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_LEADER), AZ_DENY),
	C(loner, AZ_PROJECT_VIEW, OBJ(ORG_A, .project_is_guest = true, .team_only = true,
				     .project_role = PR_MEMBER), AZ_ALLOW),
	C(loner, AZ_PROJECT_VIEW, OBJ(ORG_A), AZ_HIDE),

	/* A benefit owner outside the team sees and measures that benefit and
	 * nothing else of the project. */
	C(outsider, AZ_BENEFIT_VIEW, OBJ(ORG_A, .benefit_owner = true), AZ_ALLOW),
	C(outsider, AZ_BENEFIT_MEASURE, OBJ(ORG_A, .benefit_owner = true), AZ_ALLOW),
	C(outsider, AZ_PROJECT_VIEW, OBJ(ORG_A, .benefit_owner = true), AZ_HIDE),
	C(outsider, AZ_PROJECT_COMMENT, OBJ(ORG_A, .benefit_owner = true), AZ_HIDE),
	C(outsider, AZ_PROJECT_EDIT, OBJ(ORG_A, .benefit_owner = true), AZ_HIDE),
	C(loner, AZ_BENEFIT_MEASURE, OBJ(ORG_A, .benefit_owner = true, .team_only = true), AZ_ALLOW),
	C(outsider, AZ_BENEFIT_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(outsider, AZ_BENEFIT_MEASURE, OBJ(ORG_A), AZ_HIDE),
	/* Within the team, benefits follow the project: read for all who see
	 * the project, measure for those who edit. */
	C(member_a, AZ_BENEFIT_VIEW, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_ALLOW),
	C(member_a, AZ_BENEFIT_MEASURE, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_DENY),
	C(member_a, AZ_BENEFIT_MEASURE, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_ALLOW),
	C(member_a, AZ_BENEFIT_VIEW, OBJ(ORG_A), AZ_ALLOW),

	/* Personal data in registers: the team (observers and guests included)
	 * reads it; org members and admins outside the team, network leaders
	 * and coaches see it redacted; outsiders do not see the project. */
	C(member_a, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .project_role = PR_OBSERVER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .project_role = PR_MEMBER), AZ_ALLOW),
	C(loner, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .project_is_guest = true, .project_role = PR_MEMBER), AZ_ALLOW),
	C(member_a, AZ_PROJECT_PERSONAL, OBJ(ORG_A), AZ_DENY),
	C(admin_a, AZ_PROJECT_PERSONAL, OBJ(ORG_A), AZ_DENY),
	C(admin_a, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .team_only = true), AZ_DENY),
	C(outsider, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	C(outsider, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .network_role = NR_COACH), AZ_DENY),
	C(outsider, AZ_PROJECT_PERSONAL, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_PROJECT_PERSONAL, OBJ(ORG_A), AZ_HIDE),
	C(outsider, AZ_PROJECT_PERSONAL, OBJ(ORG_A, .benefit_owner = true), AZ_HIDE),

	/* Sharing with a network: the project's org admins only. */
	C(admin_a, AZ_PROJECT_SHARE, OBJ(ORG_A), AZ_ALLOW),
	C(member_a, AZ_PROJECT_SHARE, OBJ(ORG_A, .project_role = PR_OWNER), AZ_DENY),
	C(outsider, AZ_PROJECT_SHARE, OBJ(ORG_A, .network_role = NR_LEADER), AZ_DENY),
	C(outsider, AZ_PROJECT_SHARE, OBJ(ORG_A), AZ_HIDE),

	/* Networks (org = the owner organisation). Seen by its leaders and
	 * coaches and by members of its owner and member organisations; run by
	 * its leaders and the owner's admins; coaching by coaches and leaders. */
	C(outsider, AZ_NETWORK_VIEW, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(outsider, AZ_NETWORK_MANAGE, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(outsider, AZ_NETWORK_COACH, OBJ(ORG_A, .network_role = NR_LEADER), AZ_ALLOW),
	C(loner, AZ_NETWORK_VIEW, OBJ(ORG_A, .network_role = NR_COACH), AZ_ALLOW),
	C(loner, AZ_NETWORK_MANAGE, OBJ(ORG_A, .network_role = NR_COACH), AZ_DENY),
	C(loner, AZ_NETWORK_COACH, OBJ(ORG_A, .network_role = NR_COACH), AZ_ALLOW),
	C(outsider, AZ_NETWORK_VIEW, OBJ(ORG_A, .network_member = true), AZ_ALLOW),
	C(outsider, AZ_NETWORK_MANAGE, OBJ(ORG_A, .network_member = true), AZ_DENY),
	C(outsider, AZ_NETWORK_COACH, OBJ(ORG_A, .network_member = true), AZ_DENY),
	C(member_a, AZ_NETWORK_VIEW, OBJ(ORG_A), AZ_ALLOW),
	C(member_a, AZ_NETWORK_MANAGE, OBJ(ORG_A), AZ_DENY),
	C(admin_a, AZ_NETWORK_MANAGE, OBJ(ORG_A), AZ_ALLOW),
	C(admin_a, AZ_NETWORK_COACH, OBJ(ORG_A), AZ_DENY),
	C(outsider, AZ_NETWORK_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(outsider, AZ_NETWORK_MANAGE, OBJ(ORG_A), AZ_HIDE),
	C(site_op, AZ_NETWORK_VIEW, OBJ(ORG_A), AZ_HIDE),
	C(anon, AZ_NETWORK_VIEW, OBJ(ORG_A, .network_role = NR_LEADER), AZ_HIDE),

	/* No object for an object-level action: hidden. */
	C(member_a, AZ_PROJECT_VIEW, NOOBJ, AZ_HIDE),
	C(admin_a, AZ_PROJECT_DELETE, NOOBJ, AZ_HIDE),
	C(member_a, AZ_BENEFIT_VIEW, NOOBJ, AZ_HIDE),
};

static const char *result_name(enum authz_result r)
{
	return r == AZ_ALLOW ? "ALLOW" : r == AZ_DENY ? "DENY" : r == AZ_HIDE ? "HIDE" : "?";
}

/* Every row of the table gets the decision written in it. */
static void test_authz_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct az_case *c = &cases[i];
		enum authz_result got = authz_decide(c->who, c->action, c->has_obj ? &c->obj : NULL);
		if (got != c->want) {
			print_error("test_authz.c:%d: want %s, got %s\n", c->line, result_name(c->want),
				    result_name(got));
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* Someone with no relation at all to a project (a member of another
 * organisation, or of none) gets HIDE for every action on it, never DENY. */
static void test_authz_no_relation_is_hide(void **state)
{
	(void)state;
	const struct authz_subject *who[] = {&outsider, &loner, &site_op};
	const struct authz_object o = {.org_id = ORG_A};
	for (size_t w = 0; w < sizeof who / sizeof who[0]; w++)
		for (int a = AZ_PROJECT_VIEW; a <= AZ_BENEFIT_MEASURE; a++)
			assert_int_equal(authz_decide(who[w], (enum authz_action)a, &o), AZ_HIDE);
	assert_int_equal(authz_decide(NULL, AZ_PROJECT_VIEW, &o), AZ_HIDE);
}

/* authz_check asks the same question for the request's user. */
static void test_authz_check_uses_ctx(void **state)
{
	(void)state;
	struct ctx c = {0};
	const struct authz_object o = {.org_id = ORG_A};
	assert_int_equal(authz_check(&c, AZ_ORG_VIEW, &o), AZ_HIDE);
	c.user_id = 7;
	assert_int_equal(authz_check(&c, AZ_ORG_VIEW, &o), AZ_HIDE);
	c.orgs = &m_member_a;
	c.norgs = 1;
	assert_int_equal(authz_check(&c, AZ_ORG_VIEW, &o), AZ_ALLOW);
	assert_int_equal(authz_check(&c, AZ_ORG_MANAGE, &o), AZ_DENY);
	assert_int_equal(authz_check(&c, AZ_SITE_ADMIN, NULL), AZ_HIDE);
	c.site_admin = true;
	assert_int_equal(authz_check(&c, AZ_SITE_ADMIN, NULL), AZ_ALLOW);
	assert_int_equal(authz_check(&c, AZ_ORG_MANAGE, &o), AZ_ALLOW);
}

/* Role names parse to their roles and back; anything else is PR_NONE. */
static void test_project_role_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum project_role role;
	} roles[] = {
		{"observer", PR_OBSERVER}, {"member", PR_MEMBER}, {"driver", PR_DRIVER},
		{"leader", PR_LEADER},     {"owner", PR_OWNER},
	};
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		assert_int_equal(project_role_parse(roles[i].name), roles[i].role);
		assert_string_equal(project_role_name(roles[i].role), roles[i].name);
		assert_int_equal(project_role_parse(project_role_name(roles[i].role)), roles[i].role);
	}
	assert_int_equal(project_role_parse(NULL), PR_NONE);
	assert_int_equal(project_role_parse(""), PR_NONE);
	assert_int_equal(project_role_parse("Owner"), PR_NONE);
	assert_int_equal(project_role_parse("owner "), PR_NONE);
	assert_int_equal(project_role_parse("admin"), PR_NONE);
	assert_string_equal(project_role_name(PR_NONE), "");
	assert_string_equal(project_role_name((enum project_role)99), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_authz_table),
		cmocka_unit_test(test_authz_no_relation_is_hide),
		cmocka_unit_test(test_authz_check_uses_ctx),
		cmocka_unit_test(test_project_role_names),
	};
	return RUN_TESTS(tests);
}
