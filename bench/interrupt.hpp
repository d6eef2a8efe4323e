#pragma once
// Ctrl-C (SIGINT) and SIGTERM during a run: a thread waits for them and requests a stop on
// one stop source, whose token every workload call gets (RunOptions::stop), so a run stops
// within a fraction of a second, writes no partial file and exits 128 + the signal's
// number; one rank of an MPI job ends the whole job at once (bench/ranks.hpp). A second
// signal (half a second or more after the first) ends the process at once.
#include <stop_token>

namespace volley::bench {

/// Blocks SIGINT and SIGTERM in the calling thread, and so in every thread it starts later,
/// and starts the thread that waits for them. Call it first in main.
void catch_interrupts();
/// The token whose stop the first SIGINT or SIGTERM requests.
std::stop_token interrupt_token();
/// Throws volley::Cancelled once a signal came.
void throw_if_interrupted();
/// After a child program failed: throws volley::Cancelled when a signal came, waiting up to
/// 200 ms for it, since Ctrl-C reaches the child and volley-bench together but the watching
/// thread may not have recorded it yet when the child's end is seen.
void throw_if_interrupted_with_child();
/// 128 + the number of the signal that came (130 for SIGINT), or 0 when none came.
int interrupted_exit_code();

}  // namespace volley::bench
