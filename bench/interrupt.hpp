#pragma once
// Ctrl-C during a long run: the handler only sets a flag; the run stops between two
// measurements and cleans up.
#include <stdexcept>

namespace volley::bench {

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

/// Installs the SIGINT handler.
void catch_interrupts();
/// Throws Interrupted once Ctrl-C was pressed.
void throw_if_interrupted();

}  // namespace volley::bench
