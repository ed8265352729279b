/* test_chart.c — src/chart: the SVG charts.
 *
 * Every chart is parsed back with expat, so each test first of all proves that
 * the output is well-formed XML (escaped labels, whole UTF-8 sequences, closed
 * elements). The parsed tree is then searched for what the chart must show:
 * the title and desc with their ids, where the points landed, the plan line,
 * the ticks read back with parse_number/parse_date, the edges drawn. */
#include "testlib.h"

#include <expat.h>
#include <math.h>

#include "chart/chart.h"
#include "core/buf.h"
#include "core/parse.h"
#include "core/text.h"

#define NNBSP	 "\xe2\x80\xaf" /* U+202F, the thousands separator */
#define MINUS	 "\xe2\x88\x92" /* U+2212 */
#define ELLIPSIS "\xe2\x80\xa6"

/* ---- a tiny DOM from expat ------------------------------------------- */

enum { MAX_ATTRS = 40, MAX_DEPTH = 64 };

struct el {
	char *name;
	char *attr[MAX_ATTRS]; /* name, value, name, value, … */
	int nattr;
	int parent;	 /* index, -1 for the root */
	struct buf text; /* all character data inside, descendants included */
};

struct doc {
	struct el *el;
	int n, cap;
	int stack[MAX_DEPTH];
	int depth;
};

static void on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct doc *d = ud;
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->el = realloc(d->el, (size_t)d->cap * sizeof *d->el);
		assert_non_null(d->el);
	}
	struct el *e = &d->el[d->n];
	memset(e, 0, sizeof *e);
	e->name = strdup(name);
	e->parent = d->depth > 0 ? d->stack[d->depth - 1] : -1;
	for (int i = 0; atts[i] && e->nattr + 2 <= MAX_ATTRS; i += 2) {
		e->attr[e->nattr++] = strdup(atts[i]);
		e->attr[e->nattr++] = strdup(atts[i + 1]);
	}
	assert_true(d->depth < MAX_DEPTH);
	d->stack[d->depth++] = d->n++;
}

static void on_end(void *ud, const XML_Char *name)
{
	struct doc *d = ud;
	(void)name;
	d->depth--;
}

static void on_text(void *ud, const XML_Char *s, int len)
{
	struct doc *d = ud;
	for (int i = 0; i < d->depth; i++)
		buf_append(&d->el[d->stack[i]].text, s, (size_t)len);
}

/* Parses svg; fails the test with expat's message when it is not well-formed XML. */
static struct doc *parse(const char *svg)
{
	struct doc *d = calloc(1, sizeof *d);
	assert_non_null(d);
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, d);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, svg, (int)strlen(svg), 1) != XML_STATUS_OK) {
		long line = (long)XML_GetCurrentLineNumber(p), col = (long)XML_GetCurrentColumnNumber(p);
		long off = (long)XML_GetCurrentByteIndex(p);
		fail_msg("not well-formed XML: %s at %ld:%ld near \"%.60s\"", XML_ErrorString(XML_GetErrorCode(p)),
			 line, col, off >= 0 && off < (long)strlen(svg) ? svg + off : "");
	}
	XML_ParserFree(p);
	assert_true(d->n > 0);
	return d;
}

static void doc_free(struct doc *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->el[i].name);
		for (int k = 0; k < d->el[i].nattr; k++)
			free(d->el[i].attr[k]);
		buf_free(&d->el[i].text);
	}
	free(d->el);
	free(d);
}

static const char *attr(const struct el *e, const char *name)
{
	for (int k = 0; k + 1 < e->nattr; k += 2)
		if (strcmp(e->attr[k], name) == 0)
			return e->attr[k + 1];
	return NULL;
}

/* A numeric attribute that must be there. */
static double num(const struct el *e, const char *name)
{
	const char *v = attr(e, name);
	if (!v)
		fail_msg("<%s> has no %s", e->name, name);
	char *end;
	double x = strtod(v, &end);
	if (*end || !isfinite(x))
		fail_msg("<%s %s=\"%s\"> is not a number", e->name, name, v);
	return x;
}

