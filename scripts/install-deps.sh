#!/bin/sh
# install-deps.sh run|check — install what Varde needs on Debian 12 and is
# missing: system packages with apt-get, front-end and test packages with npm
# (pinned by web/package-lock.json). Installs nothing that is already there,
# so it costs a second once everything is in place.
#   run:   what building and serving needs
#   check: also what the tests need (clang with sanitizers, cmocka, PostgreSQL,
#          Chromium)
#   bench: also what make bench, crashtest and soak need (wrk, nginx)
set -eu
cd "$(dirname "$0")/.."
mode=${1:-run}

RUN_PKGS="build-essential pkg-config git gzip ca-certificates gettext libmicrohttpd-dev libsqlite3-dev libpq-dev \
libsodium-dev libjansson-dev libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev"
CHECK_PKGS="clang libclang-rt-14-dev libcmocka-dev libexpat1-dev cppcheck sqlite3 postgresql postgresql-client chromium"

want="$RUN_PKGS"
BENCH_PKGS="wrk nginx"
[ "$mode" = check ] && want="$want $CHECK_PKGS"
[ "$mode" = bench ] && want="$want $CHECK_PKGS $BENCH_PKGS"
command -v node >/dev/null 2>&1 || want="$want nodejs"
command -v npm >/dev/null 2>&1 || want="$want npm"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
	echo "install-deps: installing$missing"
	SUDO=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
		SUDO=sudo
	fi
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# Front-end and test packages, exactly as locked. Playwright must never
# download a browser: the tests use Debian's Chromium.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
	echo "install-deps: npm ci (web/)"
	(cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
