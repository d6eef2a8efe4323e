#!/usr/bin/env python3
"""One rank of `mpirun -n 2 volley-bench pi` (a run of hours) gets a signal: the whole job must
end within seconds, with a failing exit status and a message naming rank 1.

Usage: rank_failure.py MPIRUN VOLLEY_BENCH SIGNAL (INT, TERM, KILL or SEGV)
"""
import os
import re
import signal
import subprocess
import sys
import time

DEADLINE_S = 30


def children(pid):
    """The processes whose parent is pid."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def rank_of(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = dict(item.split(b"=", 1) for item in f.read().split(b"\0") if b"=" in item)
    except OSError:
        return None
    rank = env.get(b"OMPI_COMM_WORLD_RANK")
    return int(rank) if rank is not None else None


def blocks_sigint(pid):
    """Whether the process has set up its interrupt handling (SIGINT blocked)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            mask = next(line.split()[1] for line in f if line.startswith("SigBlk:"))
    except (OSError, StopIteration):
        return False
    return int(mask, 16) & (1 << (signal.SIGINT - 1)) != 0


def main():
    mpirun, bench, name = sys.argv[1:4]
    job = subprocess.Popen([mpirun, "-n", "2", "--oversubscribe", bench, "pi", "--samples", "1e13", "--threads", "1"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    start = time.monotonic()
    target = None
    while target is None and time.monotonic() - start < DEADLINE_S:
        ranks = {rank_of(p): p for p in children(job.pid)}
        if len(ranks) == 2 and all(blocks_sigint(p) for p in ranks.values()):
            target = ranks.get(1)
        time.sleep(0.1)
    if target is None:
        job.kill()
        sys.exit(f"FAIL: the two ranks did not start within {DEADLINE_S} s:\n{job.communicate()[0]}")
    time.sleep(1)  # into the work
    os.kill(target, getattr(signal, "SIG" + name))
    try:
        output = job.communicate(timeout=DEADLINE_S)[0]
    except subprocess.TimeoutExpired:
        job.kill()
        sys.exit(f"FAIL: the job still ran {DEADLINE_S} s after rank 1 got SIG{name}:\n{job.communicate()[0]}")
    print(output)
    if job.returncode == 0:
        sys.exit(f"FAIL: exit status 0 after rank 1 got SIG{name}")
    if not re.search(r"rank 1\b", output):
        sys.exit("FAIL: no message names rank 1")
    print(f"ok: SIG{name} on rank 1 ended the job in {time.monotonic() - start:.1f} s, exit status {job.returncode}")


if __name__ == "__main__":
    main()
