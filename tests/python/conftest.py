"""Shared fixtures: volley-bench, the C++ CLI the results are compared with."""
import json
import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def bench():
    """Runs volley-bench (VOLLEY_BENCH: its path) with the given arguments and returns the
    JSON values it prints with --json (rows, and the numbers of a list), less the context."""
    path = os.environ.get("VOLLEY_BENCH")
    if not path:
        pytest.skip("VOLLEY_BENCH is not set: no volley-bench to compare with (tests/run.sh sets it)")
    if not os.access(path, os.X_OK):
        pytest.fail(f"VOLLEY_BENCH={path} is not an executable")

    def run(*args):
        out = subprocess.run([path, *map(str, args), "--json"], check=True, capture_output=True, text=True,
                             timeout=600).stdout
        values = [json.loads(line) for line in out.splitlines()]
        return [v for v in values if not (isinstance(v, dict) and "context" in v)]

    return run
