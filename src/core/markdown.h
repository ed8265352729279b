/* markdown.h — user and methodology Markdown to HTML with cmark-gfm in its
 * safe mode (raw HTML and javascript: links are not passed through), plus the
 * GFM table, strikethrough and autolink extensions. */
#ifndef VARDE_MARKDOWN_H
#define VARDE_MARKDOWN_H

/* Returns malloc'd HTML; the caller frees it. Never NULL. */
char *markdown_to_html(const char *text);

#endif
