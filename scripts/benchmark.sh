#!/usr/bin/env bash
# Benchmarks (not tests): the figures depend on the machine and its load; they go into docs/performance.md.
#
#   scripts/benchmark.sh [--sizes 126,1000,2000,3321,4000] [--no-classifier] [--no-corpus] [--no-cache-runs]
#                        [--cache-sizes 3321] [--threads N] [--work DIR] [--bin PATH]
#
# 1. `extract` and `compare --html --xml --csv --json` (release build) on generated corpora of N plans
#    (scripts/checks/generate_wards.py from the seeds and the layout fixtures, seed 1, 90 % seeds:
#    3,321 plans ≈ 170 MB): wall time, processor time (user + system), peak memory (`/usr/bin/time -v`),
#    throughput in MB/s of plan files, and, on the same files, `grep -r -F -c -f PHRASES` with the
#    taxonomy's phrases spelt out (scripts/perf/phrases.py) as the reference. Then, with the plan cache
#    (unless --no-cache-runs): `compare` filling it, `compare` after one file changed, `extract` after
#    one more change (it keeps the plans' JSON fragments) and after another (it copies them), and
#    `compare --json` with every plan from the cache (for the sizes of --cache-sizes, default all).
# 2. ClassifierBenchmark: classification throughput on the seed plans, one core (other arguments are its
#    own: `--mb 30`).
#
# The corpora are kept in the work folder (default ${TMPDIR:-/tmp}/wardplan-bench) and made again only
# when the generator changed. Plan i is the same file in every corpus, so the N-plan corpus is the
# first N files of the largest one (hard links).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="126,1000,2000,3321,4000"
classifier=1
corpus=1
cached=1
cache_sizes=""
threads=""
work="${TMPDIR:-/tmp}/wardplan-bench"
bin=""
classifier_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --no-classifier) classifier=0; shift ;;
        --no-corpus) corpus=0; shift ;;
        --no-cache-runs) cached=0; shift ;;
        --cache-sizes) cache_sizes="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --) shift; classifier_args=("$@"); break ;;
        # Anything else is the classifier benchmark's (`--mb 30`).
        *) classifier_args+=("$1"); shift ;;
    esac
done

scripts/setup.sh libxml2-dev pkg-config >/dev/null
if [ "$corpus" = 1 ]; then
    if [ -z "$bin" ]; then
        swift build -c release --product wardplan >/dev/null
        bin=.build/release/wardplan
    fi
    bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
    [ -n "$threads" ] && export WARDPLAN_THREADS="$threads"
    # Every run reads every file: no plan cache (a binary from before the cache has no such option).
    nocache=()
    "$bin" extract --help 2>/dev/null | grep -q -- '--no-cache' && nocache=(--no-cache)
    mkdir -p "$work"
    largest=$(tr ',' '\n' <<<"$sizes" | sort -n | tail -1)
    # The stamp covers the generator, its inputs and its arguments.
    stamp="$(echo "--seed 1 --seed-share 0.9" | cat - scripts/checks/generate_wards.py Sources/WardPlanKit/Resources/Data/units.csv \
        Sources/WardPlanKit/Resources/Data/offices.yaml Tests/Fixtures/seeds/* Tests/Fixtures/layouts/*.md \
        Tests/Fixtures/layouts/*.txt | sha256sum | cut -c1-16)"
    if [ "$(cat "$work/all.stamp" 2>/dev/null)" != "$stamp" ] || [ "$(ls "$work/all" | wc -l)" -lt "$largest" ]; then
        echo "generating $largest plans in $work/all …" >&2
        rm -rf "$work/all" "$work"/n-*
        python3 scripts/checks/generate_wards.py Tests/Fixtures/seeds Tests/Fixtures/layouts "$work/all" "$largest" \
            --seed 1 --seed-share 0.9
        echo "$stamp" >"$work/all.stamp"
    fi
    python3 scripts/perf/phrases.py >"$work/phrases.txt"

    # measure NAME CMD…: one line of figures, from /usr/bin/time -v.
    measure() {
        local name="$1"; shift
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
            local rc=$?
            # 1 = some input failed: the run still finished and wrote its outputs.
            if [ $rc -ne 1 ]; then echo "$name failed ($rc):" >&2; tail -5 "$work/stderr.txt" >&2; return 1; fi
        }
        python3 - "$work/time.txt" "$name" "$mb" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def field(label):
    return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()
parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
peak = int(field("Maximum resident set size (kbytes)")) / 1024
mb = float(sys.argv[3])
print(f"| {sys.argv[2]} | {wall:.2f} s | {cpu:.2f} s | {peak:,.0f} MB | {mb / wall:.1f} MB/s |")
EOF
    }

    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg); threads ${WARDPLAN_THREADS:-all}"
    echo "| N | MB | run | wall | cpu (user+sys) | peak memory | throughput |"
    echo "|---|---|---|---|---|---|---|"
    # A previous run's caches, if it stopped half-way; this run's are deleted when it ends.
    rm -rf "$work"/warm-* "$work"/cache-* "$work"/out-*-cached
    spent=()
    for n in $(tr ',' '\n' <<<"$sizes"); do
        dir="$work/n-$n"
        if [ ! -d "$dir" ]; then
            # Made aside and renamed, so a run stopped half-way leaves no short corpus behind.
            rm -rf "$dir.part"; mkdir -p "$dir.part"
            ls "$work/all" | sort | sed -n "1,${n}p" | while read -r f; do ln "$work/all/$f" "$dir.part/$f"; done
            mv "$dir.part" "$dir"
        fi
        mb=$(du -sb --apparent-size "$dir" | awk '{printf "%.1f", $1 / 1048576}')
        out="$work/out-$n"
        rm -rf "$out"; mkdir -p "$out"
        row() { sed "s/^| /| $n | $mb | /"; }
        # Its counts go to a file: GNU grep stops at the first match when its output is /dev/null.
        measure grep sh -c 'grep -r -F -c -f "$1" "$2" >"$3"' grep "$work/phrases.txt" "$dir" "$work/grep-counts.txt" | row
        measure extract "$bin" extract "$dir" --quiet "${nocache[@]+"${nocache[@]}"}" --output "$out/plans.json" | row
        measure compare "$bin" compare "$dir" --quiet "${nocache[@]+"${nocache[@]}"}" --as-of 2026-07-01 --html "$out/report.html" \
            --xml "$out/report.xml" --csv "$out/csv" --json "$out/comparison.json" | row
        echo "outputs N=$n: $(cd "$out" && du -sh --apparent-size plans.json report.html report.xml csv comparison.json 2>/dev/null | awk '{printf "%s %s; ", $2, $1}')" >&2
        if [ "$cached" = 1 ] && { [ -z "$cache_sizes" ] || grep -qx "$n" <<<"$(tr ',' '\n' <<<"$cache_sizes")"; }; then
            # The cache (issue 11 item 4): fill it, then change one ward's file and run again. The
            # corpus is linked into a folder of its own, so the changed file leaves the others alone.
            # The fill is a user's first run: a cache folder never used and outputs into a new folder.
            # (Into the `--no-cache` run's folder it wrote no output: each file's bytes equal the
            # old file's, which `PreviousOutput` keeps as it is, fill46.)
            warm="$work/warm-$n"
            cp -al "$dir" "$warm"
            cache=(--cache "$work/cache-$n")
            out="$work/out-$n-cached"
            mkdir -p "$out"
            measure "compare, filling the cache" "$bin" compare "$warm" --quiet "${cache[@]}" --as-of 2026-07-01 \
                --html "$out/report.html" --xml "$out/report.xml" --csv "$out/csv" --json "$out/comparison.json" | row
            first=$(ls "$warm" | sort | sed -n 1p)  # sed reads it all: head would stop sort with SIGPIPE (pipefail)
            cp "$warm/$first" "$warm/$first.new"; printf '\nGhi chú: sửa đổi cho phép đo.\n' >>"$warm/$first.new"
            mv "$warm/$first.new" "$warm/$first"
            measure "compare, one file changed" "$bin" compare "$warm" --quiet "${cache[@]}" --as-of 2026-07-01 \
                --html "$out/report.html" --xml "$out/report.xml" --csv "$out/csv" --json "$out/comparison.json" | row
            # `compare` keeps no JSON fragments (its JSON is the analysis's): the first warm `extract`
            # encodes every plan and keeps their fragments; the second is the re-run the aim is about.
            printf '\nGhi chú: sửa đổi lần hai.\n' >>"$warm/$first"
            measure "extract, one file changed, keeping fragments" "$bin" extract "$warm" --quiet "${cache[@]}" --output "$out/plans.json" | row
            printf '\nGhi chú: sửa đổi lần ba.\n' >>"$warm/$first"
            measure "extract, one file changed, fragments kept" "$bin" extract "$warm" --quiet "${cache[@]}" --output "$out/plans.json" | row
            measure "compare --json only, all from the cache" "$bin" compare "$warm" --quiet "${cache[@]}" --as-of 2026-07-01 \
                --json "$out/comparison.json" | row
            # Deleted at the end, not here: ext4 (without a journal, as here) skips inodes freed in
            # the last minute or more when it makes files, and deleting a cache of thousands of files
            # just before the next size's fill added seconds of that to it (fill46).
            spent+=("$warm" "$work/cache-$n" "$out")
        fi
    done
    rm -rf "${spent[@]+"${spent[@]}"}"
fi

if [ "$classifier" = 1 ]; then
    swift build -c release --product ClassifierBenchmark >/dev/null
    .build/release/ClassifierBenchmark "${classifier_args[@]+"${classifier_args[@]}"}"
fi
