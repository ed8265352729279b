#!/bin/sh
# replay.sh TARGET... — run each harness once over its stored inputs
# (tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/) with
# -runs=0. Exits non-zero if any input crashes, leaks or fails a check; the
# log of a failing target is printed. Called by `make fuzz-replay`.
set -u
B=${FUZZ_B:-build/fuzz}
D=${FUZZ_DIR:-tests/fuzz}
failed=""
mkdir -p "$B/replay"
for t in "$@"; do
	dirs="$D/corpus/$t"
	[ -d "$D/regressions/$t" ] && dirs="$dirs $D/regressions/$t"
	log="$B/replay/$t.log"
	start=$(date +%s)
	# shellcheck disable=SC2086
	if ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 "$B/fuzz_$t" -runs=0 -timeout=20 \
		-artifact_prefix="$B/replay/$t-" $dirs >"$log" 2>&1; then
		n=$(sed -n 's/.*seed corpus: files: \([0-9]*\).*/\1/p' "$log" | head -n 1)
		printf '  fuzz-replay %-8s ok   (%s inputs, %ss)\n' "$t" "${n:-?}" "$(($(date +%s) - start))"
	else
		printf '  fuzz-replay %-8s FAIL (log: %s)\n' "$t" "$log"
		tail -n 60 "$log"
		failed="$failed $t"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz-replay: failed:$failed"
	exit 1
fi
echo "fuzz-replay: all targets passed"
