# A reader that stops early (`volley-bench ... | head -n 2`): volley-bench must end at once
# (killed by SIGPIPE well before the 60 s limit, which `timeout` passes on) and quietly
# (nothing on stderr).
execute_process(COMMAND timeout -k 10 60 ${COMMAND} COMMAND head -n 2
                RESULTS_VARIABLE codes OUTPUT_VARIABLE out ERROR_VARIABLE err)
list(GET codes 0 code)
if(NOT code STREQUAL "SIGPIPE" OR NOT out STREQUAL "2\n3\n" OR NOT err STREQUAL "")
  message(FATAL_ERROR "exit codes ${codes} (expected SIGPIPE first)\nstdout:\n${out}\nstderr:\n${err}")
endif()
