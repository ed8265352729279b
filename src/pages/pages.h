/* pages.h — every page handler named in src/routes.def. One feature per file:
 * page_home.c, page_login.c, page_dashboard.c, page_account.c, page_org.c,
 * page_admin.c. */
#ifndef VARDE_PAGES_H
#define VARDE_PAGES_H

#include "../app/security.h"

struct ctx;

#define ROUTE(m, p, h, a, f, l) void h(struct ctx *c);
#include "../routes.def"
#undef ROUTE

/* Shared by the login and account pages: the message for a password that
 * breaks the policy (translated), or NULL when it is fine. */
const char *password_problem_text(struct ctx *c, enum password_problem p);

/* The alert with a one-time set-password link (page_org.c). */
void page_show_setpw_link(struct ctx *c, const char *token);

struct form_errors;
/* Check the new password typed twice in the request's form and hash it
 * (page_login.c); problems go to fe. */
void password_form_check(struct ctx *c, const char *email, struct form_errors *fe, char hash[128]);

struct project_ctx;
/* The comments of a project (tool NULL) or of one of its tools, and the form
 * to add one when the user may comment. In page_comment.c. */
void comments_render(struct ctx *c, const struct project_ctx *pc, const char *tool);

/* The project page's section on networks: sharing and network measures (page_share.c). */
void project_networks_render(struct ctx *c, const struct project_ctx *pc);

struct ui_option;
/* The service areas a project can belong to, translated (page_project.c),
 * and the label of one key. */
const struct ui_option *service_areas(struct ctx *c, int *n);
const char *service_area_label(struct ctx *c, const char *key);

#endif
