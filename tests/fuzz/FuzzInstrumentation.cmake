# VOLLEY_FUZZ=ON: every target is compiled with libFuzzer's coverage instrumentation and
# ASan + UBSan (UBSan fatal, so that libFuzzer records the input); only the fuzzers in
# tests/fuzz/ link libFuzzer itself (-fsanitize=fuzzer). Included before any target is made.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "VOLLEY_FUZZ needs clang, which ships libFuzzer (e.g. CXX=clang++-14)")
endif()
if(NOT VOLLEY_SANITIZE STREQUAL "")
  message(FATAL_ERROR "VOLLEY_FUZZ brings its own sanitizers: leave VOLLEY_SANITIZE empty")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
