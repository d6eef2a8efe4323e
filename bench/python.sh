#!/usr/bin/env bash
# volley from Python beside the tutorials' Python (pure and Pool), NumPy, Numba and
# primesieve's Python binding, in one run (bench/python_peers.py), in a virtual environment of
# its own: build-python/bench-venv. Extra arguments go to the script (--rounds N, --quick,
# --json FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake/install-deps.sh python3-venv python3-dev
venv=build-python/bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
# primesieve's binding (2.3.4) builds from source on Debian's libprimesieve-dev, and builds its
# NumPy module only when it sees NumPy 1 as it builds: so NumPy first, no build isolation, no
# cached wheel.
"${pip[@]}" "numpy<2" numba setuptools wheel
if ! "$venv/bin/python" -c "import primesieve.numpy" 2>/dev/null; then
  "${pip[@]}" --force-reinstall --no-deps --no-build-isolation --no-cache-dir primesieve
fi
"${pip[@]}" . --config-settings=build-dir=build-python/cmake
exec "$venv/bin/python" bench/python_peers.py "$@"
