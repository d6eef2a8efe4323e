#pragma once
// Umbrella header: the whole public API of volley.
#include "volley/contract/cxx20.hpp"
#include "volley/gpu.hpp"
#include "volley/midpoint.hpp"
#include "volley/monte_carlo.hpp"
#include "volley/pool.hpp"
#include "volley/queue.hpp"
#include "volley/primes.hpp"
#include "volley/run_options.hpp"
#include "volley/targets.hpp"
#include "volley/thread_policy.hpp"
#include "volley/version.hpp"
#include "volley/xoshiro.hpp"
