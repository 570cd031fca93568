#!/bin/sh
# Replays every golden program through the ASan-built `run` fuzz target, interpreter-only and JIT at
# threshold 1 (the mode byte), with the program's own directory as cwd, a 20 s deadline and os/io allowed
# (PVM_FUZZ_TRUSTED). A nonzero status from the target is a crash (ASan report, panic, abort); stdout is
# compared with the golden .out as a sanity check that the program really ran (a few differ for
# reasons unrelated to memory safety: the file name is <fuzz>, stdin is read by the first of the two runs).
# Usage: fuzz/replay_goldens.sh <run binary> [golden dir] > log
bin=${1:?usage: replay_goldens.sh <run binary> [golden dir]}
gold=${2:-$(dirname "$0")/../tests/golden}
gold=$(cd "$gold" && pwd)
tmp=$(mktemp -d)
runs=0 crashes=0 same=0
for py in "$gold"/*/*.py; do
    dir=$(dirname "$py")
    name=$(basename "$py" .py)
    stdin=/dev/null
    [ -f "$dir/$name.stdin" ] && stdin="$dir/$name.stdin"
    for mode in 0 1; do
        printf "\\00$mode" > "$tmp/in"
        cat "$py" >> "$tmp/in"
        (cd "$dir" && PVM_FUZZ_TRUSTED=1 PVM_FUZZ_DEADLINE_MS=20000 ASAN_OPTIONS=detect_leaks=0 \
            "$bin" -runs=1 "$tmp/in" < "$stdin" > "$tmp/out" 2> "$tmp/err")
        rc=$?
        runs=$((runs + 1))
        if [ $rc -ne 0 ]; then
            crashes=$((crashes + 1))
            echo "CRASH mode=$mode $py (status $rc)"
            tail -n 30 "$tmp/err"
        fi
        # libFuzzer executes a file input twice (the output appears twice).
        cat "$dir/$name.out" "$dir/$name.out" > "$tmp/exp2"
        if cmp -s "$tmp/out" "$dir/$name.out" || cmp -s "$tmp/out" "$tmp/exp2"; then
            same=$((same + 1))
        else
            echo "output differs mode=$mode $py"
        fi
    done
done
echo "runs=$runs crashes=$crashes same_stdout=$same"
rm -rf "$tmp"
