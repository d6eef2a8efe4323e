#!/usr/bin/env python3
"""Runs every volley-bench subcommand with --json (and --csv where it writes one) and holds
every line against the output schema of the README's "Output" section: the context record
first, then result rows with the same typed fields, and CSV files whose columns are those
fields, in order, each row equal to its JSON line.

usage: schema_check.py VOLLEY_BENCH WORKDIR"""
import csv
import json
import os
import subprocess
import sys

ROW_FIELDS = ["workload", "variant", "target", "ranks", "threads", "size", "result", "check", "median", "min",
              "max", "ns_per_item", "vs_scalar", "vs_1_thread", "vs_cores", "vs_peer", "vs_python", "detail"]
SCALING_FIELDS = ["experiment", "variant", "workload", "tasks", "workers", "median", "min", "max", "speedup",
                  "efficiency", "best"]
CONTEXT_TYPES = {"volley_version": str, "date": str, "cpu": str, "logical_cpus": int, "usable_cpus": int,
                 "usable_cpus_source": str, "threads": int, "threads_source": str, "ranks": int, "targets": dict,
                 "compiler": str, "flags": str, "repeats": int, "gpus": list}


class SchemaError(Exception):
    pass


def expect(condition, what, value):
    if not condition:
        raise SchemaError(f"{what}: {value!r}")


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_context(line):
    record = json.loads(line)
    expect(list(record) == ["context"], "the first line is not the context record", line)
    context = record["context"]
    for key, kind in CONTEXT_TYPES.items():
        expect(isinstance(context.get(key), kind), f"context field {key} is not a {kind.__name__}", context)
    expect(set(context["targets"]) == {"compiled", "supported", "chosen"}, "context targets", context["targets"])
    expect(context["threads"] >= 1 and context["repeats"] >= 1, "context counts", context)


def check_row(row):
    expect(sorted(row) == sorted(ROW_FIELDS), "row fields", sorted(row))
    for key in ("workload", "variant", "target"):
        expect(isinstance(row[key], str) and row[key], key, row)
    for key in ("ranks", "threads"):
        expect(isinstance(row[key], int) and row[key] >= 1, key, row)
    expect(isinstance(row["size"], int) and row["size"] >= 0, "size", row)
    expect(is_number(row["result"]), "result", row)
    expect(row["check"] in (None, "ok"), "check (null or ok; anything else is a wrong answer)", row)
    for key in ("median", "min", "max"):
        expect(is_number(row[key]) and row[key] >= 0, key, row)
    expect(row["min"] <= row["median"] <= row["max"], "min <= median <= max", row)
    for key in ("ns_per_item", "vs_scalar", "vs_1_thread", "vs_cores", "vs_peer", "vs_python"):
        expect(row[key] is None or (is_number(row[key]) and row[key] >= 0), key, row)
    expect(isinstance(row["detail"], dict), "detail", row)


def csv_value(text, like):
    """The CSV field `text` read back as the JSON value `like` has it."""
    if like is None:
        return None if text == "" else text
    if isinstance(like, (dict, list)):
        return json.loads(text)
    if isinstance(like, bool):
        return {"true": True, "false": False}.get(text, text)
    if isinstance(like, str):
        return text
    return int(text) if isinstance(like, int) else float(text)


def rounding_of(text):
    """The most a number printed as `text` can differ from the value it stands for: half a
    unit of its last decimal place; nothing for an integer (printed whole, so exact)."""
    mantissa, _, exponent = text.lower().partition("e")
    if "." not in mantissa:
        return 0.0
    places = len(mantissa.partition(".")[2])
    return 0.5 * 10.0 ** (int(exponent or 0) - places)


