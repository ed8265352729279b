# fuzz.mk — libFuzzer harnesses (included by the Makefile). Filled in by tests/fuzz/.
.PHONY: fuzz fuzz-replay
fuzz:
	@echo "no fuzz harnesses yet"
fuzz-replay:
	@true
