#!/usr/bin/env bash
# Issue 17's figures for BENCHMARKS.md, on data generated on demand (never committed):
#
#   benches/over-time.sh [ENTITIES] [FILES]     (default 100000 entities, 100 files)
#
# 1. Loading one file vs the same dossier as a folder of FILES files (`talks validate`),
#    hyperfine's mean of 5 runs and the peak memory of each.
# 2. `talks diff` of two versions that differ in 1% of their events and sticking points,
#    against loading both.
#
# Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail

entities=${1:-100000}
files=${2:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v hyperfine >/dev/null || { echo "over-time: hyperfine is not installed" >&2; exit 2; }
cargo build --release --quiet --bin talks --example gen_dossier
talks="$root/target/release/talks"
gen="$root/target/release/examples/gen_dossier"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" --entities "$entities" --seed 7 >"$work/one.yaml"
"$gen" --entities "$entities" --seed 7 --files "$files" --out "$work/folder"
"$gen" --entities "$entities" --seed 7 --change 1 >"$work/changed.yaml"

echo "## $(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "$entities entities: one file $(du -h "$work/one.yaml" | cut -f1), $files files $(du -sh "$work/folder" | cut -f1)"
cd "$work"
hyperfine -i --warmup 1 --runs 5 --style basic \
    -n one-file "'$talks' validate one.yaml" \
    -n "folder-$files" "'$talks' validate folder" \
    -n load-both "'$talks' validate one.yaml; '$talks' validate changed.yaml" \
    -n diff "'$talks' diff one.yaml changed.yaml -f json" 2>&1 |
    grep -E '^(Benchmark|  Time|  Range)|faster|±'
for what in one.yaml folder; do
    /usr/bin/time -f "peak memory, validate $what: %M KB" "$talks" validate "$what" >/dev/null
done
/usr/bin/time -f "peak memory, diff: %M KB" "$talks" diff one.yaml changed.yaml >/dev/null || true
