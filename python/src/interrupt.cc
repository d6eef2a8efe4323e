#include "python/src/interrupt.hpp"

#include <semaphore.h>
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <thread>

namespace nb = nanobind;

namespace volley::python {
namespace {

// One per process: after a fork the child makes its own (the parent's thread is not there,
// and its mutex may have been held).
struct Watcher {
  sem_t wake;
  std::mutex mutex;
  std::stop_source* active = nullptr;  // the main thread's running call, if any

  Watcher() { sem_init(&wake, 0, 0); }
};

std::atomic<Watcher*> current_watcher{nullptr};
struct sigaction python_handler {};  // what on_sigint chains to

void watch(Watcher* watcher) {
  for (;;) {
    while (sem_wait(&watcher->wake) != 0) {
    }
    const std::lock_guard lock(watcher->mutex);
    if (watcher->active != nullptr) watcher->active->request_stop();
  }
}

// Never freed: a process has one, and its thread runs for the life of the process.
Watcher& watcher_of_this_process() {
  Watcher* watcher = current_watcher.load(std::memory_order_acquire);
  if (watcher == nullptr) {
    watcher = new Watcher();
    std::thread(watch, watcher).detach();
    current_watcher.store(watcher, std::memory_order_release);
  }
  return *watcher;
}

extern "C" void on_sigint(int signal, siginfo_t* info, void* context) {
  const int saved_errno = errno;
  if (Watcher* watcher = current_watcher.load(std::memory_order_acquire)) sem_post(&watcher->wake);
  errno = saved_errno;
  if (python_handler.sa_flags & SA_SIGINFO)
    python_handler.sa_sigaction(signal, info, context);
  else if (python_handler.sa_handler != SIG_DFL && python_handler.sa_handler != SIG_IGN)
    python_handler.sa_handler(signal);
}

struct PythonSignals {
  nb::handle getsignal, default_handler, sigint;
  unsigned long main_thread;
};
const PythonSignals* python_signals = nullptr;  // set by init_interrupts, never freed

// Whether Ctrl-C should stop this call: on the main thread, with Python's default handler.
bool python_raises_on_sigint() {
  const PythonSignals& py = *python_signals;
  return PyThread_get_thread_ident() == py.main_thread && py.getsignal(py.sigint).is(py.default_handler);
}

}  // namespace

InterruptScope::InterruptScope() {
  if (!python_raises_on_sigint()) return;
  Watcher& watcher = watcher_of_this_process();
  {
    const std::lock_guard lock(watcher.mutex);
    watcher.active = &source_;
  }
  struct sigaction ours {};
  ours.sa_sigaction = on_sigint;
  ours.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&ours.sa_mask);
  hooked_ = sigaction(SIGINT, &ours, &python_handler) == 0;
  if (!hooked_) {
    const std::lock_guard lock(watcher.mutex);
    watcher.active = nullptr;
  }
}

InterruptScope::~InterruptScope() {
  if (!hooked_) return;
  sigaction(SIGINT, &python_handler, nullptr);
  Watcher& watcher = *current_watcher.load(std::memory_order_acquire);
  const std::lock_guard lock(watcher.mutex);
  watcher.active = nullptr;
}

void init_interrupts() {
  pthread_atfork(nullptr, nullptr, [] { current_watcher.store(nullptr, std::memory_order_release); });
  // _signal's getsignal: signal.getsignal wraps it in an enum lookup that costs microseconds.
  const nb::module_ signal_module = nb::module_::import_("_signal");
  const nb::module_ threading = nb::module_::import_("threading");
  const auto kept = [&](const char* name) { return nb::object(signal_module.attr(name)).release(); };
  python_signals = new PythonSignals{kept("getsignal"), kept("default_int_handler"), kept("SIGINT"),
                                     nb::cast<unsigned long>(threading.attr("main_thread")().attr("ident"))};
}

void InterruptScope::raise_interrupt() {
  if (PyErr_CheckSignals() != 0) throw nb::python_error();
  PyErr_SetNone(PyExc_KeyboardInterrupt);
  throw nb::python_error();
}

}  // namespace volley::python
