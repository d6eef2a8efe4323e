"""volley: vectorised, multicore kernels for Monte Carlo pi, midpoint-rule pi and primes.

Every call runs the C++ library without the GIL, on all the cores volley's thread policy
grants (SLURM, OMP_NUM_THREADS, affinity, cgroup quota) unless `threads` says otherwise,
stops on Ctrl-C with KeyboardInterrupt, and gives the same answer as the C++ library and
volley-bench for the same inputs, on every ISA target and thread count.

    >>> import volley
    >>> volley.count_primes(10**8, 10**8 + 10**6)
    54208
    >>> volley.monte_carlo_pi(10**6, seed=1).hits
    785837
"""
from ._volley import (
    MAX_LISTED_PRIMES,
    MonteCarloResult,
    __version__,
    count_primes,
    default_threads,
    is_prime,
    midpoint_pi,
    monte_carlo_pi,
    primes,
    targets,
)

__all__ = [
    "MAX_LISTED_PRIMES",
    "MonteCarloResult",
    "__version__",
    "count_primes",
    "default_threads",
    "is_prime",
    "midpoint_pi",
    "monte_carlo_pi",
    "primes",
    "targets",
]
