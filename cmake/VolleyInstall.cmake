# Installs the library, its headers and a CMake package so that find_package(volley) works.
include(CMakePackageConfigHelpers)

# volley_kernels (and volley_cuda) are exported only because the static volley needs their
# archives at link time.
set(volley_archives volley volley_kernels)
if(VOLLEY_HAVE_CUDA)
  list(APPEND volley_archives volley_cuda)
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
install(EXPORT volleyTargets NAMESPACE volley::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
configure_package_config_file(cmake/volleyConfig.cmake.in
        ${PROJECT_BINARY_DIR}/volleyConfig.cmake
        INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/volleyConfigVersion.cmake
        COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/volleyConfig.cmake ${PROJECT_BINARY_DIR}/volleyConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/volley)
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
