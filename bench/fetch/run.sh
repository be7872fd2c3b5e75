#!/usr/bin/env bash
# fetch: ferry vs cargo in the same run, on tmpfs, median of 5, runs interleaved (bench/lib/interleave.py).
#   bench/fetch/run.sh [PROJECT]     # default: the large project (255 packages) of ../shared/registry
# Two cases per tool, each with its own CARGO_HOME whose index cache is warm:
#   cold  - package cache empty (registry/cache and registry/src removed before each run, not timed)
#   no-op - everything already downloaded and extracted (Ferry re-verifies every archive and tree)
# Needs: python3, cargo (~/.cargo/bin), /work/registry-out (../shared/registry/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="$repo/../shared"; [ -d "$shared/registry" ] || shared="$repo/../../shared"   # a worktree sits one level deeper
shared="$(cd "$shared" && pwd)"
ferry="$repo/artifacts/bin/ferry"
cargo="${CARGO:-$HOME/.cargo/bin/cargo}"
project="${1:-large}"
work="${BENCH_DIR:-/dev/shm/ferry-bench-fetch}"
runs="${RUNS:-5}"
"$repo/ferry" --version >/dev/null   # build the release binary if needed

rm -rf "$work" && mkdir -p "$work"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
python3 "$shared/registry/serve.py" /work/registry-out --port 0 --port-file "$work/port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")

cp -r "$shared/registry/projects/$project" "$work/project"
for tool in cargo ferry; do
    mkdir -p "$work/home-$tool"
    printf '[source.crates-io]\nreplace-with = "bench"\n[source.bench]\nregistry = "sparse+http://127.0.0.1:%s/index/"\n' "$port" > "$work/home-$tool/config.toml"
done
cd "$work/project"

# Warm each index cache (and check that both tools fetch the same packages).
env CARGO_HOME="$work/home-cargo" "$cargo" fetch -q
env CARGO_HOME="$work/home-ferry" "$ferry" fetch -q
c=$(ls "$work"/home-cargo/registry/cache/*/ | wc -l)
f=$(ls "$work"/home-ferry/registry/cache/*/ | wc -l)
[ "$c" = "$f" ] || { echo "cargo cached $c archives, ferry $f" >&2; exit 1; }
git diff --no-index --quiet "$shared/registry/projects/$project/Cargo.lock" Cargo.lock

results=()
for mode in cold no-op; do
    prep_cargo="true" prep_ferry="true"
    if [ "$mode" = cold ]; then
        prep_cargo="rm -rf $work/home-cargo/registry/cache $work/home-cargo/registry/src"
        prep_ferry="rm -rf $work/home-ferry/registry/cache $work/home-ferry/registry/src"
    fi
    python3 "$repo/bench/lib/interleave.py" "$runs" 1 \
        cargo "$prep_cargo" "env CARGO_HOME=$work/home-cargo $cargo fetch -q" \
        ferry "$prep_ferry" "env CARGO_HOME=$work/home-ferry $ferry fetch -q" > "$work/$mode.json"
    results+=("$(python3 - "$work/$mode.json" "$project ($c packages)" "$mode" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, f = r["cargo"], r["ferry"]
def t(x): return f'{x["median"]:.3f} [{min(x["times"]):.3f}-{max(x["times"]):.3f}]'
print(f'| {sys.argv[2]} | {sys.argv[3]} | {t(c)} | {t(f)} | {f["median"] / c["median"]:.2f} |')
PY
)")
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| project | package cache | cargo median (s) [min-max] | ferry median (s) [min-max] | ferry / cargo |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
