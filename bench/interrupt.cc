#include "bench/interrupt.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

#include "volley/cancellation.hpp"

namespace volley::bench {
namespace {

std::stop_source& interrupt_source() {
  static std::stop_source source;
  return source;
}

std::atomic<int> g_signal{0};

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void catch_interrupts() {
  const sigset_t set = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) return;
    g_signal = signal;
    interrupt_source().request_stop();
    // From now on a signal takes its default action, delivered to this thread, the only one
    // that does not block it: a second Ctrl-C ends a run that does not stop.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    for (;;) pause();
  }).detach();
}

std::stop_token interrupt_token() { return interrupt_source().get_token(); }

void throw_if_interrupted() { throw_if_stopped(interrupt_token()); }

int interrupted_exit_code() {
  const int signal = g_signal;
  return signal == 0 ? 0 : 128 + signal;
}

}  // namespace volley::bench
