#!/usr/bin/env python3
"""Times shell commands side by side: A B A B ..., so that a machine that speeds up or slows
down during the run (other work, frequency changes) weighs on all of them alike, where runs
of one command after the other would credit one with the other's luck.

    bench/alternate.py RUNS COMMAND...

Each command runs once to warm up, then RUNS times in turn; its output is discarded and a
failure stops everything. Prints one line per command: median wall seconds, min, max.
"""
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs, commands = int(sys.argv[1]), sys.argv[2:]
    for c in commands:
        run(c)
    times = [[] for _ in commands]
    for _ in range(runs):
        for k, c in enumerate(commands):
            times[k].append(run(c))
    for t in times:
        print(f"{statistics.median(t):.4f} {min(t):.4f} {max(t):.4f}")


if __name__ == "__main__":
    main()
