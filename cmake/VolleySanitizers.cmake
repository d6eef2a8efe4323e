# VOLLEY_SANITIZE=address builds the C++ code with ASan+UBSan, =thread with TSan (nvcc takes
# neither; CUDA device code is not instrumented).
if(VOLLEY_SANITIZE STREQUAL "address")
  add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:-fsanitize=address,undefined;-fno-omit-frame-pointer;-fno-sanitize-recover=all>")
  add_link_options(-fsanitize=address,undefined)
elseif(VOLLEY_SANITIZE STREQUAL "thread")
  add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:-fsanitize=thread;-fno-omit-frame-pointer>")
  add_link_options(-fsanitize=thread)
elseif(NOT VOLLEY_SANITIZE STREQUAL "")
  message(FATAL_ERROR "VOLLEY_SANITIZE must be '', 'address' or 'thread', not '${VOLLEY_SANITIZE}'")
endif()
