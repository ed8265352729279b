# bench.mk — make bench, make crashtest, make soak (included by the Makefile;
# see docs/QUALITY.md). None of these is part of make check.
