#include "bench/interrupt.hpp"

#include <csignal>

namespace volley::bench {
namespace {
volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_interrupt(int) { g_interrupted = 1; }
}  // namespace

void catch_interrupts() { std::signal(SIGINT, on_interrupt); }

void throw_if_interrupted() {
  if (g_interrupted) throw Interrupted();
}

}  // namespace volley::bench
