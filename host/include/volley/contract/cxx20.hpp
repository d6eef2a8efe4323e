#pragma once
// Every volley header needs C++20 (concepts, ranges, designated initialisers, std::stop_token):
// say so at once, before the errors a C++17 compiler would give deep inside them.
#if defined(_MSVC_LANG) ? _MSVC_LANG < 202002L : __cplusplus < 202002L
#error "volley needs C++20 or later: compile with -std=c++20 (or /std:c++20)"
#endif