/* Does the element's class list contain the word cls (NULL: any element)? */
static bool has_class(const struct el *e, const char *cls)
{
	if (!cls)
		return true;
	const char *c = attr(e, "class");
	size_t n = strlen(cls);
	for (const char *p = c; p && (p = strstr(p, cls)) != NULL; p += n)
		if ((p == c || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

/* The index of the next element named name with class cls from index from, or -1. */
static int find(const struct doc *d, const char *name, const char *cls, int from)
{
	for (int i = from; i < d->n; i++)
		if (strcmp(d->el[i].name, name) == 0 && has_class(&d->el[i], cls))
			return i;
	return -1;
}

static int count(const struct doc *d, const char *name, const char *cls)
{
	int c = 0;
	for (int i = find(d, name, cls, 0); i >= 0; i = find(d, name, cls, i + 1))
		c++;
	return c;
}

/* Is element i inside an element with class cls? */
static bool inside(const struct doc *d, int i, const char *cls)
{
	for (int p = d->el[i].parent; p >= 0; p = d->el[p].parent)
		if (attr(&d->el[p], "class") && has_class(&d->el[p], cls))
			return true;
	return false;
}

/* The text of the first <title> child of element i, or NULL. */
static const char *tooltip(const struct doc *d, int i)
{
	for (int k = i + 1; k < d->n; k++)
		if (d->el[k].parent == i && strcmp(d->el[k].name, "title") == 0)
			return buf_str(&d->el[k].text);
	return NULL;
}

/* ---- what every chart must have -------------------------------------- */

/* The viewBox, read back; every chart's is "0 0 W H". */
struct box {
	double x, y, w, h;
};

static struct box viewbox(const struct doc *d)
{
	struct box v = {0};
	const char *vb = attr(&d->el[0], "viewBox");
	assert_non_null(vb);
	assert_int_equal(sscanf(vb, "%lf %lf %lf %lf", &v.x, &v.y, &v.w, &v.h), 4);
	assert_true(v.x == 0 && v.y == 0 && v.w > 0 && v.h > 0);
	return v;
}

static struct box rect_of(const struct doc *d, int i)
{
	assert_true(i >= 0);
	struct box r = {num(&d->el[i], "x"), num(&d->el[i], "y"), num(&d->el[i], "width"), num(&d->el[i], "height")};
	return r;
}

static bool in_box(struct box b, double x, double y)
{
	return x >= b.x - 1e-9 && x <= b.x + b.w + 1e-9 && y >= b.y - 1e-9 && y <= b.y + b.h + 1e-9;
}

/* The root, the title and desc with their ids as its first two children, the
 * role, and the rules: no style attribute, no script, every dot inside the
 * viewBox. desc_start: what the desc must begin with. */
static void check_frame(const struct doc *d, const char *id, const char *role, const char *title,
			const char *desc_start)
{
	char want[200];
	const struct el *svg = &d->el[0];
	assert_string_equal(svg->name, "svg");
	assert_string_equal(attr(svg, "xmlns"), "http://www.w3.org/2000/svg");
	assert_string_equal(attr(svg, "role"), role);
	snprintf(want, sizeof want, "%s-title %s-desc", id, id);
	assert_string_equal(attr(svg, "aria-labelledby"), want);
	assert_string_equal(attr(svg, "width"), "100%");
	assert_null(attr(svg, "height"));
	assert_true(has_class(svg, "varde-chart"));
	assert_true(d->n >= 3);
	assert_string_equal(d->el[1].name, "title");
	assert_int_equal(d->el[1].parent, 0);
	snprintf(want, sizeof want, "%s-title", id);
	assert_string_equal(attr(&d->el[1], "id"), want);
	assert_string_equal(buf_str(&d->el[1].text), title);
	assert_string_equal(d->el[2].name, "desc");
	assert_int_equal(d->el[2].parent, 0);
	snprintf(want, sizeof want, "%s-desc", id);
	assert_string_equal(attr(&d->el[2], "id"), want);
	assert_true(strncmp(buf_str(&d->el[2].text), desc_start, strlen(desc_start)) == 0);
	struct box vb = viewbox(d);
	for (int i = 0; i < d->n; i++) {
		assert_null(attr(&d->el[i], "style"));
		assert_string_not_equal(d->el[i].name, "script");
		if (strcmp(d->el[i].name, "circle") == 0 && !in_box(vb, num(&d->el[i], "cx"), num(&d->el[i], "cy")))
			fail_msg("circle %d at (%g, %g) outside the viewBox", i, num(&d->el[i], "cx"),
				 num(&d->el[i], "cy"));
	}
}

/* Labels that are hard on an XML writer and on truncation. */
static const char NASTY[] = "<b>Tom & \"Jerry\" 'quoted'</b> and a much longer tail of words";
static const char NORDIC[] = "Ærlig ønske om å få bærekraftige løsninger på plass før året er omme";
static const char EMOJI[] = "\xf0\x9f\x98\x80\xf0\x9f\x98\x80 Glade brukere \xf0\x9f\x8e\x89 i kommunen vår, "
			    "\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d "
			    "\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d";

/* ---- shared helpers -------------------------------------------------- */

static void helpers_format_number(void **state)
{
	(void)state;
	char out[64];
	chart_format_number(1234.5, 1, out, sizeof out);
	assert_string_equal(out, "1" NNBSP "234,5");
	chart_format_number(-1234567, 0, out, sizeof out);
	assert_string_equal(out, MINUS "1" NNBSP "234" NNBSP "567");
	chart_format_number(-0.04, 1, out, sizeof out); /* a rounded zero has no sign */
	assert_string_equal(out, "0,0");
	chart_format_number(999, 0, out, sizeof out);
	assert_string_equal(out, "999");
	chart_format_number(0.126, 2, out, sizeof out);
	assert_string_equal(out, "0,13");
	chart_format_number(NAN, 1, out, sizeof out);
	assert_string_equal(out, "\xe2\x80\x93");
	chart_format_number(1e300, 0, out, 8); /* too long: cut at a whole separator or digit */
	assert_true(strlen(out) < 8 && utf8_valid_str(out));
	/* What the chart writes, Varde reads back. */
	double back = 0;
	chart_format_number(-9876543.25, 2, out, sizeof out);
	assert_true(parse_number(out, false, &back));
	assert_true(back == -9876543.25);
}

static void helpers_decimals_and_steps(void **state)
{
	(void)state;
	assert_int_equal(chart_decimals_for(5), 0);
	assert_int_equal(chart_decimals_for(0.5), 1);
	assert_int_equal(chart_decimals_for(0.25), 2);
	assert_int_equal(chart_decimals_for(0.1), 1);
	assert_int_equal(chart_decimals_for(NAN), 0);
	assert_true(chart_nice_step(10, 5) == 2);
	assert_true(chart_nice_step(7, 5) == 2);
	assert_true(chart_nice_step(100, 4) == 50);
	assert_true(fabs(chart_nice_step(0.3, 5) - 0.1) < 1e-12);
	assert_true(chart_nice_step(0, 5) == 1);
	assert_true(chart_nice_step(NAN, 5) == 1);
	assert_true(chart_clamp(NAN, 2, 3) == 2);
	assert_true(chart_clamp(INFINITY, 2, 3) == 3);
}

static void helpers_dates(void **state)
{
	(void)state;
	char out[32];
	chart_format_date(0, out, sizeof out);
	assert_string_equal(out, "01.01.1970");
	chart_format_date(19723, out, sizeof out);
	assert_string_equal(out, "01.01.2024");
	chart_format_date(19723 + 59, out, sizeof out); /* 2024 is a leap year */
	assert_string_equal(out, "29.02.2024");
	chart_format_date(-1, out, sizeof out);
	assert_string_equal(out, "31.12.1969");
	assert_int_equal(chart_days_from_civil(0, 1, 1), -719528);
	assert_int_equal(chart_days_from_civil(9999, 12, 31), 2932896);
	for (long day = -800000; day <= 3000000; day += 997) {
		long y;
		int m, dd;
		chart_civil_from_days(day, &y, &m, &dd);
		assert_int_equal(chart_days_from_civil(y, m, dd), day);
	}
}

/* Wrapping counts characters, not bytes, breaks at spaces and never splits a
 * UTF-8 sequence; the last line ends in "…" when text is left over. */
static void helpers_wrap(void **state)
{
	(void)state;
	struct chart_line l[4];
	assert_int_equal(chart_wrap("æææææ", 5, 1, l), 1);
	assert_int_equal(l[0].len, 10);
	assert_false(l[0].ellipsis);
	assert_int_equal(chart_wrap("ææææææ", 5, 1, l), 1);
	assert_int_equal(l[0].len, 8); /* four æ and the "…" make five characters */
	assert_true(l[0].ellipsis);
	assert_int_equal(chart_wrap("Ærlig ønske om å få", 8, 3, l), 3);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].len, strlen("Ærlig"));
	assert_int_equal(l[1].len, strlen("ønske om"));
	assert_int_equal(l[2].len, strlen("å få"));
	assert_false(l[2].ellipsis);
	assert_int_equal(chart_wrap("   ", 8, 3, l), 0);
	assert_int_equal(chart_wrap(NULL, 8, 3, l), 0);
	/* Emoji are four bytes each; a cut always lands between them. */
	int n = chart_wrap(EMOJI, 10, 2, l);
	for (int i = 0; i < n; i++)
		assert_true(utf8_valid(EMOJI + l[i].start, l[i].len));
	assert_true(l[n - 1].ellipsis);
}

/* Control characters and bad UTF-8 still give well-formed XML. */
static void helpers_put_text(void **state)
{
	(void)state;
	struct buf b = {0};
	const char *bad = "a\x01"
			  "b\xff"
			  "c\xe2\x82"
			  "<";
	chart_put_text(&b, bad, strlen(bad));
	assert_string_equal(buf_str(&b), "a b\xef\xbf\xbd"
					 "c\xef\xbf\xbd\xef\xbf\xbd&lt;");
	buf_free(&b);
	assert_true(chart_href_ok("/projects/3/tools/stakeholders#p4"));
	assert_true(chart_href_ok("https://example.no/a"));
	assert_true(chart_href_ok("item?id=4"));
	assert_false(chart_href_ok("javascript:alert(1)"));
	assert_false(chart_href_ok("data:text/html,x"));
	assert_false(chart_href_ok("/a b"));
	assert_false(chart_href_ok(""));
	assert_false(chart_href_ok(NULL));
}

/* ---- quadrant ---------------------------------------------------------- */

static const struct chart_quadrant_spec QSPEC = {
    .id = "q1",
    .title = "Interessentkart",
    .desc = "Interessenter etter påvirkning og interesse.",
    .x_label = "Interesse",
    .y_label = "Påvirkning",
    .quadrant = {"Hold tilfreds", "Samarbeid tett", "Følg med", "Hold informert"},
    .max = 10,
};

static struct doc *quadrant(const struct chart_quadrant_spec *s, const struct chart_point *p, int n)
{
	struct buf b = {0};
	chart_quadrant(&b, s, p, n);
	struct doc *d = parse(buf_str(&b));
	buf_free(&b);
	return d;
}

/* The area of quadrant pos ("tl", "tr", "bl", "br"). */
static struct box quadrant_area(const struct doc *d, const char *pos)
{
	char cls[32];
	snprintf(cls, sizeof cls, "varde-chart-q-%s", pos);
	assert_int_equal(count(d, "rect", cls), 1);
	return rect_of(d, find(d, "rect", cls, 0));
}

/* The centre of the i-th dot. */
static void dot(const struct doc *d, int i, double *x, double *y)
{
	int k = -1;
	for (int j = 0; j <= i; j++) {
		k = find(d, "circle", "varde-chart-dot", k + 1);
		assert_true(k >= 0);
	}
	*x = num(&d->el[k], "cx");
	*y = num(&d->el[k], "cy");
}

/* The corners of the scale land in the quadrants they name, and a point in
 * the middle of a quadrant lands strictly inside it. */
static void quadrant_placement(void **state)
{
	(void)state;
	const struct chart_point p[] = {
	    {"top right", 10, 10, NULL},   {"bottom left", 0, 0, NULL},	       {"top left", 0, 10, NULL},
	    {"bottom right", 10, 0, NULL}, {"inner top left", 2.5, 7.5, NULL}, {"over the top", 25, -3, NULL},
	};
	struct doc *d = quadrant(&QSPEC, p, 6);
	check_frame(d, "q1", "img", "Interessentkart", "Interessenter etter påvirkning og interesse.");
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 6);
	static const char *const where[] = {"tr", "bl", "tl", "br", "tl", "br"};
	for (int i = 0; i < 6; i++) {
		double x, y;
		dot(d, i, &x, &y);
		if (!in_box(quadrant_area(d, where[i]), x, y))
			fail_msg("point %d (%s) at (%g, %g) is not in quadrant %s", i, p[i].label, x, y, where[i]);
	}
	/* The inner point is in the middle of the top-left quadrant. */
	struct box tl = quadrant_area(d, "tl");
	double x, y;
	dot(d, 4, &x, &y);
	assert_true(fabs(x - (tl.x + tl.w / 2)) < 0.11 && fabs(y - (tl.y + tl.h / 2)) < 0.11);
	/* The quadrant names are written. */
	int q = find(d, "text", "varde-chart-qname", 0);
	assert_true(q >= 0);
	assert_string_equal(buf_str(&d->el[q].text), "Hold tilfreds");
	doc_free(d);
}

