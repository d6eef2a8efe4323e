# Optional MPI (OpenMPI from Debian: libopenmpi-dev, openmpi-bin). VOLLEY_MPI=AUTO builds the
# distributed workloads (mpi/, <volley/mpi.hpp>) when CMake finds MPI for C++ and quietly
# leaves them out otherwise; ON requires it; OFF never builds them. VOLLEY_HAVE_MPI says which
# happened. Nothing else in volley depends on MPI.
include(VolleyTristate)
volley_tristate(VOLLEY_MPI "Build the MPI workloads")
set(VOLLEY_HAVE_MPI OFF)
if(NOT VOLLEY_MPI STREQUAL "OFF")
  if(VOLLEY_MPI STREQUAL "ON")
    find_package(MPI REQUIRED COMPONENTS CXX)
  else()
    find_package(MPI QUIET COMPONENTS CXX)
  endif()
  if(MPI_CXX_FOUND)
    set(VOLLEY_HAVE_MPI ON)
    message(STATUS "volley: MPI workloads on (MPI ${MPI_CXX_VERSION}, ${MPIEXEC_EXECUTABLE})")
  else()
    message(STATUS "volley: no MPI found (install libopenmpi-dev): the MPI workloads are left out")
  endif()
endif()
