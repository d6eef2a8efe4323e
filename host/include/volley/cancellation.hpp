#pragma once
// Stopping a running call from another thread (or a signal-watching thread): give the call a
// std::stop_token (RunOptions::stop, CallOptions::stop) and request a stop on its source.
// The call checks the token between blocks of work, lets the running pieces finish, and
// throws Cancelled, typically within a few milliseconds per thread.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <stdexcept>
#include <stop_token>

namespace volley {

/// What a call throws when its stop token was asked to stop. Any partial result is dropped.
class VOLLEY_API Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

/// Throws Cancelled when a stop was requested on `stop`.
inline void throw_if_stopped(const std::stop_token& stop) {
  if (stop.stop_requested()) throw Cancelled();
}

}  // namespace volley
