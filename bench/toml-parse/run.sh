#!/usr/bin/env bash
# Benchmark: parse the largest Cargo.lock of the conformance data N times (default 200) with Ferry.Toml
# (read model, bytes, read-every-value, lossless round trip) and, when the Debian crates toml 0.5.11 and
# toml_edit 0.14.4 are installed, with Rust in the same run, then print the ratios.
#
#   bench/toml-parse/run.sh [N]
#
# Environment (all optional): CONFORMANCE (default: the shared/conformance directory above the repository),
# REGISTRY (cargo local-registry, default /work/registry-out), CARGO (default ~/.cargo/bin/cargo),
# ROUNDS (default 3: each program runs this many times, alternately, and the best figures are kept).
set -euo pipefail

n="${1:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

conformance="${CONFORMANCE:-}"
if [[ -z "$conformance" ]]; then
    dir="$repo"
    while [[ "$dir" != "/" && ! -d "$dir/shared/conformance" ]]; do dir="$(dirname "$dir")"; done
    conformance="$dir/shared/conformance"
fi
file="$(find "$conformance/lockfiles" -name Cargo.lock -printf '%s\t%p\n' | sort -n | tail -1 | cut -f2)"
size="$(stat -c %s "$file")"
echo "file: ${file#"$conformance/"} ($size bytes), $n parses per measurement"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
rounds="${ROUNDS:-3}"

dotnet build "$here/dotnet/TomlParseBench.csproj" -c Release --nologo -v quiet -o "$repo/artifacts/bench/toml-parse" >/dev/null
run_dotnet() { dotnet "$repo/artifacts/bench/toml-parse/TomlParseBench.dll" "$file" "$n"; }

registry="${REGISTRY:-/work/registry-out}"
cargo="${CARGO:-$HOME/.cargo/bin/cargo}"
rust=""
if [[ -d /usr/share/cargo/registry/toml-0.5.11 && -d /usr/share/cargo/registry/toml_edit-0.14.4 \
      && -f "$registry/toml-0.5.11.crate" && -f "$registry/toml_edit-0.14.4.crate" && -x "$cargo" ]]; then
    # Built outside the repository (never commit target/), with its own CARGO_HOME (never ~/.cargo).
    work="${TMPDIR:-/tmp}/ferry-toml-parse-bench-rust"
    mkdir -p "$work/cargo-home" "$work/src"
    cp "$here/rust/Cargo.toml" "$work/"
    cp "$here/rust/src/main.rs" "$work/src/"
    cat >"$work/cargo-home/config.toml" <<CONFIG
[source.crates-io]
replace-with = "local"
[source.local]
local-registry = "$registry"
CONFIG
    (cd "$work" && CARGO_HOME="$work/cargo-home" "$cargo" build --release -q -j2)
    rust="$work/target/release/toml-parse-bench"
fi

# The machine is shared: alternate the programs for a few rounds and keep each measurement's best run, so
# that both sides are measured under the same conditions.
for ((round = 1; round <= rounds; round++)); do
    run_dotnet >>"$results"
    if [[ -n "$rust" ]]; then "$rust" "$file" "$n" >>"$results"; fi
done

awk -F'\t' '
    !($1 in best) { order[++count] = $1 }
    !($1 in best) || $2 < best[$1] { best[$1] = $2; rate[$1] = $3 }
    END {
        printf "best of %d rounds:\n", ROUNDS
        for (i = 1; i <= count; i++) printf "  %-52s %9.3f ms  %7.1f MB/s\n", order[i], best[order[i]], rate[order[i]]
        ferry = best["Ferry.Toml parse (read model, from string)"]
        trip = best["Ferry.Toml parse + ToString (lossless round trip)"]
        if ("toml 0.5.11 from_str::<Value>" in best) {
            print ""
            printf "ratio: toml 0.5.11 / Ferry.Toml parse                 = %.2fx\n", best["toml 0.5.11 from_str::<Value>"] / ferry
            printf "ratio: toml_edit 0.14.4 / Ferry.Toml parse            = %.2fx\n", best["toml_edit 0.14.4 parse (Document)"] / ferry
            printf "ratio: toml_edit round trip / Ferry.Toml round trip   = %.2fx\n", best["toml_edit 0.14.4 parse + to_string"] / trip
            print "(above 1 means Ferry.Toml is faster)"
        }
    }' ROUNDS="$rounds" "$results"
if [[ -z "$rust" ]]; then
    echo
    echo "Rust comparison skipped: toml 0.5.11 / toml_edit 0.14.4 (Debian crates) or the local registry $registry are not available."
fi
