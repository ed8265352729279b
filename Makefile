# Varde — build, run and test. `make run` and `make check` are all a newcomer
# needs; both install what is missing first (scripts/install-deps.sh).

CC        ?= gcc
PKGS      := libmicrohttpd sqlite3 libpq libsodium yaml-0.1 libcmark-gfm jansson libarchive
VERSION   := $(shell git describe --always --dirty 2>/dev/null || echo 0.1.0)
WARN      := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla \
             -Wimplicit-fallthrough -Wno-missing-field-initializers
CFLAGS    ?= -O2 -g
ALLCFLAGS := -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
             -DVARDE_VERSION='"$(VERSION)"' -Isrc/core $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS      := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lpthread -lm
WERROR    ?= -Werror

SRC       := $(sort $(wildcard src/*/*.c))
MAIN      := src/main.c
B         := build
GEN       := $(B)/gen
OBJ       := $(SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/assets_data.o
ASAN_OBJ  := $(SRC:src/%.c=$(B)/asan/%.o) $(B)/asan/assets_data.o
ASAN_FLAGS:= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g
UNIT      := $(sort $(wildcard tests/unit/test_*.c))
# Unit tests link cmocka, and expat to check that generated SVG is well-formed XML.
UNIT_LIBS := -lcmocka -lexpat

DS_CSS    := web/node_modules/@digdir/designsystemet-css/dist/src/index.css
DS_THEME  := web/node_modules/@digdir/designsystemet-theme/brand/digdir.css
ASSETS    := css/designsystemet.css=$(DS_CSS) css/theme.css=$(DS_THEME) css/varde.css=assets/css/varde.css \
             i18n/nb.mo=$(GEN)/nb.mo
METHOD_FILES := $(sort $(wildcard methodologies/*/*.yaml methodologies/*/*/*.yaml))
ASSETS    += $(foreach f,$(METHOD_FILES),$(f)=$(f))
ASSET_FILES := $(DS_CSS) $(DS_THEME) assets/css/varde.css $(GEN)/nb.mo $(METHOD_FILES)

.PHONY: all run check deps deps-check build unit unit-asan http http-asan browser pg lint cppcheck clang-check po-check \
        po-update clean format

all: $(B)/varde

# ---- build -------------------------------------------------------------
$(B)/varde: $(OBJ) $(B)/obj/main.o
	$(CC) -o $@ $^ $(LIBS) -Wl,-z,relro,-z,now

$(B)/obj/%.o: src/%.c $(wildcard src/*/*.h) src/routes.def | lint
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(ALLCFLAGS) $(WERROR) -c -o $@ $<

$(B)/obj/assets_data.o: $(GEN)/assets_data.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -w -c -o $@ $<

$(B)/embed: tools/embed.c
	@mkdir -p $(B)
	$(CC) -O2 -o $@ $<

$(GEN)/nb.mo: po/nb.po
	@mkdir -p $(GEN)
	msgfmt --check -o $@ $<

$(DS_CSS) $(DS_THEME) &: web/package-lock.json
	cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $(DS_CSS) $(DS_THEME)

# Each web asset is also embedded gzip-compressed (served when the client accepts it).
$(GEN)/assets_data.c: $(B)/embed $(ASSET_FILES)
	@mkdir -p $(GEN)/gz
	@set -e; args=""; for spec in $(ASSETS); do name=$${spec%%=*}; path=$${spec#*=}; \
	  case $$name in *.css|*.js|*.svg) gz=$(GEN)/gz/$$(echo $$name | tr / _).gz; gzip -9 -n -c $$path > $$gz; \
	    args="$$args $$name=$$path,$$gz";; *) args="$$args $$name=$$path";; esac; done; \
	  $(B)/embed $@ $$args

# The sanitizer build (clang): unit and HTTP tests run against it too.
$(B)/asan/varde: $(ASAN_OBJ) $(B)/asan/main.o
	clang $(ASAN_FLAGS) -o $@ $^ $(LIBS)

$(B)/asan/%.o: src/%.c $(wildcard src/*/*.h) src/routes.def
	@mkdir -p $(dir $@)
	@echo "  ASAN  $<"
	@clang $(filter-out -O2 -D_FORTIFY_SOURCE=2,$(ALLCFLAGS)) $(ASAN_FLAGS) -Werror -c -o $@ $<

