# Installs the library, its headers, a CMake package (find_package(volley)) and a pkg-config
# file. A static and a shared build install into one prefix side by side: each has its own
# targets file, and volleyConfig.cmake picks one (volley_SHARED_LIBS, else BUILD_SHARED_LIBS).
include(CMakePackageConfigHelpers)

set(volley_archives volley)
get_target_property(volley_type volley TYPE)
if(volley_type STREQUAL "STATIC_LIBRARY")
  set(volley_variant static)
  # volley_kernels (and volley_cuda) are exported only because the static volley needs their
  # archives at link time; a shared libvolley holds them.
  list(APPEND volley_archives volley_kernels)
  if(VOLLEY_HAVE_CUDA)
    list(APPEND volley_archives volley_cuda)
  endif()
else()
  set(volley_variant shared)
  # The installed libraries find each other, and volley-bench finds them, by relative paths.
  file(RELATIVE_PATH lib_from_bin ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(volley PROPERTIES INSTALL_RPATH "$ORIGIN")
  if(VOLLEY_BUILD_BENCH)
    set_target_properties(volley-bench PROPERTIES INSTALL_RPATH "$ORIGIN/${lib_from_bin}")
  endif()
  if(VOLLEY_HAVE_MPI)
    set_target_properties(volley_mpi PROPERTIES INSTALL_RPATH "$ORIGIN")
  endif()
endif()
if(VOLLEY_HAVE_MPI)  # volley::mpi and <volley/mpi.hpp>
  list(APPEND volley_archives volley_mpi)
  install(FILES mpi/include/volley/mpi.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/volley)
endif()
install(TARGETS ${volley_archives} EXPORT volleyTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY host/include/volley ${PROJECT_BINARY_DIR}/generated/volley
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT volleyTargets NAMESPACE volley:: FILE volley-${volley_variant}-targets.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
configure_package_config_file(cmake/volleyConfig.cmake.in
        ${PROJECT_BINARY_DIR}/volleyConfig.cmake
        INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/volleyConfigVersion.cmake
        COMPATIBILITY SameMinorVersion)
configure_file(cmake/volleyDependencies.cmake.in ${PROJECT_BINARY_DIR}/volley-${volley_variant}-dependencies.cmake @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/volleyConfig.cmake ${PROJECT_BINARY_DIR}/volleyConfigVersion.cmake
              ${PROJECT_BINARY_DIR}/volley-${volley_variant}-dependencies.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(VolleyPkgConfig)
