#!/usr/bin/env bash
# generate-lockfile: ferry vs cargo in the same run, on tmpfs, median of 5, runs interleaved
# (bench/lib/interleave.py: cargo, ferry, cargo, ferry... so load changes hit both alike).
#   bench/resolve/run.sh            # top-400 workspace (crates.io snapshot) and the large project
#   WORKSPACES="large" (a subset), RUNS=5
# Needs: python3, cargo (~/.cargo/bin), /work/registry-out (../shared/registry/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="$repo/../shared"; [ -d "$shared/registry" ] || shared="$repo/../../shared"   # a worktree sits one level deeper
shared="$(cd "$shared" && pwd)"
ferry="$repo/artifacts/bin/ferry"
cargo="${CARGO:-$HOME/.cargo/bin/cargo}"
work="${BENCH_DIR:-/dev/shm/ferry-bench-resolve}"
runs="${RUNS:-5}"
"$repo/ferry" --version >/dev/null   # build the release binary if needed

rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

serve() { # serve DIR VAR -> sets VAR to the port (not in a subshell, so cleanup sees the pid)
    local dir=$1 portfile="$work/port.$RANDOM"
    python3 "$shared/registry/serve.py" "$dir" --port 0 --port-file "$portfile" >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$portfile" ] && break; sleep 0.05; done
    printf -v "$2" '%s' "$(cat "$portfile")"
}

# The crates.io snapshot: top-400 crates and their closure.
mkdir -p "$work/crates-io/index"
for a in index-closure-normal-build.tar.gz index-closure-dev-extra.tar.gz; do
    tar -xzf "$shared/conformance/crates-index/$a" -C "$work/crates-io/index"
done
rm -f "$work/crates-io/index/config.json"
serve "$work/crates-io" top_port
serve /work/registry-out deb_port

mkdir -p "$work/top400/src" && touch "$work/top400/src/lib.rs"
python3 - "$shared" "$work" <<'PY'
import json, sys
shared, work = sys.argv[1], sys.argv[2]
seeds = json.load(open(f"{shared}/conformance/crates-index/seeds-top400.json"))
def path(n):
    n = n.lower()
    return {1: f"1/{n}", 2: f"2/{n}", 3: f"3/{n[0]}/{n}"}.get(len(n), f"{n[:2]}/{n[2:4]}/{n}")
out = ['[package]\nname = "top400"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]']
for s in seeds:
    if s["name"] in ("ratatui", "sqlx"):   # the newest of these two conflict with the rest
        continue
    vs = [json.loads(l) for l in open(f"{work}/crates-io/index/{path(s['name'])}") if l.strip()]
    vs = [v for v in vs if not v["yanked"] and "-" not in v["vers"]]
    if vs:
        out.append(f'{vs[-1]["name"]} = "{vs[-1]["vers"]}"')
open(f"{work}/top400/Cargo.toml", "w").write("\n".join(out) + "\n")
PY
cp -r "$shared/registry/projects/large" "$work/large" && rm -f "$work/large/Cargo.lock"

results=()
bench() { # name project port
    local name=$1 project=$2 port=$3
    for tool in cargo ferry; do
        mkdir -p "$work/home-$name-$tool"
        printf '[source.crates-io]\nreplace-with = "bench"\n[source.bench]\nregistry = "sparse+http://127.0.0.1:%s/index/"\n' "$port" > "$work/home-$name-$tool/config.toml"
    done
    cd "$project"
    for mode in cold warm; do
        local prep_cargo="true" prep_ferry="true"
        if [ "$mode" = cold ]; then
            prep_cargo="rm -rf $work/home-$name-cargo/registry"
            prep_ferry="rm -rf $work/home-$name-ferry/registry"
        fi
        python3 "$repo/bench/lib/interleave.py" "$runs" 1 \
            cargo "$prep_cargo" "env CARGO_HOME=$work/home-$name-cargo $cargo generate-lockfile -q" \
            ferry "$prep_ferry" "env CARGO_HOME=$work/home-$name-ferry $ferry generate-lockfile -q" > "$work/$name-$mode.json"
        results+=("$(python3 - "$work/$name-$mode.json" "$name" "$mode" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, f = r["cargo"]["median"], r["ferry"]["median"]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {c:.3f} | {f:.3f} | {f / c:.2f} |")
PY
)")
    done
}

workspaces=" ${WORKSPACES:-top400 large} "
[[ "$workspaces" != *" top400 "* ]] || bench top400 "$work/top400" "$top_port"
[[ "$workspaces" != *" large "* ]] || bench large "$work/large" "$deb_port"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| workspace | index cache | cargo median (s) | ferry median (s) | ferry / cargo |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
