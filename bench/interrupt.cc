#include "bench/interrupt.hpp"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

#include "bench/ranks.hpp"
#include "volley/cancellation.hpp"

namespace volley::bench {
namespace {

std::stop_source& interrupt_source() {
  // Never destroyed: the watching thread may still use it while the process exits.
  static auto* const source = new std::stop_source;
  return *source;
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
    using Clock = std::chrono::steady_clock;
    Clock::time_point first;
    for (int signal = 0; sigwait(&set, &signal) == 0;) {
      if (g_signal == 0) {
        g_signal = signal;
        first = Clock::now();
        interrupt_source().request_stop();
        // The other ranks of an MPI job would wait for this one.
        abort_job(128 + signal, "was interrupted (signal " + std::to_string(signal) + ")", false);
      } else if (Clock::now() - first > std::chrono::milliseconds(500)) {
        // A second Ctrl-C ends a run that does not stop: the signal's default action. (One
        // soon after the first is a copy: `timeout` signals the process and its group.)
        std::signal(signal, SIG_DFL);
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        raise(signal);
      }
    }
  }).detach();
}

std::stop_token interrupt_token() { return interrupt_source().get_token(); }

void throw_if_interrupted() { throw_if_stopped(interrupt_token()); }

void throw_if_interrupted_with_child() {
  for (int i = 0; i < 40 && !interrupt_token().stop_requested(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  throw_if_interrupted();
}

int interrupted_exit_code() {
  const int signal = g_signal;
  return signal == 0 ? 0 : 128 + signal;
}

}  // namespace volley::bench