/* Points at one position are fanned out: all visible, apart, in order, and
 * still inside their quadrant (even in its corner); the result is the same
 * every time. */
static void quadrant_fans_out_shared_positions(void **state)
{
	(void)state;
	struct chart_point p[7];
	for (int i = 0; i < 7; i++)
		p[i] = (struct chart_point){"same", 10, 10, NULL};
	p[6] = (struct chart_point){"elsewhere", 1, 1, NULL};
	struct doc *d = quadrant(&QSPEC, p, 7);
	struct box tr = quadrant_area(d, "tr");
	double xs[6], ys[6];
	for (int i = 0; i < 6; i++) {
		dot(d, i, &xs[i], &ys[i]);
		assert_true(in_box(tr, xs[i], ys[i]));
		for (int j = 0; j < i; j++)
			if (hypot(xs[i] - xs[j], ys[i] - ys[j]) < 14)
				fail_msg("points %d and %d overlap: (%g, %g) (%g, %g)", j, i, xs[j], ys[j], xs[i],
					 ys[i]);
	}
	double x, y;
	dot(d, 6, &x, &y);
	assert_true(in_box(quadrant_area(d, "bl"), x, y));
	doc_free(d);
	struct buf a = {0}, b = {0};
	chart_quadrant(&a, &QSPEC, p, 7);
	chart_quadrant(&b, &QSPEC, p, 7);
	assert_string_equal(buf_str(&a), buf_str(&b));
	buf_free(&a);
	buf_free(&b);
}

