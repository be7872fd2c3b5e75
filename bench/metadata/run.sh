#!/usr/bin/env bash
# Times `metadata --no-deps --format-version 1` on the largest conformance workspace (substrate,
# 216 packages) with cargo and ferry in the same hyperfine run, on tmpfs, and prints ferry/cargo.
# usage: bench/metadata/run.sh [WORKSPACE_DIR]   (default: cargo-bench-workspaces/substrate)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

shared=""
for dir in "$repo/.." "$repo/../.." "$repo/../../.."; do
    if [ -d "$dir/shared/conformance" ]; then shared="$(cd "$dir/shared" && pwd)"; break; fi
done
[ -n "$shared" ] || { echo "cannot find the shared conformance folder" >&2; exit 1; }
source_ws="${1:-$shared/conformance/lockfiles/cargo-bench-workspaces/substrate}"

"$repo/ferry" --version >/dev/null            # builds artifacts/bin/ferry when stale
ferry="$repo/artifacts/bin/ferry"
cargo="$(rustc --print sysroot)/bin/cargo"     # the toolchain's cargo, not the rustup proxy

work="$(mktemp -d /dev/shm/ferry-bench-metadata.XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 "$here/stub.py" "$source_ws" "$work/ws"
mkdir -p "$work/cargo-home"
export CARGO_HOME="$work/cargo-home"

cd "$work/ws"
"$cargo" metadata --no-deps --format-version 1 >"$work/cargo.json"
"$ferry" metadata --no-deps --format-version 1 >"$work/ferry.json"
python3 -c 'import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); sys.exit(0 if a==b else "outputs differ")' \
    "$work/cargo.json" "$work/ferry.json"

hyperfine --shell=none --warmup 5 --runs "${RUNS:-40}" --export-json "$work/result.json" \
    -n cargo "$cargo metadata --no-deps --format-version 1" \
    -n ferry "$ferry metadata --no-deps --format-version 1"

python3 - "$work/result.json" "$work/cargo.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, f = r["cargo"], r["ferry"]
print(f"packages: {len(json.load(open(sys.argv[2]))['packages'])}")
print(f"cargo: mean {c['mean']*1000:.1f} ms, median {c['median']*1000:.1f} ms")
print(f"ferry: mean {f['mean']*1000:.1f} ms, median {f['median']*1000:.1f} ms")
print(f"ratio ferry/cargo (mean): {f['mean']/c['mean']:.2f}")
print(f"ratio ferry/cargo (median): {f['median']/c['median']:.2f}")
PY
