/* markdown.c — see markdown.h. */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char *markdown_to_html(const char *text)
{
	/* Registering is idempotent and thread-safe after the first call, which
	 * happens at start-up when the methodologies load. */
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	static const char *const exts[] = {"table", "strikethrough", "autolink"};
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, text, strlen(text));
	cmark_node *doc = cmark_parser_finish(p);
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(p));
	cmark_node_free(doc);
	cmark_parser_free(p);
	if (!html)
		return xstrdup("");
	char *out = xstrdup(html);
	free(html);
	return out;
}