/* Nothing, one point, NaN coordinates (left out), a max that is zero or NaN
 * (taken from the data, no division by zero), all points equal. */
static void quadrant_edge_cases(void **state)
{
	(void)state;
	struct chart_quadrant_spec s = QSPEC;
	struct doc *d = quadrant(&s, NULL, 0);
	check_frame(d, "q1", "img", "Interessentkart", "Interessenter");
	assert_int_equal(count(d, "circle", NULL), 0);
	assert_int_equal(count(d, "rect", "varde-chart-q"), 4);
	doc_free(d);

	const struct chart_point one = {"Eneste", 5, 5, NULL};
	d = quadrant(&s, &one, 1);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 1);
	doc_free(d);

	const struct chart_point p[] = {{"a", NAN, 1, NULL}, {"b", 3, NAN, NULL}, {"c", 4, 4, NULL}, {"d", 4, 4, NULL}};
	d = quadrant(&s, p, 4);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 2);
	doc_free(d);

	const double maxes[] = {0, NAN, -5, INFINITY};
	for (size_t k = 0; k < sizeof maxes / sizeof maxes[0]; k++) {
		s.max = maxes[k];
		d = quadrant(&s, p, 4);
		struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
		double x, y;
		dot(d, 0, &x, &y);
		assert_true(in_box(frame, x, y));
		doc_free(d);
		const struct chart_point zero = {"null", 0, 0, NULL};
		d = quadrant(&s, &zero, 1); /* nothing to scale by: max becomes 1 */
		dot(d, 0, &x, &y);
		assert_true(in_box(quadrant_area(d, "bl"), x, y));
		doc_free(d);
	}
}

/* Hostile and long labels: escaped (the parser gives them back intact in the
 * tooltip), truncated by characters with "…", never split inside UTF-8. */
static void quadrant_labels(void **state)
{
	(void)state;
	const struct chart_point p[] = {{NASTY, 1, 1, NULL}, {NORDIC, 2, 2, NULL}, {EMOJI, 3, 3, NULL}};
	struct chart_quadrant_spec s = QSPEC;
	s.title = "Tittel med <tegn> & \"sitat\"";
	s.quadrant[1] = NORDIC;
	struct doc *d = quadrant(&s, p, 3);
	check_frame(d, "q1", "img", s.title, "Interessenter");
	int k = -1;
	for (int i = 0; i < 3; i++) {
		k = find(d, "g", "varde-chart-point", k + 1);
		assert_true(k >= 0);
		assert_string_equal(tooltip(d, k), p[i].label);
		int t = find(d, "text", "varde-chart-label", k);
		const char *shown = buf_str(&d->el[t].text);
		assert_int_equal(utf8_length(shown), CHART_LABEL_CHARS);
		assert_true(strlen(shown) >= 3 && strcmp(shown + strlen(shown) - 3, ELLIPSIS) == 0);
		assert_true(strncmp(shown, p[i].label, strlen(shown) - 3) == 0);
	}
	doc_free(d);
}

/* A point with a link is an <a href> named by its full label; a chart with
 * links is a group (role="img" would hide the links from screen readers); a
 * javascript: link is not written at all. */
static void quadrant_links(void **state)
{
	(void)state;
	const struct chart_point p[] = {{"Rådmannen", 8, 9, "/projects/1/stakeholders/2"},
					{"Skolen", 2, 3, "javascript:alert(1)"},
					{"Barn & unge", 5, 5, NULL}};
	struct doc *d = quadrant(&QSPEC, p, 3);
	check_frame(d, "q1", "group", "Interessentkart", "Interessenter");
	assert_int_equal(count(d, "a", NULL), 1);
	int a = find(d, "a", NULL, 0);
	assert_string_equal(attr(&d->el[a], "href"), "/projects/1/stakeholders/2");
	assert_string_equal(attr(&d->el[a], "aria-label"), "Rådmannen");
	assert_int_equal(find(d, "circle", NULL, a), a + 1); /* the dot is inside the link */
	assert_int_equal(d->el[a + 1].parent, a);
	doc_free(d);
	d = quadrant(&QSPEC, p + 1, 2);
	check_frame(d, "q1", "img", "Interessentkart", "Interessenter");
	doc_free(d);
}

/* More than CHART_MAX_POINTS: the first ones are drawn and the desc says so. */
static void quadrant_bounded(void **state)
{
	(void)state;
	struct chart_point *p = calloc(700, sizeof *p);
	assert_non_null(p);
	for (int i = 0; i < 700; i++)
		p[i] = (struct chart_point){"p", i % 11, i % 7, NULL};
	struct chart_quadrant_spec s = QSPEC;
	s.cut_note = "Bare de første vises.";
	struct doc *d = quadrant(&s, p, 700);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), CHART_MAX_POINTS);
	assert_non_null(strstr(buf_str(&d->el[2].text), "Bare de første vises. (500/700)"));
	doc_free(d);
	free(p);
}

/* The id is cleaned to what is safe in references. */
static void chart_id_cleaned(void **state)
{
	(void)state;
	struct chart_quadrant_spec s = QSPEC;
	s.id = "a b<c>\"d";
	struct doc *d = quadrant(&s, NULL, 0);
	check_frame(d, "abcd", "img", "Interessentkart", "");
	doc_free(d);
	s.id = "<>";
	d = quadrant(&s, NULL, 0);
	check_frame(d, "chart", "img", "Interessentkart", "");
	doc_free(d);
}

