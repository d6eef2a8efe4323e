#pragma once
// volley-bench's progress line: on a terminal's stderr, "running <what> ... 42%", redrawn in
// place while a measurement runs and erased before anything else is printed. Off with --json,
// --csv or --no-progress, when stderr is not a terminal, and on MPI ranks other than 0.
#include <string>

#include "volley/progress.hpp"

namespace volley::bench {

/// Turns the line on (once the command line is parsed); it stays off otherwise.
void enable_progress(bool on);

/// Shows "running <what> ..."; an empty `what` erases the line.
void progress(const std::string& what);

/// The counter the running measurement counts its work into (RunOptions::progress); nullptr
/// while the line is off.
Progress* progress_counter();

/// Zeroes the counter: each run of a measurement counts from 0%.
void restart_progress();

}  // namespace volley::bench
