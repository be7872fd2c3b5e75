#!/usr/bin/env bash
# build: ferry vs cargo in the same run, on tmpfs: clean builds by hyperfine, no-op and touched
# builds alternating cargo and ferry (bench/lib/interleave.py); medians.
#   bench/build/run.sh [PROJECT...]     # default: medium large (../shared/registry/projects)
#   RUNS=5 (no-op and touched runs), CLEAN_RUNS=$RUNS (clean builds; 1 or 2 for large saves time)
#   MODES="clean no-op touched" (a subset skips the others), REUSE=1 keeps BENCH_DIR from a previous run
#   SUBCOMMAND="build" (bench/test/run.sh times `test --no-run` through this script)
# Per project and tool (each with its own CARGO_HOME, packages already downloaded, -j2):
#   clean   - `build -j2` after `rm -rf target` (not timed)
#   no-op   - `build -j2` with everything fresh
#   touched - `build -j2` after `touch src/main.rs` (not timed): the root crate is rebuilt
# Needs: hyperfine, python3, cargo, /work/registry-out (../shared/registry/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# The team folder beside the repository (or beside the folder of worktrees).
shared="$repo/../shared"; [ -d "$shared/registry" ] || shared="$repo/../../shared"
shared="$(cd "$shared" && pwd)"
ferry="$repo/artifacts/bin/ferry"
# The toolchain's cargo itself, not the rustup proxy (which would add its own start-up to cargo's side).
cargo="${CARGO:-$(rustup which cargo 2>/dev/null || echo "$HOME/.cargo/bin/cargo")}"
# The same rustc for both, by path: the rustup proxy would honour rust-toolchain files inside
# registry packages (dashmap 5.4 pins 1.59) when run without cargo's proxy around it.
export RUSTC="${RUSTC:-$(rustup which rustc 2>/dev/null || echo rustc)}"
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(medium large)
subcommand="${SUBCOMMAND:-build}"
work="${BENCH_DIR:-/dev/shm/ferry-bench-${subcommand%% *}}"
runs="${RUNS:-5}"
clean_runs="${CLEAN_RUNS:-$runs}"
"$repo/ferry" --version >/dev/null   # build the release binary if needed

modes=" ${MODES:-clean no-op touched} "
[ "${REUSE:-0}" = 1 ] || rm -rf "$work"
mkdir -p "$work"
# A reused directory needs the same port: the registry's URL names its cache directories.
want=0; [ -s "$work/port" ] && want=$(cat "$work/port")
rm -f "$work/port"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
python3 "$shared/registry/serve.py" /work/registry-out --port "$want" --port-file "$work/port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
for tool in cargo ferry; do
    mkdir -p "$work/home-$tool"
    printf '[source.crates-io]\nreplace-with = "bench"\n[source.bench]\nregistry = "sparse+http://127.0.0.1:%s/index/"\n' "$port" > "$work/home-$tool/config.toml"
done

summary() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
# hyperfine's export (clean builds) or bench/lib/interleave.py's (no-op, touched)
r = {x["command"]: x for x in data["results"]} if "results" in data else data
c, f = r["cargo"], r["ferry"]
def t(x): return f'{x["median"]:.3f} [{min(x["times"]):.3f}-{max(x["times"]):.3f}]'
print(f'| {sys.argv[2]} | {sys.argv[3]} | {len(c["times"])} | {t(c)} | {t(f)} | {f["median"] / c["median"]:.2f} |')
PY
}

results=()
for project in "${projects[@]}"; do
    for tool in cargo ferry; do
        [ -d "$work/$tool-$project" ] || cp -r "$shared/registry/projects/$project" "$work/$tool-$project"
    done
    run_cargo="env CARGO_HOME=$work/home-cargo $cargo $subcommand -j2 --manifest-path $work/cargo-$project/Cargo.toml"
    run_ferry="env CARGO_HOME=$work/home-ferry $ferry $subcommand -j2 --manifest-path $work/ferry-$project/Cargo.toml"
    # Download and extract the packages (not timed); both tools must lock the same graph.
    (cd "$work/cargo-$project" && env CARGO_HOME="$work/home-cargo" "$cargo" fetch -q)
    (cd "$work/ferry-$project" && env CARGO_HOME="$work/home-ferry" "$ferry" fetch -q)
    git diff --no-index --quiet "$work/cargo-$project/Cargo.lock" "$work/ferry-$project/Cargo.lock"
    n=$(grep -c '^name = ' "$work/cargo-$project/Cargo.lock")

    if [[ "$modes" == *" clean "* ]]; then
        hyperfine -N -w 0 -r "$clean_runs" --export-json "$work/$project-clean.json" \
            --prepare "rm -rf $work/cargo-$project/target" -n cargo "$run_cargo" \
            --prepare "rm -rf $work/ferry-$project/target" -n ferry "$run_ferry" >/dev/null
        results+=("$(summary "$work/$project-clean.json" "$project ($n packages)" clean)")
    else
        $run_cargo -q   # not timed: what no-op and touched need
        $run_ferry -q
    fi

    # No-op and touched builds are short enough for the load of a shared machine to change
    # between two blocks of runs: cargo and ferry alternate (bench/lib/interleave.py).
    if [[ "$modes" == *" no-op "* ]]; then
        python3 "$here/../lib/interleave.py" "$runs" 2 \
            cargo true "$run_cargo" ferry true "$run_ferry" > "$work/$project-noop.json"
        results+=("$(summary "$work/$project-noop.json" "$project ($n packages)" no-op)")
    fi

    if [[ "$modes" == *" touched "* ]]; then
        python3 "$here/../lib/interleave.py" "$runs" 1 \
            cargo "touch $work/cargo-$project/src/main.rs" "$run_cargo" \
            ferry "touch $work/ferry-$project/src/main.rs" "$run_ferry" > "$work/$project-touched.json"
        results+=("$(summary "$work/$project-touched.json" "$project ($n packages)" touched)")
    fi
    printf '%s\n' "${results[@]}" >&2
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| project | $subcommand | runs | cargo median (s) [min-max] | ferry median (s) [min-max] | ferry / cargo |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
