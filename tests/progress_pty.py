#!/usr/bin/env python3
"""volley-bench's progress line, seen through a pseudo-terminal: on a terminal's stderr a
long run shows "running ... N%", redrawn in place, and erases it at the end; with --json,
--csv or --no-progress, or when stderr is not a terminal, stderr gets none of it, and
standard output never does.

usage: progress_pty.py VOLLEY_BENCH WORKDIR"""
import os
import pty
import re
import select
import subprocess
import sys

LONG_RUN = ["pi", "--samples", "5e9", "--repeat", "1"]  # about a second on 2 cores
SHORT_RUN = ["pi", "--samples", "1e8", "--repeat", "1"]  # where no line may show, a short run does
ERASE = b"\r\x1b[K"


def run_on_terminal(bench, args):
    """Runs volley-bench with stderr on a pseudo-terminal; returns (stdout, terminal bytes)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([bench, *args], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closed: the process is gone
                break
            if not data:
                break
            seen += data
        elif process.poll() is not None:
            break
    out = process.stdout.read()
    process.wait(timeout=60)
    os.close(master)
    if process.returncode != 0:
        sys.exit(f"volley-bench {' '.join(args)} exited {process.returncode}: {seen!r}")
    return out, seen


def fail(why, seen):
    sys.exit(f"progress_pty: {why}: {seen[:300]!r} ... {seen[-120:]!r}")


def main(bench, workdir):
    out, seen = run_on_terminal(bench, LONG_RUN)
    percents = [int(p) for p in re.findall(rb"running pi run \([^)]*\) \.\.\. (\d+)%", seen)]
    if not percents or not any(0 < p < 100 for p in percents):
        fail("no percentage part way on the terminal", seen)
    if percents != sorted(percents):
        fail("the percentage went back", seen)
    if not seen.endswith(ERASE):
        fail("the line is not erased at the end", seen)
    if b"\r" in out or b"%" in out or b"\x1b" in out:
        fail("progress reached standard output", out)
    print(f"terminal: {len(percents)} redraws, {percents[0]}% .. {percents[-1]}%, erased")

    os.makedirs(workdir, exist_ok=True)
    for extra in (["--json"], ["--csv", os.path.join(workdir, "pi.csv")], ["--no-progress"]):
        _, seen = run_on_terminal(bench, SHORT_RUN + extra)
        if b"running" in seen or b"\r" in seen:
            fail(f"progress shown with {extra[0]}", seen)
        print(f"{extra[0]}: no progress")
    result = subprocess.run([bench, *SHORT_RUN], capture_output=True, timeout=120)
    if result.returncode != 0 or b"running" in result.stderr or b"\r" in result.stderr:
        fail("progress shown on a stderr that is not a terminal", result.stderr)
    print("stderr not a terminal: no progress")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