/* ---- curve ------------------------------------------------------------- */

static const struct chart_curve_spec CSPEC = {
    .id = "journey",
    .title = "Følelseskurve",
    .desc = "Følelsen i hver fase.",
    .min = -3,
    .max = 3,
    .low_label = "Negativ",
    .high_label = "Positiv",
};

static struct doc *curve(const struct chart_curve_spec *s, const char *const *labels, const double *v, int n)
{
	struct buf b = {0};
	chart_curve(&b, s, labels, v, n);
	struct doc *d = parse(buf_str(&b));
	buf_free(&b);
	return d;
}

/* The y of the middle line. */
static double middle_y(const struct doc *d)
{
	int m = find(d, "line", "varde-chart-middle", 0);
	assert_true(m >= 0);
	assert_true(num(&d->el[m], "y1") == num(&d->el[m], "y2"));
	return num(&d->el[m], "y1");
}

/* Dots where the values are, in order, a gap at NaN, zero on the zero line,
 * values written with a decimal comma, every category label written. */
static void curve_draws_scores(void **state)
{
	(void)state;
	const char *labels[] = {"Oppdager", "Søker", NASTY, "Venter", "Får svar"};
	const double v[] = {1, 2.5, NAN, -3, 0};
	struct doc *d = curve(&CSPEC, labels, v, 5);
	check_frame(d, "journey", "img", "Følelseskurve", "Følelsen i hver fase.");
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 4);
	double x[4], y[4];
	for (int i = 0; i < 4; i++)
		dot(d, i, &x[i], &y[i]);
	assert_true(x[0] < x[1] && x[1] < x[2] && x[2] < x[3]);
	assert_true(y[1] < y[0] && y[0] < y[3] && y[3] < y[2]); /* 2.5 above 1 above 0 above -3 */
	assert_true(fabs(y[3] - middle_y(d)) < 0.01);
	struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
	assert_true(fabs(y[2] - (frame.y + frame.h)) < 0.01); /* -3 is the bottom */
	int p = find(d, "path", "varde-chart-line", 0);
	assert_true(p >= 0);
	const char *path = attr(&d->el[p], "d");
	int moves = 0;
	for (const char *c = path; *c; c++)
		moves += *c == 'M';
	assert_int_equal(moves, 2); /* the NaN splits the line in two */
	int t = find(d, "text", "varde-chart-value", 0);
	t = find(d, "text", "varde-chart-value", t + 1);
	assert_string_equal(buf_str(&d->el[t].text), "2,5");
	assert_int_equal(count(d, "g", "varde-chart-cat"), 5);
	int cat = find(d, "g", "varde-chart-cat", 0);
	cat = find(d, "g", "varde-chart-cat", cat + 1);
	cat = find(d, "g", "varde-chart-cat", cat + 1);
	assert_string_equal(tooltip(d, cat), NASTY);
	doc_free(d);
}

/* n == 0, n == 1, all NaN, all equal with no usable range, values outside
 * the range: well-formed, nothing divided by zero, every dot in the frame. */
static void curve_edge_cases(void **state)
{
	(void)state;
	struct chart_curve_spec s = CSPEC;
	struct doc *d = curve(&s, NULL, NULL, 0);
	check_frame(d, "journey", "img", "Følelseskurve", "Følelsen");
	assert_int_equal(count(d, "circle", NULL), 0);
	assert_int_equal(count(d, "path", "varde-chart-line"), 0);
	doc_free(d);

	const char *one[] = {EMOJI};
	const double v1 = 2;
	d = curve(&s, one, &v1, 1);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 1);
	assert_int_equal(count(d, "path", "varde-chart-line"), 0);
	doc_free(d);

	const double nan3[] = {NAN, NAN, NAN};
	d = curve(&s, NULL, nan3, 3);
	assert_int_equal(count(d, "circle", NULL), 0);
	assert_int_equal(count(d, "path", "varde-chart-line"), 0);
	doc_free(d);

	s.min = s.max = 2; /* not a range: taken from the data */
	const double same[] = {4, 4, 4};
	const double outside[] = {-10, 7, 99};
	const double *sets[] = {same, outside};
	for (int k = 0; k < 2; k++) {
		d = curve(k ? &CSPEC : &s, NULL, sets[k], 3);
		struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
		for (int i = 0; i < 3; i++) {
			double x, y;
			dot(d, i, &x, &y);
			assert_true(in_box(frame, x, y));
		}
		doc_free(d);
	}
	d = curve(&s, NULL, same, 3);
	double x, y;
	dot(d, 0, &x, &y);
	assert_true(fabs(y - middle_y(d)) < 0.01); /* equal values sit in the middle */
	doc_free(d);
}

/* ---- series ------------------------------------------------------------ */

static const struct chart_series_point INTER[] = {{19905, 60}, {20089, 70}};

static struct chart_series_spec series_spec(void)
{
	struct chart_series_spec s = {
	    .id = "ind7",
	    .title = "Andel digitale søknader",
	    .desc = "Målinger, plan og mål.",
	    .unit = "%",
	    .has_baseline = true,
	    .has_target = true,
	    .baseline = {19723, 40}, /* 01.01.2024 */
	    .target = {20454, 90},   /* 01.01.2026 */
	    .intermediate = INTER,
	    .nintermediate = 2,
	    .measured_label = "Målt",
	    .plan_label = "Plan",
	    .baseline_label = "Utgangspunkt",
	    .target_label = "Mål",
	    .intermediate_label = "Delmål",
	};
	return s;
}

static struct doc *series(const struct chart_series_spec *s, const struct chart_series_point *p, int n)
{
	struct buf b = {0};
	chart_series(&b, s, p, n);
	struct doc *d = parse(buf_str(&b));
	buf_free(&b);
	return d;
}

/* The plan line, not the legend's sample of it. */
static int plan_line(const struct doc *d)
{
	for (int i = find(d, "line", "varde-chart-plan", 0); i >= 0; i = find(d, "line", "varde-chart-plan", i + 1))
		if (!inside(d, i, "varde-chart-legend"))
			return i;
	return -1;
}

