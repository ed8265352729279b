# bench.mk — make bench, make crashtest, make soak (included by the Makefile;
# see docs/QUALITY.md). None of these is part of make check.
#
#   make bench [DB=sqlite|pg]       key pages vs nginx, memory, cold start, page weight
#                                   (both databases unless DB is given); results in
#                                   bench/results/YYYY-MM-DD-<db>.md. Always exits 0
#                                   on a slow machine: misses are reported, not failed.
#   make crashtest [DB=sqlite|pg]   SIGKILL under write load (CRASH_KILLS=60); fails on
#                                   any lost acknowledged write or integrity error
#   make soak [DB=sqlite|pg]        SOAK_REQUESTS=1000000 requests at 128 connections
#                                   (SQLite unless DB is given); fails on errors,
#                                   crashes or > 5 % memory growth
#   make bench-data                 (re)build the cached SQLite data set in bench/data/
#
# Settings pass through the environment: BENCH_SECONDS, BENCH_SCALE, BENCH_PIN,
# BENCH_THREADS, CRASH_KILLS, CRASH_WORKERS, SOAK_REQUESTS, SOAK_CONNECTIONS, …
# (see the header of each script).

.PHONY: bench crashtest soak bench-data bench-deps

DB ?=

bench-deps:
	@scripts/install-deps.sh bench
	@$(MAKE) --no-print-directory $(B)/varde

bench: bench-deps
	@if [ "$(DB)" != pg ]; then node bench/bench.js sqlite; fi
	@if [ "$(DB)" != sqlite ]; then scripts/pg-test.sh node bench/bench.js pg; fi

crashtest: bench-deps
	@if [ "$(DB)" != pg ]; then node bench/crashtest.js sqlite; fi
	@if [ "$(DB)" != sqlite ]; then scripts/pg-test.sh node bench/crashtest.js pg; fi

soak: bench-deps
	@if [ "$(DB)" = pg ]; then scripts/pg-test.sh node bench/soak.js pg; else node bench/soak.js sqlite; fi

bench-data: bench-deps
	@mkdir -p bench/data
	node bench/gen.js --db sqlite:bench/data/sqlite-$${BENCH_SCALE:-1}.db --scale $${BENCH_SCALE:-1} \
	  --manifest bench/data/sqlite-$${BENCH_SCALE:-1}.json
