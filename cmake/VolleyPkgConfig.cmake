# volley.pc: `g++ app.cc $(pkg-config --cflags --libs volley)` links the installed variant. A
# static volley needs its kernels' archive, Highway, OpenMP (and CUDA's static runtime) on the
# consumer's link line; a shared one carries them.
set(pc_static_libs "")
set(pc_requires "")
if(volley_variant STREQUAL "static")
  set(pc_requires "Requires: libhwy\n")
  if(VOLLEY_HAVE_CUDA)  # the GPU kernels call the kernels' launch planning
    string(APPEND pc_static_libs " -lvolley_cuda")
  endif()
  string(APPEND pc_static_libs " -lvolley_kernels ${OpenMP_CXX_FLAGS}")
  if(VOLLEY_HAVE_CUDA)
    string(APPEND pc_static_libs " -L${CUDAToolkit_LIBRARY_DIR} -lcudart_static -ldl -lrt -lpthread")
  endif()
endif()
# Relative to the file itself, so that a moved prefix still works.
file(RELATIVE_PATH pc_prefix_from_pcdir ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" pc_prefix_from_pcdir "${pc_prefix_from_pcdir}")
configure_file(cmake/volley.pc.in ${PROJECT_BINARY_DIR}/volley.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/volley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