/* The centre of the first marker of class cls outside the legend (square,
 * diamond or triangle, read back from its geometry). */
static void marker(const struct doc *d, const char *cls, double *x, double *y)
{
	for (int i = 0; i < d->n; i++) {
		if (!has_class(&d->el[i], cls) || inside(d, i, "varde-chart-legend"))
			continue;
		if (strcmp(d->el[i].name, "rect") == 0) {
			struct box r = rect_of(d, i);
			*x = r.x + r.w / 2;
			*y = r.y + r.h / 2;
		} else {
			assert_int_equal(sscanf(attr(&d->el[i], "d"), "M%lf %lf", x, y), 2);
			*y += strcmp(cls, "varde-chart-target") == 0 ? 8 : 7;
		}
		return;
	}
	fail_msg("no marker %s", cls);
}

/* Reads the tick numbers back (they are Norwegian numbers) and the dates. */
static void ticks(const struct doc *d, double *vmin, double *vmax, int *ndates)
{
	*vmin = INFINITY;
	*vmax = -INFINITY;
	*ndates = 0;
	for (int i = find(d, "text", "varde-chart-tick", 0); i >= 0; i = find(d, "text", "varde-chart-tick", i + 1)) {
		const char *t = buf_str(&d->el[i].text);
		char iso[11];
		double v;
		if (parse_date(t, iso)) {
			assert_int_equal(strlen(t), 10);
			++*ndates;
		} else if (parse_number(t, false, &v)) {
			*vmin = fmin(*vmin, v);
			*vmax = fmax(*vmax, v);
		} else {
			fail_msg("tick \"%s\" is neither a date nor a number", t);
		}
	}
}

/* Baseline → target plan line between the two markers; a measurement before
 * the baseline is still inside; the y axis covers every value; ticks read
 * back as numbers and DD.MM.YYYY dates; markers have their tooltips. */
static void series_plan_and_ranges(void **state)
{
	(void)state;
	struct chart_series_spec s = series_spec();
	const struct chart_series_point p[] = {{20200, 75.5}, {19700, 12}, {19800, 45}, {20000, NAN}, {19950, 1234.5}};
	struct doc *d = series(&s, p, 5);
	check_frame(d, "ind7", "img", "Andel digitale søknader", "Målinger, plan og mål.");
	struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
	int pl = plan_line(d);
	assert_true(pl >= 0);
	double bx, by, tx, ty;
	marker(d, "varde-chart-baseline", &bx, &by);
	marker(d, "varde-chart-target", &tx, &ty);
	assert_true(fabs(num(&d->el[pl], "x1") - bx) < 0.11 && fabs(num(&d->el[pl], "y1") - by) < 0.11);
	assert_true(fabs(num(&d->el[pl], "x2") - tx) < 0.11 && fabs(num(&d->el[pl], "y2") - ty) < 0.11);
	assert_true(tx > bx && ty < by);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 4 + 1); /* NaN left out; one in the legend */
	double xs[4], ys[4];
	for (int i = 0; i < 4; i++) {
		dot(d, i, &xs[i], &ys[i]);
		assert_true(in_box(frame, xs[i], ys[i]));
	}
	assert_true(xs[0] < bx);		   /* sorted by day: 19700 first, before the baseline */
	assert_true(fabs(xs[0] - frame.x) < 0.11); /* and it is the earliest day */
	assert_int_equal(count(d, "path", "varde-chart-milestone") - 1, 2);
	double vmin, vmax;
	int ndates;
	ticks(d, &vmin, &vmax, &ndates);
	assert_true(vmin <= 12 && vmax >= 1234.5);
	assert_true(ndates >= 2);
	int g = find(d, "g", "varde-chart-point", 0);
	assert_string_equal(tooltip(d, g), "09.12.2023: 12 %"); /* day 19700 */
	g = find(d, "g", "varde-chart-mark", 0);
	for (; g >= 0 && strncmp(tooltip(d, g), "Utgangspunkt", 12) != 0; g = find(d, "g", "varde-chart-mark", g + 1))
		;
	assert_true(g >= 0);
	assert_string_equal(tooltip(d, g), "Utgangspunkt 01.01.2024: 40 %");
	assert_int_equal(count(d, "text", "varde-chart-label"), 5); /* the legend */
	doc_free(d);
}

/* The y axis reaches the baseline, the target and the intermediate targets
 * even when they lie far outside the measurements, and the x axis every day. */
static void series_range_covers_plan(void **state)
{
	(void)state;
	struct chart_series_spec s = series_spec();
	const struct chart_series_point inter[] = {{20000, 800}};
	s.baseline = (struct chart_series_point){19000, -50};
	s.target = (struct chart_series_point){21000, 500};
	s.intermediate = inter;
	s.nintermediate = 1;
	const struct chart_series_point p[] = {{19500, 10}, {19600, 20}};
	struct doc *d = series(&s, p, 2);
	double vmin, vmax, bx, by, tx, ty, mx, my, x0, y0;
	int ndates;
	ticks(d, &vmin, &vmax, &ndates);
	assert_true(vmin <= -50 && vmax >= 800);
	struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
	marker(d, "varde-chart-baseline", &bx, &by);
	marker(d, "varde-chart-target", &tx, &ty);
	marker(d, "varde-chart-milestone", &mx, &my);
	dot(d, 0, &x0, &y0);
	assert_true(in_box(frame, bx, by) && in_box(frame, tx, ty) && in_box(frame, mx, my));
	assert_true(my < ty && ty < y0 && y0 < by); /* 800 above 500 above 10 above -50 */
	assert_true(bx < x0 && x0 < mx && mx < tx); /* in day order */
	assert_true(fabs(bx - frame.x) < 0.11 && fabs(tx - (frame.x + frame.w)) < 0.11);
	doc_free(d);
}

