#pragma once
// VOLLEY_HOST_DEVICE marks the contract's functions as callable from CUDA device code as
// well; in plain C++ (host code, Highway kernels) it expands to nothing.
#include "volley/contract/cxx20.hpp"

#if defined(__CUDACC__)
#define VOLLEY_HOST_DEVICE __host__ __device__
#else
#define VOLLEY_HOST_DEVICE
#endif
