#!/bin/sh
# po-check.sh — every UI string marked with _() or N_() must have a Norwegian
# translation in po/nb.po. With --update, merge new strings into po/nb.po.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/gen
xgettext --from-code=UTF-8 --language=C --keyword=_:2 --keyword=N_ --add-comments=TRANSLATORS \
	--package-name=varde -o build/gen/varde.pot $(ls src/*/*.c src/*.c | sort)
if [ "${1:-}" = "--update" ]; then
	msgmerge --no-fuzzy-matching --backup=none -q -U po/nb.po build/gen/varde.pot
	echo "po/nb.po updated"
	exit 0
fi
msgmerge --no-fuzzy-matching -q po/nb.po build/gen/varde.pot -o build/gen/nb.merged.po
missing=$(msgattrib --untranslated --no-obsolete build/gen/nb.merged.po | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete build/gen/nb.merged.po | grep -c '^msgid ' || true)
if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
	echo "po-check: po/nb.po lacks translations (untranslated entries include the header line):"
	msgattrib --untranslated --no-obsolete build/gen/nb.merged.po | grep -A1 '^msgid "[^"]' | head -40
	msgattrib --only-fuzzy --no-obsolete build/gen/nb.merged.po | grep '^msgid' | head -20
	[ "$missing" -le 0 ] && [ "$fuzzy" -eq 0 ] || exit 1
fi
echo "po-check: all $(grep -c '^msgid "[^"]' build/gen/varde.pot) strings translated"