/* Large numbers are written with thin spaces and a decimal comma. */
static void series_number_format(void **state)
{
	(void)state;
	struct chart_series_spec s = series_spec();
	s.has_baseline = s.has_target = false;
	s.nintermediate = 0;
	const struct chart_series_point p[] = {{19723, 1000000}, {19800, 3000000}};
	struct doc *d = series(&s, p, 2);
	bool seen = false;
	for (int i = find(d, "text", "varde-chart-tick", 0); i >= 0; i = find(d, "text", "varde-chart-tick", i + 1))
		seen |= strcmp(buf_str(&d->el[i].text), "2" NNBSP "000" NNBSP "000") == 0;
	assert_true(seen);
	assert_int_equal(plan_line(d), -1);
	doc_free(d);
}

/* n == 0 without anything, n == 1, target == baseline, all values equal,
 * NaN baseline (absent), infinite and huge values: well-formed, no division
 * by zero, every dot in the frame. */
static void series_edge_cases(void **state)
{
	(void)state;
	struct chart_series_spec s = series_spec();
	struct chart_series_spec none = {.id = "e", .title = "Tom", .desc = "Ingen data."};
	struct doc *d = series(&none, NULL, 0);
	check_frame(d, "e", "img", "Tom", "Ingen data.");
	assert_int_equal(count(d, "circle", NULL), 0);
	doc_free(d);

	const struct chart_series_point one = {19723, 5};
	d = series(&none, &one, 1);
	assert_int_equal(count(d, "circle", "varde-chart-dot"), 1);
	doc_free(d);

	s.target = s.baseline; /* target == baseline: a zero-length plan */
	s.nintermediate = 0;
	const struct chart_series_point eq[] = {{19723, 40}, {19723, 40}, {19723, 40}};
	d = series(&s, eq, 3);
	struct box frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
	assert_true(plan_line(d) >= 0);
	for (int i = 0; i < 3; i++) {
		double x, y;
		dot(d, i, &x, &y);
		assert_true(in_box(frame, x, y));
		assert_true(x > frame.x && x < frame.x + frame.w); /* one day: padded, drawn in the middle */
	}
	doc_free(d);

	s = series_spec(); /* hostile words in the unit and the legend */
	s.unit = NASTY;
	s.target_label = EMOJI;
	d = series(&s, eq, 3);
	check_frame(d, "ind7", "img", "Andel digitale søknader", "Målinger");
	bool seen = false;
	for (int t = find(d, "text", "varde-chart-label", 0); t >= 0; t = find(d, "text", "varde-chart-label", t + 1)) {
		const char *shown = buf_str(&d->el[t].text);
		assert_true(utf8_length(shown) <= CHART_LABEL_CHARS);
		seen |= strlen(shown) > 3 && strncmp(shown, EMOJI, strlen(shown) - 3) == 0 && strstr(shown, ELLIPSIS);
	}
	assert_true(seen);
	int g = find(d, "g", "varde-chart-mark", 0);
	for (; g >= 0 && strncmp(tooltip(d, g), EMOJI, 8) != 0; g = find(d, "g", "varde-chart-mark", g + 1))
		;
	assert_true(g >= 0);
	assert_non_null(strstr(tooltip(d, g), NASTY)); /* the unit, whole, in the tooltip */
	doc_free(d);

	s = series_spec();
	s.baseline.value = NAN;
	const struct chart_series_point wild[] = {{-99999999, INFINITY}, {99999999, -1e300}, {0, NAN}};
	d = series(&s, wild, 3);
	assert_int_equal(count(d, "rect", "varde-chart-baseline"), 0); /* neither marker nor legend entry */
	assert_int_equal(plan_line(d), -1);
	frame = rect_of(d, find(d, "rect", "varde-chart-frame", 0));
	for (int i = 0; i < 2; i++) {
		double x, y;
		dot(d, i, &x, &y);
		assert_true(in_box(frame, x, y));
	}
	doc_free(d);
}

/* ---- graph ------------------------------------------------------------- */

static const char *const COLS[] = {"Tiltak", "Effekter", "Gevinster", "Mål"};

static struct doc *graph(const struct chart_graph_spec *s, const struct chart_node *nodes, int n,
			 const struct chart_edge *e, int m)
{
	struct buf b = {0};
	chart_graph(&b, s, nodes, n, e, m);
	struct doc *d = parse(buf_str(&b));
	buf_free(&b);
	return d;
}

/* The box of node i. */
static struct box node_box(const struct doc *d, int i)
{
	int k = -1;
	for (int j = 0; j <= i; j++) {
		k = find(d, "rect", "varde-chart-box", k + 1);
		assert_true(k >= 0);
	}
	return rect_of(d, k);
}

/* Boxes in their columns left to right, arrows from the right side of one box
 * to the left side of the next, unknown indexes and loops left out, the
 * marker defined under the chart's id, labels wrapped to at most three lines
 * of 24 characters. */
