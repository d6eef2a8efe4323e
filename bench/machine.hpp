#pragma once
// What volley-bench reports about the machine it runs on.
#include <string>

namespace volley::bench {

/// The CPU's "model name" from /proc/cpuinfo; "unknown CPU" where there is none.
std::string cpu_model();

}  // namespace volley::bench
