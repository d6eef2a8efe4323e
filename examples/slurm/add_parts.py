#!/usr/bin/env python3
"""Adds the parts of a prime count that a job array wrote (prime_parts.sbatch) to DIR as
part-*.json, after checking that they tile [FROM, TO) exactly: none missing, none twice.

  add_parts.py FROM TO DIR    prints {"from": ..., "to": ..., "count": ..., "parts": n}
"""
import decimal
import json
import pathlib
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    lo, hi = (int(decimal.Decimal(a)) for a in sys.argv[1:3])
    parts = []
    for path in sorted(pathlib.Path(sys.argv[3]).glob("part-*.json")):
        with open(path) as f:
            rows = [json.loads(line) for line in f if line.startswith("{")]
        counts = [row for row in rows if row.get("workload") == "count"]  # past the context record
        if len(counts) != 1:
            sys.exit(f"add_parts: {path}: expected one count, found {len(counts)} among {len(rows)} JSON lines")
        row = counts[0]
        parts.append({"from": row["detail"]["from"], "to": row["detail"]["to"], "count": row["result"]})
    parts.sort(key=lambda p: p["from"])
    at = lo
    for part in parts:
        if part["from"] != at:
            sys.exit(f"add_parts: the parts leave out or repeat numbers at {at} (a part starts at {part['from']})")
        at = part["to"]
    if at != hi:
        sys.exit(f"add_parts: the parts end at {at}, not at {hi}")
    print(json.dumps({"from": lo, "to": hi, "count": sum(p["count"] for p in parts), "parts": len(parts)}))


if __name__ == "__main__":
    main()
