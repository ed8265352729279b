#!/bin/sh
# run-fuzz.sh SECONDS TARGET:MAXLEN:SEEDS... — fuzz each target for SECONDS with
# libFuzzer and print a summary. Called by `make fuzz` / `make fuzz-<target>`.
#
# Reads tests/fuzz/corpus/<target>/ (and the extra SEEDS folder, if any) but
# writes new corpus entries only to build/fuzz/corpus/<target>/, which persists
# between runs. A crashing input goes to tests/fuzz/crashes/<target>/. Exits
# non-zero if any target crashed.
set -u
B=${FUZZ_B:-build/fuzz}
D=${FUZZ_DIR:-tests/fuzz}
secs=$1
shift
summary=""
crashed=""
for spec in "$@"; do
	t=${spec%%:*}
	rest=${spec#*:}
	maxlen=${rest%%:*}
	seeds=${rest#*:}
	work="$B/corpus/$t"
	crashes="$D/crashes/$t"
	log="$B/logs/$t.log"
	mkdir -p "$work" "$crashes" "$B/logs"
	dict=""
	[ -f "$D/dict/$t.dict" ] && dict="-dict=$D/dict/$t.dict"
	before=$(ls "$crashes" | wc -l)
	echo "== fuzz $t: ${secs}s, -max_len=$maxlen (log: $log)"
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1 "$B/fuzz_$t" -max_total_time="$secs" -max_len="$maxlen" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" $dict \
		"$work" "$D/corpus/$t" $seeds >"$log" 2>&1
	rc=$?
	after=$(ls "$crashes" | wc -l)
	stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
	last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
	if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
		status="CRASH"
		crashed="$crashed $t"
		grep -E 'ERROR: |check failed|SUMMARY:|Test unit written' "$log" | head -n 8
	else
		status="ok"
	fi
	line=$(printf '%-8s %-5s execs %-10s exec/s %-7s cov %-6s ft %-7s corpus %s' "$t" "$status" \
		"$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" "${cov:-?}" "${ft:-?}" "${corp:-?}")
	echo "   $line"
	summary="$summary
  $line"
done
echo "== fuzz summary (${secs}s each)$summary"
if [ -n "$crashed" ]; then
	echo "fuzz: crashes in:$crashed (inputs in $D/crashes/<target>/; see tests/fuzz/README.md)"
	exit 1
fi
