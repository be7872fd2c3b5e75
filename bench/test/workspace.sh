#!/usr/bin/env bash
# test: `ferry test` vs `cargo test` in the same run, on tmpfs, medians of hyperfine runs.
#   bench/test/workspace.sh            # a generated workspace (no registry needed)
#   RUNS=10, MEMBERS=4 (packages), TESTS=20 (unit tests per library, and as many integration tests)
#   MODES="no-run run touched doc" (a subset skips the others)
# Per tool (each with its own CARGO_HOME and target dir, -j2), after one untimed `test --no-run`:
#   no-run  - `test --no-run` with everything fresh: the tool's own overhead (resolve, fingerprints)
#   run     - `test --workspace` with everything fresh: unit, integration and doc tests of every member
#   touched - `test -p m0 --lib` after `touch m0/src/lib.rs` (not timed): rebuild and run one harness
#   doc     - `test --workspace --doc`: rustdoc --test of every library (mostly rustdoc's time)
# Needs: hyperfine, python3, cargo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ferry="$repo/artifacts/bin/ferry"
cargo="${CARGO:-$(rustup which cargo 2>/dev/null || echo "$HOME/.cargo/bin/cargo")}"
export RUSTC="${RUSTC:-$(rustup which rustc 2>/dev/null || echo rustc)}"
export RUSTDOC="${RUSTDOC:-$(rustup which rustdoc 2>/dev/null || echo rustdoc)}"
work="${BENCH_DIR:-/dev/shm/ferry-bench-test}"
runs="${RUNS:-10}"
members="${MEMBERS:-4}"
tests="${TESTS:-20}"
modes=" ${MODES:-no-run run touched doc} "
"$repo/ferry" --version >/dev/null   # build the release binary if needed

rm -rf "$work"
mkdir -p "$work/project"
python3 - "$work/project" "$members" "$tests" <<'PY'
import os, sys
root, members, tests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def write(path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)
write("Cargo.toml", "[workspace]\nresolver = \"2\"\nmembers = [%s]\n" % ", ".join(f'"m{i}"' for i in range(members)))
for i in range(members):
    dep = f'm{i - 1} = {{ path = "../m{i - 1}" }}\n' if i else ""
    write(f"m{i}/Cargo.toml", f'[package]\nname = "m{i}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n{dep}')
    lib = [f"/// ```\n/// assert_eq!(m{i}::f{k}(1), {k + 1});\n/// ```\npub fn f{k}(x: u64) -> u64 {{ x + {k} }}\n" for k in range(4)]
    lib.append("#[cfg(test)]\nmod tests {\n" + "".join(f"    #[test]\n    fn t{k}() {{ assert_eq!(super::f0({k}), {k}); }}\n" for k in range(tests)) + "}\n")
    write(f"m{i}/src/lib.rs", "\n".join(lib))
    write(f"m{i}/tests/it.rs", "".join(f"#[test]\nfn it{k}() {{ assert_eq!(m{i}::f1({k}), {k + 1}); }}\n" for k in range(tests)))
PY
for tool in cargo ferry; do
    cp -r "$work/project" "$work/$tool"
    mkdir -p "$work/home-$tool"
done
run() { # tool, args...
    local tool="$1"; shift
    local exe="$cargo"; [ "$tool" = ferry ] && exe="$ferry"
    echo "env CARGO_HOME=$work/home-$tool $exe test -j2 -q --manifest-path $work/$tool/Cargo.toml $*"
}
for tool in cargo ferry; do $(run $tool --workspace --no-run) 2>/dev/null; done

summary() {
    python3 - "$1" "$2" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, f = r["cargo"], r["ferry"]
def t(x): return f'{x["median"]:.3f} [{min(x["times"]):.3f}-{max(x["times"]):.3f}]'
print(f'| {sys.argv[2]} | {len(c["times"])} | {t(c)} | {t(f)} | {f["median"] / c["median"]:.2f} |')
PY
}
results=()
bench() { # name, extra hyperfine options for cargo, for ferry, test args
    local name="$1" prep_c="$2" prep_f="$3"; shift 3
    hyperfine -N -w 1 -r "$runs" --export-json "$work/$name.json" \
        ${prep_c:+--prepare "$prep_c"} -n cargo "$(run cargo "$@")" \
        ${prep_f:+--prepare "$prep_f"} -n ferry "$(run ferry "$@")" >/dev/null
    results+=("$(summary "$work/$name.json" "$name")")
}
[[ "$modes" == *" no-run "* ]] && bench no-run "" "" --workspace --no-run
[[ "$modes" == *" run "* ]] && bench run "" "" --workspace
[[ "$modes" == *" touched "* ]] && bench touched "touch $work/cargo/m0/src/lib.rs" "touch $work/ferry/m0/src/lib.rs" -p m0 --lib
[[ "$modes" == *" doc "* ]] && bench doc "" "" --workspace --doc

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| test -j2 -q | runs | cargo median (s) [min-max] | ferry median (s) [min-max] | ferry / cargo |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
