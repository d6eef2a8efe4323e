// The asynchronous half of the Pool: worker threads over one task queue, the futures' shared
// state, the completion order that as_completed and wait_any read, and the Pool's own
// executor (made at its first submit, joined by its destructor).
#include "host/src/worker_id.hpp"
#include "volley/future.hpp"

#include <memory>

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

}  // namespace

Executor::Executor(unsigned threads) {
  workers_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
}

Executor::~Executor() {
  {
    std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void Executor::enqueue(std::unique_ptr<Task> task) {
  {
    std::scoped_lock lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  work_cv_.notify_one();
}

bool Executor::run_one() {
  std::unique_ptr<Task> task;
  {
    std::scoped_lock lock(mutex_);
    if (tasks_.empty()) return false;
    task = std::move(tasks_.front());
    tasks_.pop_front();
  }
  task->run();
  return true;
}

Executor* Executor::current() noexcept { return t_executor; }

void Executor::work(unsigned index) {
  t_executor = this;
  // A blocking Pool call inside a task runs on this thread, as nesting does.
  set_current_worker(static_cast<int>(index));
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      work_cv_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and every queued task has run
    }
    add_busy_async_workers(1);
    run_one();  // none if a waiting worker took it first
    add_busy_async_workers(-1);
  }
}

bool TaskState::ready() const {
  std::scoped_lock lock(mutex_);
  return done_;
}

void TaskState::wait() const {
  std::unique_lock lock(mutex_);
  wait_helping(lock, done_cv_, [&] { return done_; });
}

bool TaskState::wait_for(std::chrono::nanoseconds timeout) const {
  std::unique_lock lock(mutex_);
  return done_cv_.wait_for(lock, timeout, [&] { return done_; });
}

void TaskState::finish(std::exception_ptr error) noexcept {
  std::vector<std::function<void()>> callbacks;
  {
    std::scoped_lock lock(mutex_);
    error_ = std::move(error);
    done_ = true;
    callbacks.swap(callbacks_);
  }
  done_cv_.notify_all();
  for (const auto& fn : callbacks) run_callback(fn);
}

std::exception_ptr TaskState::error() const {
  std::scoped_lock lock(mutex_);
  return error_;
}

void TaskState::on_done(std::function<void()> fn) {
  {
    std::scoped_lock lock(mutex_);
    if (!done_) {
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
