#!/bin/sh
# lint-escaping.sh — the build's escaping and SQL rules (run before compiling).
#  1. Page code writes HTML only through html.h: no buf_printf in src/pages
#     or the layout, and buf_puts/buf_append there only with a string literal.
#  2. html_raw() takes a string literal, or carries a "raw-ok:" comment on the
#     same line saying why the markup is trusted.
#  3. SQL is never built at run time: db_prepare() takes a SQL_* constant or a
#     string literal (values are bound with db_bind_*).
#  4. No sprintf/strcpy/gets anywhere.
set -u
cd "$(dirname "$0")/.." || exit 2
fail=0
report() { echo "lint-escaping: $1"; fail=1; }

out=$(grep -n 'buf_printf' src/pages/*.c src/app/layout.c 2>/dev/null)
[ -n "$out" ] && report "buf_printf in page code (use html_printf):
$out"
out=$(grep -nE 'buf_(puts|append)\(' src/pages/*.c src/app/layout.c 2>/dev/null | grep -vE 'buf_(puts|append)\([^,]+, *"')
[ -n "$out" ] && report "buf_puts/buf_append with a non-literal in page code:
$out"
out=$(grep -rn 'html_raw(' src --include=*.c | grep -v 'src/core/html.c' | grep -vE 'html_raw\([^,]+, *"' | grep -v 'raw-ok:')
[ -n "$out" ] && report "html_raw() with a non-literal and no raw-ok: comment:
$out"
out=$(grep -rn 'db_prepare(' src --include=*.c | grep -v 'src/db/db.c' | grep -vE 'db_prepare\([^,]+, *(SQL_[A-Z0-9_]+|")')
[ -n "$out" ] && report "db_prepare() with SQL that is not a constant:
$out"
out=$(grep -rnE '(^|[^a-z_])(sprintf|strcpy|gets|vsprintf)\(' src --include=*.c)
[ -n "$out" ] && report "unsafe libc function:
$out"
[ $fail -eq 0 ] && echo "lint-escaping: ok"
exit $fail
