#!/usr/bin/env bash
# Issue 24 §2's figures for BENCHMARKS.md, on data generated on demand (never committed):
#
#   benches/bounds.sh [long] [alternatives] [quotes]      (default: all three)
#
# 1. long: one line of 100 MB, `talks filter kherson` and `fzf --filter kherson`.
# 2. alternatives: 2,000,000 generated lines (and their first 200,000), filtered by a
#    query of 10,000 `|` alternatives: `k0 | k1 | … | k9999` (fuzzy; most lines match
#    some) and `'zq0x | … | 'zq9999x` (substrings; no line matches).
# 3. quotes: `talks validate` of 10,000 quotes (gen_dossier --entities 13334: one quote
#    per event, citing `src`) against a 115 KB text of that source (`--source-text`):
#    one quote in eight is in it, the rest get the closest passage. Then the hardest case
#    found for the closest passage: a text of one sentence repeated (every word common)
#    and quotes of 20-40 of its words.
#
# SIZES="lines200k" leaves out the 2,000,000 lines (for an older build that takes
# minutes on them).
# Each run prints its wall time and peak memory (`/usr/bin/time`). TALKS=PATH measures
# another build of talks (an older commit's, for "before"); by default this tree's
# release build. fzf is left out where it is not installed (Debian: apt-get install fzf).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --release --quiet --bin talks --example gen_dossier
talks=${TALKS:-$root/target/release/talks}
gen="$root/target/release/examples/gen_dossier"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
has_fzf=$(command -v fzf >/dev/null && echo yes || echo no)
parts=${*:-long alternatives quotes}

measure() { # NAME COMMAND...: wall time and peak memory of one run
    local name=$1
    shift
    /usr/bin/time -f "$name: %e s, peak %M KB, exit %x" "$@" >"$work/out" 2>"$work/time" || true
    tail -1 "$work/time"
    echo "  output: $(wc -c <"$work/out") bytes, $(wc -l <"$work/out") lines"
}

echo "## $(date -u +%Y-%m-%d) · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "talks: $talks"
[ "$has_fzf" = yes ] && echo "fzf $(fzf --version | cut -d' ' -f1)"

for part in $parts; do
    case $part in
    long)
        python3 - "$work/long.txt" <<'PY'
import sys
words = b"the envoys met in Geneva to talk about a ceasefire in Kherson and Zaporizhzhia "
size = 100 * 1000 * 1000
with open(sys.argv[1], "wb") as out:
    out.write((words * (size // len(words) + 1))[:size] + b"\n")
PY
        echo "### one line of $(du -h "$work/long.txt" | cut -f1)"
        measure "talks filter kherson" sh -c "'$talks' filter kherson < '$work/long.txt'"
        [ "$has_fzf" = yes ] && measure "fzf --filter kherson" sh -c "fzf --filter kherson < '$work/long.txt'"
        ;;
    alternatives)
        python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
r = random.Random(7)
words = ("ceasefire envoy kyiv moscow geneva talks security guarantees sanctions prisoners "
         "exchange grain corridor nuclear plant zaporizhzhia kherson donetsk border referendum "
         "territory negotiators delegation summit framework points withdrawal troops monitoring "
         "mission observers humanitarian energy infrastructure strikes drones peace deal "
         "agreement memorandum istanbul riyadh florida washington brussels").split()
with open(f"{work}/lines.txt", "w") as out:
    for i in range(2_000_000):
        out.write(" ".join(r.choice(words) for _ in range(r.randint(4, 9))) + f" {i}\n")
with open(f"{work}/fuzzy.txt", "w") as out:
    out.write(" | ".join(f"k{i}" for i in range(10_000)))
with open(f"{work}/exact.txt", "w") as out:
    out.write(" | ".join(f"'zq{i}x" for i in range(10_000)))
PY
        head -200000 "$work/lines.txt" >"$work/lines200k.txt"
        for query in fuzzy exact; do
            for lines in ${SIZES:-lines200k lines}; do
                echo "### $query alternatives × $(wc -l <"$work/$lines.txt") lines ($(du -h "$work/$lines.txt" | cut -f1))"
                measure "talks filter" sh -c "'$talks' filter \"\$(cat '$work/$query.txt')\" < '$work/$lines.txt'"
                if [ "$has_fzf" = yes ] && [ "$lines" = lines200k ]; then
                    measure "fzf --filter" sh -c "fzf --filter \"\$(cat '$work/$query.txt')\" < '$work/$lines.txt'"
                fi
            done
        done
        ;;
    quotes)
        "$gen" --entities 13334 --seed 7 >"$work/quotes.yaml"
        "$gen" --entities 2000 --seed 8 --lines >"$work/lines.txt"
        head -c 65000 "$work/lines.txt" >"$work/source.txt"
        awk '/^  quotes:/ { q = 1; next } q && /^    text: / { q = 0; if (++n % 8 == 0) print substr($0, 11) }' \
            "$work/quotes.yaml" >"$work/quoted.txt"
        head -c 50000 "$work/quoted.txt" >>"$work/source.txt"
        echo "### $(grep -c '^  quotes:' "$work/quotes.yaml") quotes, a text of $(du -h "$work/source.txt" | cut -f1)"
        measure "talks validate --source-text" "$talks" validate "$work/quotes.yaml" \
            --source-text "src=$work/source.txt"
        grep -v '^ \|^$\|error:\|, peak ' "$work/time" | tail -3
        python3 - "$work" <<'PY'
import random, re, sys
work = sys.argv[1]
r = random.Random(3)
sentence = "the talks went on and the parties met again in the city of geneva. "
with open(f"{work}/repeated.txt", "w") as out:
    out.write((sentence * (115_000 // len(sentence) + 1))[:115_000])
words = sentence.replace(".", "").split()
dossier = open(f"{work}/quotes.yaml").read()
with open(f"{work}/repeated.yaml", "w") as out:
    out.write(re.sub(r"(\n    text: )[^\n]*",
                     lambda m: m.group(1) + " ".join(r.choice(words) for _ in range(r.randint(20, 40))),
                     dossier))
PY
        echo "### the same quotes as 20-40 words of a text of one sentence repeated ($(du -h "$work/repeated.txt" | cut -f1))"
        measure "talks validate --source-text" "$talks" validate "$work/repeated.yaml" \
            --source-text "src=$work/repeated.txt"
        grep -v '^ \|^$\|error:\|, peak ' "$work/time" | tail -3
        ;;
    *)
        echo "bounds: unknown part $part (long, alternatives, quotes)" >&2
        exit 2
        ;;
    esac
done
