# Installs the build tree BUILD into a scratch prefix, then builds and runs the consumer
# project twice: once through find_package(volley), once through add_subdirectory; each time
# also through a shared object that links volley in, and with MPI its MPI program, on 2 ranks
# (MPIEXEC).
set(prefix ${WORK}/prefix)
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}")
  endif()
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})
foreach(mode find_package add_subdirectory)
  set(dir ${WORK}/${mode})
  # Debug: this checks the packaging, and -O0 compiles the add_subdirectory copy fast.
  run(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer -B ${dir} -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_PREFIX_PATH=${prefix}
      -DVOLLEY_CONSUME=${mode} -DVOLLEY_SOURCE=${SOURCE})
  run(${CMAKE_COMMAND} --build ${dir})
  run(${dir}/consumer)
  run(${dir}/consumer_via_plugin)
  if(EXISTS ${dir}/consumer_mpi)
    run(${MPIEXEC} -n 2 --oversubscribe ${dir}/consumer_mpi)
  endif()
endforeach()
