#!/usr/bin/env bash
# test --no-run: ferry vs cargo in the same run (issue 7's target: <= 1.0x, clean and no-op).
#   bench/test/run.sh [PROJECT...]     # default: medium
# Same machinery, variables and output as bench/build/run.sh (RUNS, CLEAN_RUNS, MODES, REUSE),
# with the timed command `test --no-run -j2` instead of `build -j2`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -gt 0 ] || set -- medium
SUBCOMMAND="test --no-run" MODES="${MODES:-clean no-op}" exec "$here/../build/run.sh" "$@"
