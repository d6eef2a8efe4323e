"""The package as installed: version, typing stub, documentation."""
import importlib.resources
import re

import volley


def test_version_is_the_clis(bench):
    import os, subprocess
    out = subprocess.run([os.environ["VOLLEY_BENCH"], "--version"], capture_output=True, text=True, check=True).stdout
    assert volley.__version__ in out and re.fullmatch(r"\d+\.\d+\.\d+", volley.__version__)


def test_stub_and_marker_are_installed():
    files = importlib.resources.files("volley")
    assert (files / "py.typed").is_file()
    stub = (files / "_volley.pyi").read_text()
    for name in volley.__all__:
        if name != "__version__":
            assert re.search(rf"^(def|class) {name}\b|^{name}: ", stub, re.M), f"{name} missing from the stub"
    assert "def primes(start: int, stop: int | None = None" in stub
    assert "-> Annotated[NDArray[numpy.uint64]" in stub


def test_every_public_function_is_documented():
    for name in volley.__all__:
        obj = getattr(volley, name)
        if callable(obj):
            assert obj.__doc__ and len(obj.__doc__) > 40, name


def test_result_repr():
    r = volley.monte_carlo_pi(1000, seed=1)
    assert repr(r) == f"MonteCarloResult(hits={r.hits}, samples=1000, estimate={r.estimate!r}, std_error={r.std_error!r})"
