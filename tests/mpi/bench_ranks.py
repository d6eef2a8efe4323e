#!/usr/bin/env python3
"""volley-bench under mpirun, as a user runs it.

  bench_ranks.py same MPIRUN VOLLEY_BENCH RANKS
      pi, midpoint and a prime count over RANKS ranks print one result, rank 0's, equal to a plain
      run's, with the ranks and the threads per rank in the JSON and the table.
  bench_ranks.py refused MPIRUN VOLLEY_BENCH
      bad input and commands that do not run over 2 ranks: reported once, exit status 2; bad
      input that one rank alone finds (its own arguments) ends the job, naming the rank.
"""
import json
import re
import subprocess
import sys

RUNS = [
    ["pi", "--samples", "3e7", "--seed", "7"],
    ["midpoint", "--steps", "3e7"],
    ["primes", "--from", "1e12", "--to", "1.0001e12"],
]
RESULT_FIELDS = ("result", "size", "detail")  # detail: hits, seed, range, method


def run(command):
    done = subprocess.run(command, capture_output=True, text=True, timeout=100)
    return done.returncode, done.stdout, done.stderr


def fail(why, out="", err=""):
    sys.exit(f"FAIL: {why}\nstdout:\n{out}\nstderr:\n{err}")


def same(mpirun, bench, ranks):
    for args in RUNS:
        code, plain_out, err = run([bench, *args, "--json"])
        if code != 0:
            fail(f"plain {args}: exit status {code}", plain_out, err)
        plain = json.loads(plain_out.splitlines()[-1])  # after the context record
        launch = [mpirun, "-n", str(ranks), "--oversubscribe"]
        code, out, err = run([*launch, bench, *args, "--threads", "1", "--json"])
        lines = out.splitlines()
        if code != 0 or len(lines) != 2 or json.loads(lines[0])["context"]["ranks"] != ranks:
            fail(f"{ranks} ranks {args}: exit status {code}, {len(lines)} lines (want 0, and a context record "
                 f"naming {ranks} ranks and one row)", out, err)
        ranked = json.loads(lines[1])
        for field in RESULT_FIELDS:
            if plain.get(field) != ranked.get(field):
                fail(f"{args}: {field} is {ranked.get(field)} over {ranks} ranks, {plain.get(field)} in one process", out)
        if ranked["ranks"] != ranks or ranked["threads"] != 1 or plain["ranks"] != 1:
            fail(f"{args}: ranks {ranked['ranks']}, threads {ranked['threads']} (want {ranks} and 1)", out)
        code, out, err = run([*launch, bench, *args, "--threads", "1"])
        rows = [line for line in out.splitlines() if line.startswith(args[0] if args[0] != "primes" else "count")]
        header = out.splitlines()[0].split() if out else []
        if code != 0 or len(rows) != 1 or header[3:5] != ["ranks", "threads"] or rows[0].split()[3:5] != [str(ranks), "1"]:
            fail(f"{ranks} ranks {args}: the table has no single row with ranks {ranks} and 1 thread", out, err)
        print(f"ok: {' '.join(args)} over {ranks} ranks equals one process's")


def refused(mpirun, bench):
    cases = [
        (["pi", "--samples", "0"], "--samples: '0' must be at least 1"),
        (["primes", "--from", "5", "--to", "3"], "--from \\(5\\) is greater than --to \\(3\\)"),
        (["pi", "--samples", "10", "--threads", "1e9"], "--threads: .* more than"),
        (["pi", "--samples", "10", "--csv", "/nonexistent-dir/out.csv"], "--csv: cannot write"),
        (["targets"], "targets runs in one process, not over 2 MPI ranks"),
        (["primes", "--to", "100", "--list"], "--list and --vs-primesieve run in one process"),
    ]
    for args, message in cases:
        code, out, err = run([mpirun, "-n", "2", "--oversubscribe", bench, *args])
        said = len(re.findall(r"volley-bench: ", out + err))
        if code != 2 or said != 1 or not re.search(message, out + err) or not re.search(r"Exit code:\s+2", out + err):
            fail(f"{args}: exit status {code} (want 2), {said} reports (want 1), message '{message}'", out, err)
        print(f"ok: {' '.join(args)} refused once, exit status 2")
    # Rank 1 alone gets bad input while rank 0 starts a run of minutes: it must not wait.
    code, out, err = run([mpirun, "-n", "1", bench, "pi", "--samples", "1e12", ":", "-n", "1", bench, "pi", "--samples", "0"])
    said = out + err
    if code != 2 or "rank 1 failed where the others did not" not in said or "--samples: '0' must be at least 1" not in said:
        fail(f"bad input on rank 1 alone: exit status {code} (want 2), no message naming rank 1 and its failure", out, err)
    print("ok: bad input on rank 1 alone ends the job, named")


def main():
    mode, mpirun, bench = sys.argv[1:4]
    if mode == "same":
        same(mpirun, bench, int(sys.argv[4]))
    else:
        refused(mpirun, bench)


if __name__ == "__main__":
    main()