$(B)/asan/assets_data.o: $(GEN)/assets_data.c
	@mkdir -p $(dir $@)
	clang $(filter-out -O2 -D_FORTIFY_SOURCE=2,$(ALLCFLAGS)) $(ASAN_FLAGS) -w -c -o $@ $<

# ---- run ---------------------------------------------------------------
deps:
	@scripts/install-deps.sh run

deps-check:
	@scripts/install-deps.sh check

run: deps
	@$(MAKE) --no-print-directory $(B)/varde
	@mkdir -p var
	$(B)/varde serve

# The same, first filled with an invented example (varde demo): a regional
# pilot network with four municipalities. Fills only an empty database
# (VARDE_DB, default sqlite:var/varde.db) and refuses one that has projects.
.PHONY: demo
demo: deps
	@$(MAKE) --no-print-directory $(B)/varde
	@mkdir -p var
	$(B)/varde demo
	$(B)/varde serve

# ---- tests -------------------------------------------------------------
# Everything: lint, gcc and clang builds, unit tests (plain and sanitized),
# HTTP and browser tests on SQLite and on a PostgreSQL the run starts itself.
check: deps-check
	@$(MAKE) --no-print-directory lint po-check cppcheck $(B)/varde clang-check
	@$(MAKE) --no-print-directory unit unit-asan fuzz-replay
	@$(MAKE) --no-print-directory http http-asan browser
	@scripts/pg-test.sh $(MAKE) --no-print-directory unit http browser
	@echo "make check: all suites passed"

$(B)/unit/%: tests/unit/%.c $(OBJ) tests/unit/testlib.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(WERROR) -Wno-missing-prototypes -Isrc -o $@ $< $(OBJ) $(LIBS) $(UNIT_LIBS)

$(B)/unit-asan/%: tests/unit/%.c $(ASAN_OBJ) tests/unit/testlib.h
	@mkdir -p $(dir $@)
	clang $(filter-out -O2 -D_FORTIFY_SOURCE=2,$(ALLCFLAGS)) $(ASAN_FLAGS) -Wno-missing-prototypes -Isrc -o $@ $< $(ASAN_OBJ) $(LIBS) $(UNIT_LIBS)

unit: $(UNIT:tests/unit/%.c=$(B)/unit/%)
	@set -e; for t in $^; do echo "== $$t"; $$t; done

unit-asan: $(UNIT:tests/unit/%.c=$(B)/unit-asan/%)
	@set -e; for t in $^; do echo "== $$t (asan)"; ASAN_OPTIONS=detect_leaks=1 $$t; done

HTTP_TESTS := $(sort $(wildcard tests/http/*.test.js))
BROWSER_TESTS := $(sort $(wildcard tests/browser/*.test.js))

http: $(B)/varde
	VARDE_BIN=$(B)/varde node --test $(HTTP_TESTS)

http-asan: $(B)/asan/varde
	VARDE_BIN=$(B)/asan/varde ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 node --test $(HTTP_TESTS)

browser: $(B)/varde
	VARDE_BIN=$(B)/varde node --test $(BROWSER_TESTS)

clang-check:
	@for f in $(SRC) $(MAIN); do clang $(filter-out -O2 -D_FORTIFY_SOURCE=2,$(ALLCFLAGS)) -Werror -fsyntax-only $$f || exit 1; done
	@echo "clang: no warnings"

# The escaping rule, checked before anything compiles (tools/lint-escaping.sh).
lint:
	@tools/lint-escaping.sh

# Static analysis of the C sources (part of make check).
cppcheck:
	@cppcheck --quiet --enable=warning,performance,portability --std=c11 -D_GNU_SOURCE -Isrc -Isrc/core \
	  --suppress=missingIncludeSystem --inline-suppr --error-exitcode=1 src && echo "cppcheck: clean"

po-check:
	@tools/po-check.sh

po-update:
	@tools/po-check.sh --update

format:
	clang-format -i $(SRC) $(MAIN) tools/embed.c tests/unit/*.c tests/unit/*.h

include tests/fuzz/fuzz.mk
include bench/bench.mk

clean:
	rm -rf $(B)