static void graph_columns_and_edges(void **state)
{
	(void)state;
	const struct chart_node nodes[] = {
	    {"Digital søknad", 0, "/p/1/b/1"},
	    {NORDIC, 0, NULL},
	    {"Kortere saksbehandling", 1, NULL},
	    {EMOJI, 2, NULL},
	    {NASTY, 3, NULL},
	};
	const struct chart_edge edges[] = {{0, 2}, {1, 2}, {2, 3}, {3, 4}, {0, 99}, {-1, 2}, {2, 2}, {4, 0}};
	struct chart_graph_spec s = {
	    .id = "map", .title = "Gevinstkart", .desc = "Fra tiltak til mål.", .column_titles = COLS, .ncolumns = 4};
	struct doc *d = graph(&s, nodes, 5, edges, 8);
	check_frame(d, "map", "group", "Gevinstkart", "Fra tiltak til mål.");
	assert_int_equal(count(d, "rect", "varde-chart-box"), 5);
	for (int i = 1; i < 5; i++)
		if (nodes[i].column > nodes[i - 1].column)
			assert_true(node_box(d, i).x > node_box(d, i - 1).x);
	assert_true(node_box(d, 1).y > node_box(d, 0).y);
	/* Five edges: four forward and one backward; 0→99, -1→2 and 2→2 are not drawn. */
	assert_int_equal(count(d, "path", "varde-chart-edge"), 5);
	assert_int_equal(count(d, "path", "varde-chart-edge-back"), 1);
	int mk = find(d, "marker", NULL, 0);
	assert_true(mk >= 0);
	assert_string_equal(attr(&d->el[mk], "id"), "map-arrow");
	int e = find(d, "path", "varde-chart-edge", 0);
	assert_string_equal(attr(&d->el[e], "marker-end"), "url(#map-arrow)");
	double x1, y1, x2, y2;
	const char *path = attr(&d->el[e], "d");
	assert_int_equal(sscanf(path, "M%lf %lfC%*f %*f %*f %*f %lf %lf", &x1, &y1, &x2, &y2), 4);
	struct box from = node_box(d, 0), to = node_box(d, 2);
	assert_true(fabs(x1 - (from.x + from.w)) < 0.11 && fabs(y1 - (from.y + from.h / 2)) < 0.11);
	assert_true(fabs(x2 - to.x) < 0.11 && fabs(y2 - (to.y + to.h / 2)) < 0.11);
	/* Titles of the columns. */
	assert_int_equal(count(d, "g", "varde-chart-coltitle"), 4);
	/* Wrapped labels: at most three lines of at most 24 characters. */
	for (int t = find(d, "text", "varde-chart-label", 0); t >= 0; t = find(d, "text", "varde-chart-label", t + 1)) {
		int lines = 0;
		for (int k = t + 1; k < d->n && d->el[k].parent == t; k++, lines++)
			assert_true(utf8_length(buf_str(&d->el[k].text)) <= 24);
		assert_true(lines <= 3);
		if (lines == 0)
			assert_true(utf8_length(buf_str(&d->el[t].text)) <= 24);
	}
	/* The link. */
	int a = find(d, "a", NULL, 0);
	assert_string_equal(attr(&d->el[a], "href"), "/p/1/b/1");
	assert_string_equal(attr(&d->el[a], "aria-label"), "Digital søknad");
	int g = find(d, "g", "varde-chart-node", 0);
	g = find(d, "g", "varde-chart-node", g + 1);
	assert_string_equal(tooltip(d, g), NORDIC);
	doc_free(d);
}

/* No nodes, no edges, edges without nodes, columns from the data, nodes in
 * columns beyond the spec's, and the bounds. */
static void graph_edge_cases(void **state)
{
	(void)state;
	struct chart_graph_spec s = {.id = "g0", .title = "Tomt kart", .desc = "Ingenting ennå."};
	struct doc *d = graph(&s, NULL, 0, NULL, 0);
	check_frame(d, "g0", "img", "Tomt kart", "Ingenting ennå.");
	assert_int_equal(count(d, "rect", NULL), 0);
	doc_free(d);

	const struct chart_edge e[] = {{0, 1}};
	d = graph(&s, NULL, 0, e, 1);
	assert_int_equal(count(d, "path", "varde-chart-edge"), 0);
	doc_free(d);

	const struct chart_node lone = {EMOJI, 0, "javascript:void(0)"};
	const struct chart_edge self[] = {{0, 0}, {0, 1}, {1, 0}};
	d = graph(&s, &lone, 1, self, 3);
	check_frame(d, "g0", "img", "Tomt kart", "Ingenting");
	assert_int_equal(count(d, "rect", "varde-chart-box"), 1);
	assert_int_equal(count(d, "path", "varde-chart-edge"), 0);
	assert_int_equal(count(d, "a", NULL), 0);
	doc_free(d);

	const struct chart_node nodes[] = {{"a", 0, NULL}, {"b", 7, NULL}, {"c", -4, NULL}};
	d = graph(&s, nodes, 3, e, 1);
	assert_int_equal(count(d, "rect", "varde-chart-box"), 3);
	assert_true(node_box(d, 1).x > node_box(d, 0).x);
	assert_true(node_box(d, 2).x == node_box(d, 0).x);
	doc_free(d);
	s.ncolumns = 2;
	s.column_titles = COLS;
	d = graph(&s, nodes, 3, e, 1);
	assert_int_equal(count(d, "g", "varde-chart-coltitle"), 2);
	assert_true(node_box(d, 1).x > node_box(d, 0).x); /* column 7 drawn in the last column */
	doc_free(d);

	struct chart_node *many = calloc(600, sizeof *many);
	struct chart_edge *links = calloc(2500, sizeof *links);
	assert_true(many && links);
	for (int i = 0; i < 600; i++)
		many[i] = (struct chart_node){"n", i % 4, NULL};
	for (int i = 0; i < 2500; i++)
		links[i] = (struct chart_edge){i % 600, (i * 7 + 1) % 600};
	s.ncolumns = 4;
	d = graph(&s, many, 600, links, 2500);
	assert_int_equal(count(d, "rect", "varde-chart-box"), CHART_MAX_NODES);
	assert_true(count(d, "path", "varde-chart-edge") <= CHART_MAX_EDGES);
	assert_non_null(strstr(buf_str(&d->el[2].text), "(2500/3100)"));
	doc_free(d);
	free(many);
	free(links);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(helpers_format_number),
	    cmocka_unit_test(helpers_decimals_and_steps),
	    cmocka_unit_test(helpers_dates),
	    cmocka_unit_test(helpers_wrap),
	    cmocka_unit_test(helpers_put_text),
	    cmocka_unit_test(quadrant_placement),
	    cmocka_unit_test(quadrant_fans_out_shared_positions),
	    cmocka_unit_test(quadrant_edge_cases),
	    cmocka_unit_test(quadrant_labels),
	    cmocka_unit_test(quadrant_links),
	    cmocka_unit_test(quadrant_bounded),
	    cmocka_unit_test(chart_id_cleaned),
	    cmocka_unit_test(curve_draws_scores),
	    cmocka_unit_test(curve_edge_cases),
	    cmocka_unit_test(series_plan_and_ranges),
	    cmocka_unit_test(series_range_covers_plan),
	    cmocka_unit_test(series_number_format),
	    cmocka_unit_test(series_edge_cases),
	    cmocka_unit_test(graph_columns_and_edges),
	    cmocka_unit_test(graph_edge_cases),
	};
	return RUN_TESTS(tests);
}
