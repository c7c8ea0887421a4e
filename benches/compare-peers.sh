#!/usr/bin/env bash
# Whole-process comparisons for BENCHMARKS.md, on data generated on demand (never committed):
#
#   benches/compare-peers.sh [ENTITIES]        (default 100000)
#
# 1. The same strings (one line per entity: its name and summary) filtered by
#    `fzf --filter`, `sk --filter` and `talks filter`, each query timed by hyperfine.
# 2. Loading the same dossier: `talks validate` (read, validate, index), its peak memory
#    against the file size.
#
# Needs fzf and hyperfine (Debian: apt-get install fzf hyperfine) and sk (cargo install skim).
set -euo pipefail

entities=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in fzf sk hyperfine; do
    command -v "$tool" >/dev/null || { echo "compare-peers: $tool is not installed" >&2; exit 2; }
done
cargo build --release --quiet --bin talks --example gen_dossier
talks="$root/target/release/talks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/gen_dossier --entities "$entities" --seed 7 --lines >"$work/lines.txt"
target/release/examples/gen_dossier --entities "$entities" --seed 7 >"$work/dossier.yaml"

echo "## $(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "fzf $(fzf --version | cut -d' ' -f1) · $(sk --version) · talks $("$talks" --version | cut -d' ' -f2)"
echo "$entities lines, $(du -h "$work/lines.txt" | cut -f1)"
echo
for query in d kherson "kherson ta" "envoy moni"; do
    echo "### query \"$query\""
    for tool in "fzf --filter" "sk --filter" "$talks filter"; do
        printf '%s: %s matches\n' "${tool##*/}" "$($tool "$query" <"$work/lines.txt" | wc -l)"
    done
    hyperfine --warmup 1 --runs 7 --style basic \
        -n fzf "fzf --filter '$query' < '$work/lines.txt' > /dev/null" \
        -n sk "sk --filter '$query' < '$work/lines.txt' > /dev/null" \
        -n talks "'$talks' filter '$query' < '$work/lines.txt' > /dev/null" 2>&1 |
        grep -E '^(Benchmark|  Time|  Range)|faster|±'
    echo
done

echo "### first frame of the explorer on the built-in dossier (a pseudo-terminal, 5 runs)"
python3 - "$talks" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time
times = []
for _ in range(5):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execv(sys.argv[1], [sys.argv[1]])
    seen = b""
    while b"Actors 15/15" not in seen:
        if select.select([fd], [], [], 10)[0]:
            seen += os.read(fd, 65536)
        else:
            sys.exit("no first frame within 10 s")
    times.append((time.monotonic() - start) * 1000)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
print("start to first frame: " + ", ".join(f"{t:.1f} ms" for t in times))
PY
echo

echo "### loading the dossier ($(du -h "$work/dossier.yaml" | cut -f1))"
/usr/bin/time -f "talks validate: %e s, peak %M KB" "$talks" validate "$work/dossier.yaml"
bytes=$(stat -c %s "$work/dossier.yaml")
peak=$(/usr/bin/time -f "%M" "$talks" validate "$work/dossier.yaml" 2>&1 >/dev/null | tail -1)
echo "peak memory / file size: $(echo "scale=2; $peak * 1024 / $bytes" | bc)"
