#!/usr/bin/env python3
"""Real crates' own test suites under cargo and under ferry (issue 7).

For each crate named in crates.txt, the .crate file from the Debian-crate registry is unpacked
twice (one copy per tool, so neither sees the other's target/ or Cargo.lock), the registry is
given to both as a server-less local-registry replacing crates.io, and `test` runs in each copy.
Every test binary's `test result:` line (unit tests, integration tests, doctests) is collected in
order, keyed by the `Running ...`/`Doc-tests ...` header that precedes it; the two lists must be
equal, and so must the exit codes. Prints one table row per crate and exits 1 on any difference.

usage: run.py [--ferry PATH] [--registry DIR] [--only cargo|ferry|both] [--keep DIR] [crate ...]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

RUNNING = re.compile(r"^\s+Running (?:unittests )?(\S+)")
DOCTESTS = re.compile(r"^\s+Doc-tests (\S+)")
RESULT = re.compile(r"^test result: (\w+)\. (\d+) passed; (\d+) failed; (\d+) ignored; (\d+) measured; (\d+) filtered out")


def crate_list(path):
    with open(path) as f:
        return [line.split("#")[0].strip() for line in f if line.split("#")[0].strip()]


def unpack(registry, crate, into):
    with tarfile.open(os.path.join(registry, crate + ".crate")) as t:
        t.extractall(into, filter="data")
    return os.path.join(into, crate)


def results(output):
    """[(binary, 'ok 3/0/1')] in the order the harnesses ran; a harness that printed no result
    line (it crashed, or has harness = false) is listed as 'no-result 0/0/0'."""
    rows, current = [], None
    for line in output.splitlines():
        header = None
        if m := RUNNING.match(line):
            header = m.group(1)
        elif m := DOCTESTS.match(line):
            header = "doctests " + m.group(1)
        if header is not None:
            if current is not None:
                rows.append((current, "no-result 0/0/0"))
            current = header
        elif (m := RESULT.match(line)) and current is not None:
            rows.append((current, f"{m.group(1)} {m.group(2)}/{m.group(3)}/{m.group(4)}"))
            current = None
    if current is not None:
        rows.append((current, "no-result 0/0/0"))
    return rows


def run_tool(tool, crate_dir, env, timeout):
    started = time.monotonic()
    try:
        # One pipe for both streams: the `Running` headers go to stderr, the harnesses' results
        # to stdout, and only their interleaving says which result belongs to which binary.
        p = subprocess.run([tool, "test", "--no-fail-fast"], cwd=crate_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
        code, out = p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        code, out = "timeout", (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
    return code, results(out), out, time.monotonic() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferry", default=os.path.join(REPO, "artifacts", "bin", "ferry"))
    ap.add_argument("--cargo", default=shutil.which("cargo") or os.path.expanduser("~/.cargo/bin/cargo"))
    ap.add_argument("--registry", default=os.environ.get("FERRY_TEST_REGISTRY", "/work/registry-out"))
    ap.add_argument("--crates", default=os.path.join(HERE, "crates.txt"))
    ap.add_argument("--only", choices=["cargo", "ferry", "both"], default="both")
    ap.add_argument("--keep", help="work directory to keep (default: a temp dir, removed)")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    if not os.path.isdir(os.path.join(args.registry, "index")):
        print(f"error: no Debian-crate registry at {args.registry} (run ../shared/registry/setup.sh)", file=sys.stderr)
        return 2
    crates = args.names or crate_list(args.crates)
    work = args.keep or tempfile.mkdtemp(prefix="real-crate-tests-")
    os.makedirs(work, exist_ok=True)
    tools = {"cargo": args.cargo, "ferry": args.ferry}
    wanted = ["cargo", "ferry"] if args.only == "both" else [args.only]

    failures = 0
    print(f"{'crate':32} {'binaries':>8}  {'passed/failed/ignored (cargo)':32} {'same':5} {'cargo s':>8} {'ferry s':>8}")
    for crate in crates:
        outcome = {}
        for name in wanted:
            root = os.path.join(work, name, crate)
            shutil.rmtree(root, ignore_errors=True)
            os.makedirs(root)
            home = os.path.join(root, "home")
            os.makedirs(home)
            with open(os.path.join(home, "config.toml"), "w") as f:
                f.write(f'[source.crates-io]\nreplace-with = "debian"\n[source.debian]\nlocal-registry = "{args.registry}"\n')
            crate_dir = unpack(args.registry, crate, os.path.join(root, "src"))
            env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO") and not k.startswith("RUST")}
            env.update(CARGO_HOME=home, CARGO_TERM_COLOR="never", CARGO_TARGET_DIR=os.path.join(root, "target"))
            outcome[name] = run_tool(tools[name], crate_dir, env, args.timeout)
            with open(os.path.join(root, "output.txt"), "w") as f:
                f.write(outcome[name][2])
        first = outcome[wanted[0]]
        summary = ", ".join(r for _, r in first[1]) or "-"
        total = [0, 0, 0]
        for _, r in first[1]:
            for i, n in enumerate(r.split(" ")[-1].split("/")):
                total[i] += int(n)
        same = "-"
        if len(wanted) == 2:
            c, f = outcome["cargo"], outcome["ferry"]
            ok = c[0] == f[0] and c[1] == f[1] and c[0] != "timeout"
            same = "yes" if ok else "NO"
            if not ok:
                failures += 1
        times = [f"{outcome[n][3]:8.1f}" if n in outcome else f"{'':8}" for n in ("cargo", "ferry")]
        print(f"{crate:32} {len(first[1]):>8}  {'/'.join(map(str, total)) + ' exit ' + str(first[0]):32} {same:5} {times[0]} {times[1]}", flush=True)
        if same == "NO":
            for name in wanted:
                print(f"    {name}: exit {outcome[name][0]}: {outcome[name][1]}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
