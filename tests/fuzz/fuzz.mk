# fuzz.mk — libFuzzer harnesses for every parser of outside input (included by
# the Makefile; see tests/fuzz/README.md).
#
#   make fuzz            build, then fuzz each target for FUZZ_SECONDS (default 60)
#   make fuzz-replay     build, then run each harness once over its stored corpus
#                        and regressions (part of make check)
#   make fuzz-<target>   fuzz one target (e.g. make fuzz-form FUZZ_SECONDS=600)
#
# The product sources are compiled again with clang, coverage instrumentation and
# ASan+UBSan into build/fuzz/obj/ and collected in build/fuzz/libvarde-fuzz.a;
# src/main.c is not linked.

FUZZ_TARGETS  := form i18n html text method archive config router measure search
FUZZ_DIR      := tests/fuzz
FUZZ_B        := $(B)/fuzz
FUZZ_SECONDS  ?= 60
FUZZ_CC       ?= clang
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1
FUZZ_CFLAGS   := $(filter-out -O2 -O3 -Os -D_FORTIFY_SOURCE=2,$(ALLCFLAGS)) -fsanitize=fuzzer-no-link $(FUZZ_SAN)
FUZZ_OBJ      := $(SRC:src/%.c=$(FUZZ_B)/obj/%.o) $(FUZZ_B)/obj/assets_data.o
FUZZ_BINS     := $(FUZZ_TARGETS:%=$(FUZZ_B)/fuzz_%)

# Largest input per target (libFuzzer -max_len), and extra seed folders that
# make fuzz reads besides tests/fuzz/corpus/<target>/.
FUZZ_MAXLEN_form    := 4096
FUZZ_MAXLEN_i18n    := 8192
FUZZ_MAXLEN_html    := 2048
FUZZ_MAXLEN_text    := 1024
FUZZ_MAXLEN_method  := 16384
FUZZ_MAXLEN_archive := 65536
FUZZ_MAXLEN_config  := 4096
FUZZ_MAXLEN_router  := 1024
FUZZ_MAXLEN_measure := 8192
FUZZ_MAXLEN_search  := 2048
FUZZ_SEEDS_method   := tests/fixtures/methodologies

.PHONY: fuzz fuzz-replay fuzz-build $(FUZZ_TARGETS:%=fuzz-%)

fuzz-build: $(FUZZ_BINS)

# Keep the objects (make would delete them as intermediate files of the pattern rules).
.SECONDARY: $(FUZZ_OBJ)

$(FUZZ_B)/obj/%.o: src/%.c $(wildcard src/*/*.h) src/routes.def
	@mkdir -p $(dir $@)
	@echo "  FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_B)/obj/assets_data.o: $(GEN)/assets_data.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -w -c -o $@ $<

# A static library, so each harness links only the objects it needs (fuzz_text
# does not pull in the route table and every page) and its cov: counts only them.
$(FUZZ_B)/libvarde-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(FUZZ_B)/fuzz_%: $(FUZZ_DIR)/fuzz_%.c $(FUZZ_DIR)/fuzz.h $(FUZZ_B)/libvarde-fuzz.a
	@mkdir -p $(dir $@)
	@echo "  FUZZLD $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -Isrc $(WERROR) -o $@ $< $(FUZZ_B)/libvarde-fuzz.a \
		-fsanitize=fuzzer $(LIBS)

# Each target for FUZZ_SECONDS; new crashes go to tests/fuzz/crashes/<target>/,
# new corpus entries to build/fuzz/corpus/<target>/ (the stored corpus is only read).
fuzz: $(FUZZ_BINS)
	@FUZZ_B=$(FUZZ_B) FUZZ_DIR=$(FUZZ_DIR) $(FUZZ_DIR)/run-fuzz.sh $(FUZZ_SECONDS) \
		$(foreach t,$(FUZZ_TARGETS),$(t):$(FUZZ_MAXLEN_$(t)):$(FUZZ_SEEDS_$(t)))

$(FUZZ_TARGETS:%=fuzz-%): fuzz-%: $(FUZZ_B)/fuzz_%
	@FUZZ_B=$(FUZZ_B) FUZZ_DIR=$(FUZZ_DIR) $(FUZZ_DIR)/run-fuzz.sh $(FUZZ_SECONDS) \
		$*:$(FUZZ_MAXLEN_$*):$(FUZZ_SEEDS_$*)

# Every stored input once (-runs=0): exits non-zero if any input crashes, leaks
# or fails a harness check.
fuzz-replay: $(FUZZ_BINS)
	@FUZZ_B=$(FUZZ_B) FUZZ_DIR=$(FUZZ_DIR) $(FUZZ_DIR)/replay.sh $(FUZZ_TARGETS)

$(FUZZ_B)/fuzz_method: $(FUZZ_DIR)/method_fixture.h $(FUZZ_DIR)/fuzz_yaml.h
$(FUZZ_B)/fuzz_archive: $(FUZZ_DIR)/fuzz_yaml.h
