# Runs COMMAND (a list) and checks its exit code is EXIT and its output matches every regex
# in MATCH (a list). Used by the CLI tests: cmake -DCOMMAND=... -DEXIT=2 -DMATCH=... -P this
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(pattern IN LISTS MATCH)
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "output does not match '${pattern}'\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endforeach()