def check_csv(path, rows, fields):
    with open(path, newline="") as f:
        table = list(csv.reader(f))
    expect(table and table[0] == fields, f"{path}: header", table[:1])
    expect(len(table) - 1 == len(rows), f"{path}: {len(table) - 1} rows for {len(rows)} JSON rows", table)
    for cells, row in zip(table[1:], rows):
        expect(len(cells) == len(fields), f"{path}: cells", cells)
        for name, text in zip(fields, cells):
            if name.startswith("vs_"):  # the JSON's speedups see only the rows before theirs
                continue
            value = csv_value(text, row[name])
            # Numbers as printed: the CSV may round, to at most half a unit of its last digit.
            same = abs(value - row[name]) <= rounding_of(text) + 1e-12 * abs(row[name]) \
                if isinstance(value, float) else value == row[name]
            expect(same, f"{path}: {name} differs from the JSON line ({text})", row)


def run(bench, *args):
    result = subprocess.run([bench, *args], capture_output=True, text=True, timeout=600)
    expect(result.returncode == 0, f"volley-bench {' '.join(args)} exited {result.returncode}", result.stderr)
    return result.stdout.splitlines()


def check_rows_command(bench, workdir, name, args, csv_too=True):
    path = os.path.join(workdir, name + ".csv")
    lines = run(bench, *args, "--json", *(["--csv", path] if csv_too else []))
    expect(len(lines) >= 2, f"{name}: no rows", lines)
    check_context(lines[0])
    rows = [json.loads(line) for line in lines[1:]]
    for row in rows:
        check_row(row)
    if csv_too:
        check_csv(path, rows, ROW_FIELDS)
    return rows


def main(bench, workdir):
    os.makedirs(workdir, exist_ok=True)
    commands = {
        "default": ["--repeat", "1"],
        "pi": ["pi", "--samples", "1e6", "--repeat", "3"],
        "midpoint": ["midpoint", "--steps", "1e6", "--repeat", "3"],
        "primes": ["primes", "1e7"],
        "is-prime-batch": ["is-prime", "--from", "1e8", "--to", "1.0001e8", "--shuffle"],
        "tutorials": ["tutorials", "--repeat", "1"],
        "plan-sweep": ["plan-sweep", "--repeat", "1", "--bases", "1e12", "--octaves", "1"],
    }
    if subprocess.run([bench, "primes", "10", "--vs-primesieve"], capture_output=True).returncode == 0:
        commands["vs-primesieve"] = ["primes", "1e7", "--vs-primesieve"]
    for name, args in commands.items():
        rows = check_rows_command(bench, workdir, name, args)
        print(f"{name}: context and {len(rows)} rows fit the schema")

    # Answers and streams: the context record, then rows (or numbers, one per line).
    rows = check_rows_command(bench, workdir, "is-prime", ["is-prime", "7", "561"], csv_too=False)
    expect([r["result"] for r in rows] == [1, 0], "is-prime answers", rows)
    lines = run(bench, "primes", "100", "200", "--list", "--json")
    check_context(lines[0])
    numbers = [json.loads(line) for line in lines[1:-1]]
    expect(all(isinstance(n, int) for n in numbers) and len(numbers) == 21, "listed primes", numbers)
    summary = json.loads(lines[-1])
    check_row(summary)
    expect(summary["result"] == 21, "the list's count", summary)
    lines = run(bench, "targets", "--json")
    expect(len(lines) == 1, "targets --json prints the context record alone", lines)
    check_context(lines[0])

    # The scaling study: the context record, then its points, with the CSV's names.
    prefix = os.path.join(workdir, "study")
    result = subprocess.run([bench, "scaling", "--workload", "pi", "--tasks", "2", "--max-workers", "2",
                             "--twenty-max-workers", "0", "--repeat", "1", "--out", prefix, "--json"],
                            capture_output=True, text=True, timeout=600)
    lines = result.stdout.splitlines()
    check_context(lines[0])
    points = [json.loads(line) for line in lines[1:]]
    expect(points, "scaling: no points", result.stderr)
    for point in points:
        expect(sorted(point) == sorted(SCALING_FIELDS), "scaling point fields", sorted(point))
    check_csv(prefix + ".csv", points, SCALING_FIELDS)
    print(f"scaling: context and {len(points)} points fit the schema")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2])
    except SchemaError as e:
        sys.exit(f"schema_check: {e}")
