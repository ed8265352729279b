/* layout.h — the page chrome and the form building blocks, all written through
 * the escaping writer (html.h) into c->resp->body. Markup follows
 * Designsystemet's CSS classes (ds-*), so Varde looks like other Norwegian
 * public services, and every form control has a label, and every error is
 * linked to its field (aria-describedby, aria-invalid, an error summary). */
#ifndef VARDE_LAYOUT_H
#define VARDE_LAYOUT_H
#include <stdbool.h>

#include "ctx.h"

/* Start a page: doctype, head with the stylesheets, skip link, header with
 * navigation, organisation switcher and language choice, then <main>. */
void layout_begin(struct ctx *c, const char *title);
/* Close <main>, write the footer and end the document. */
void layout_end(struct ctx *c);
/* Replace the response with a complete error page in the user's language. */
void page_error(struct ctx *c, int status, const char *message);

/* The hidden CSRF field every POST form carries. */
void ui_csrf(struct ctx *c);

struct field_error {
	const char *field;    /* the input's name/id */
	const char *message;  /* translated message */
};
struct form_errors {
	struct field_error e[16];
	int n;
};
void form_error(struct form_errors *fe, const char *field, const char *message);
const char *form_error_for(const struct form_errors *fe, const char *field);
/* The error summary (role=alert, links to each field). Nothing if no errors. */
void ui_error_summary(struct ctx *c, const struct form_errors *fe);

struct ui_input {
	const char *name, *label, *type, *value, *autocomplete, *help;
	bool required;
	int maxlength;
};
/* A labelled input with its help text and error message. */
void ui_input(struct ctx *c, const struct ui_input *in, const struct form_errors *fe);

/* A labelled <textarea> with help and error, like ui_input. */
void ui_textarea(struct ctx *c, const char *name, const char *label, const char *value, const char *help, int rows,
		 const char *error, bool disabled);

struct ui_option {
	const char *value, *label;
};
/* A labelled <select>. */
void ui_select(struct ctx *c, const char *name, const char *label, const struct ui_option *opts, int nopts,
	       const char *selected, const struct form_errors *fe);
/* A Designsystemet alert box; color is "info", "success", "warning" or "danger". */
void ui_alert(struct ctx *c, const char *color, const char *message);
/* A link that looks like a link; href and text are escaped. */
void ui_link(struct ctx *c, const char *href, const char *text);

#endif
