// The asynchronous half of the Pool: worker threads over one task queue, the futures' shared
// state, the completion order that as_completed and wait_any read, and the Pool's own
// executor (made at its first submit, joined by its destructor).
#include "host/src/worker_id.hpp"
#include "volley/future.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace volley::detail {
namespace {

thread_local Executor* t_executor = nullptr;

// A callback's failure is its own: the task has ended either way.
void run_callback(const std::function<void()>& fn) noexcept {
  try {
    fn();
  } catch (...) {
  }
}

// How long a worker out of tasks keeps looking before it sleeps: long enough to bridge the gap
// between a caller's submits, short enough to give the core back soon after a burst.
constexpr auto kLookFor = std::chrono::microseconds(50);

void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

}  // namespace

void SpinLock::lock() noexcept {
  for (int spins = 0; locked_.exchange(true, std::memory_order_acquire);)
    while (locked_.load(std::memory_order_relaxed)) {
      if (++spins < 64)
        cpu_relax();
      else
        std::this_thread::yield();  // the holder may be waiting for this core
    }
}

Executor::Executor(unsigned threads) {
  workers_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
}

Executor::~Executor() {
  {
    std::scoped_lock lock(sleep_mutex_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (auto& worker : workers_) worker.join();
}

// No worker sleeps past a queued task: a worker counts itself sleeping, then looks at the queue
// once more; a caller stores the queue's size, then reads the sleeping count (all sequentially
// consistent, so one of the two sees the other), and wakes under the sleepers' mutex.
void Executor::wake_if_unseen() {
  if (queued_.load() == 0 || sleeping_.load() == 0 || looking_.load()) return;
  { std::scoped_lock lock(sleep_mutex_); }
  work_cv_.notify_one();
}

// A task is claimed by the thread that runs it. One claimed by a waiting thread while queued
// leaves its entry behind: a pop passing it drops it, as does the next enqueue when it is the
// newest, or a worker before it sleeps.
void Executor::drop_claimed_newest() {
  while (!tasks_.empty() && tasks_.back()->status_.load(std::memory_order_relaxed) != TaskState::kQueued)
    tasks_.pop_back();
}

void Executor::enqueue(std::shared_ptr<TaskState> task) {
  task->executor_ = this;
  {
    std::scoped_lock lock(queue_lock_);
    drop_claimed_newest();
    queued_.fetch_add(1);
    tasks_.push_back(std::move(task));
  }
  wake_if_unseen();
}

bool Executor::claim(TaskState& task) noexcept {
  std::uint8_t expected = TaskState::kQueued;
  if (!task.status_.compare_exchange_strong(expected, TaskState::kRunning, std::memory_order_acq_rel)) return false;
  task.executor_->queued_.fetch_sub(1);  // the claimer's last use of the executor
  return true;
}

std::shared_ptr<TaskState> Executor::try_pop() {
  if (queued_.load() == 0) return nullptr;
  std::shared_ptr<TaskState> task;
  {
    std::scoped_lock lock(queue_lock_);
    while (!tasks_.empty() && !task) {
      if (tasks_.front()->status_.load(std::memory_order_relaxed) == TaskState::kQueued) task = tasks_.front();
      tasks_.pop_front();
    }
  }
  wake_if_unseen();  // more than one task: another worker's turn
  return task;
}

bool Executor::run_one() {
  const auto task = try_pop();
  if (!task) return false;
  if (claim(*task)) task->execute();
  return true;
}

std::shared_ptr<TaskState> Executor::take() {
  // One worker looking is enough: more would only take cores from the callers.
  if (!looking_.exchange(true)) {
    std::shared_ptr<TaskState> task;
    for (const auto since = std::chrono::steady_clock::now();;) {
      for (int i = 0; i < 64 && queued_.load(std::memory_order_relaxed) == 0; ++i) cpu_relax();
      if ((task = try_pop()) || std::chrono::steady_clock::now() - since > kLookFor) break;
    }
    looking_.store(false);
    if (task) {
      wake_if_unseen();
      return task;
    }
  }
  for (;;) {
    if (auto task = try_pop()) return task;
    {
      std::scoped_lock lock(queue_lock_);
      drop_claimed_newest();  // none left to keep a finished task's value alive while idle
    }
    std::unique_lock lock(sleep_mutex_);
    if (stopping_ && queued_.load() == 0) return nullptr;  // every queued task has run
    sleeping_.fetch_add(1);
    work_cv_.wait(lock, [&] { return stopping_ || queued_.load() != 0; });
    sleeping_.fetch_sub(1);
  }
}

Executor* Executor::current() noexcept { return t_executor; }

void Executor::work(unsigned index) {
  t_executor = this;
  // A blocking Pool call inside a task runs on this thread, as nesting does.
  set_current_worker(static_cast<int>(index));
  while (const auto task = take()) {
    if (!claim(*task)) continue;  // a thread waiting for it ran it
    add_busy_async_workers(1);
    task->execute();
    add_busy_async_workers(-1);
  }
}

namespace {

// Where threads wait for tasks to end and callbacks wait to run: a few locks shared by every
// task by address, so that a task costs no lock or condition variable of its own.
struct ParkingPlace {
  std::mutex mutex;
  std::condition_variable cv;
};

ParkingPlace& parking_place(const void* task) noexcept {
  static ParkingPlace places[64];
  return places[(reinterpret_cast<std::uintptr_t>(task) >> 6) % 64];
}

}  // namespace

void TaskState::wait() {
  if (ready()) return;
  if (Executor::claim(*this)) {
    // As a nested call: a Pool call inside the task runs serially, as on a worker.
    const int outer = current_worker();
    if (outer < 0) set_current_worker(0);
    execute();
    set_current_worker(outer);
    return;
  }
  ParkingPlace& place = parking_place(this);
  std::unique_lock lock(place.mutex);
  watched_.store(true);
  wait_helping(lock, place.cv, [&] { return status_.load() == kDone; });
}

bool TaskState::wait_for(std::chrono::nanoseconds timeout) {
  if (ready()) return true;
  ParkingPlace& place = parking_place(this);
  std::unique_lock lock(place.mutex);
  watched_.store(true);
  return place.cv.wait_for(lock, timeout, [&] { return status_.load() == kDone; });
}

// The store of kDone and the load of watched_ pair with the watchers' store of watched_ and
// load of the status (all sequentially consistent): one side sees the other.
void TaskState::finish(std::exception_ptr error) noexcept {
  error_ = std::move(error);
  status_.store(kDone);
  if (!watched_.load()) return;
  ParkingPlace& place = parking_place(this);
  std::vector<std::function<void()>> callbacks;
  {
    std::scoped_lock lock(place.mutex);
    callbacks.swap(callbacks_);
  }
  place.cv.notify_all();
  for (const auto& fn : callbacks) run_callback(fn);
}

void TaskState::on_done(std::function<void()> fn) {
  {
    std::scoped_lock lock(parking_place(this).mutex);
    watched_.store(true);
    if (status_.load() != kDone) {
      callbacks_.push_back(std::move(fn));
      return;
    }
  }
  run_callback(fn);
}

void Completions::push(std::size_t index) {
  {
    std::scoped_lock lock(mutex_);
    done_.push_back(index);
  }
  cv_.notify_all();
}

std::size_t Completions::pop() {
  std::unique_lock lock(mutex_);
  wait_helping(lock, cv_, [&] { return !done_.empty(); });
  const std::size_t index = done_.front();
  done_.pop_front();
  return index;
}

}  // namespace volley::detail

namespace volley {

Pool& Pool::operator=(const Pool& other) {
  if (this != &other) {
    delete async_.exchange(nullptr);  // waits for this pool's submitted tasks
    threads_ = other.threads_;
  }
  return *this;
}

Pool::~Pool() { delete async_.load(); }

detail::Executor& Pool::executor() const {
  detail::Executor* executor = async_.load(std::memory_order_acquire);
  if (executor != nullptr) return *executor;
  auto made = std::make_unique<detail::Executor>(threads_);
  // Two first submits at once: one executor wins, the other is joined at once, idle.
  if (async_.compare_exchange_strong(executor, made.get(), std::memory_order_acq_rel)) return *made.release();
  return *executor;
}

}  // namespace volley
