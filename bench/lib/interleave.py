#!/usr/bin/env python3
"""Times two or more commands in alternation and prints medians as JSON.

    interleave.py RUNS WARMUP NAME PREPARE COMMAND [NAME PREPARE COMMAND ...]

Each round runs every command once, in turn (its PREPARE shell snippet first, untimed), so a
change in the load of a shared machine hits every command alike; hyperfine would run all runs
of one command before the next. COMMAND is run through the shell with stdout and stderr
discarded; a non-zero exit fails the benchmark. Output: {"NAME": {"median": s, "times": [...]}, ...}.
"""
import json
import statistics
import subprocess
import sys
import time


def main():
    runs, warmup = int(sys.argv[1]), int(sys.argv[2])
    rest = sys.argv[3:]
    if len(rest) % 3 != 0 or not rest:
        sys.exit(__doc__)
    commands = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    times = {name: [] for name, _, _ in commands}
    for round_ in range(warmup + runs):
        for name, prepare, command in commands:
            subprocess.run(prepare, shell=True, check=True)
            start = time.perf_counter()
            done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                sys.exit(f"{name} failed ({done.returncode}): {command}\n{done.stderr.decode(errors='replace')}")
            if round_ >= warmup:
                times[name].append(elapsed)
    json.dump({name: {"median": statistics.median(t), "times": t} for name, t in times.items()}, sys.stdout)


if __name__ == "__main__":
    main()
