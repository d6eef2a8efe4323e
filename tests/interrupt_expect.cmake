# Ctrl-C during a long run: sends SIGINT to COMMAND (a list, run in the empty directory
# WORK) after DELAY seconds and checks that it exits 130 (within GRACE seconds, else it is
# killed and the test fails), says "interrupted" on stderr, leaves no file in WORK, and that
# its stdout matches STDOUT, or, when STDOUT_TAIL is given, that the last bytes of its stdout
# (kept outside WORK) match STDOUT_TAIL: what it printed is whole, and nothing misleading.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(stdout_file ${WORK}.stdout)
execute_process(COMMAND timeout --preserve-status -k ${GRACE} -s INT ${DELAY} ${COMMAND}
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE code OUTPUT_FILE ${stdout_file} ERROR_VARIABLE err)
file(SIZE ${stdout_file} size)
set(offset 0)
if(size GREATER 4096)
  math(EXPR offset "${size} - 4096")
endif()
file(READ ${stdout_file} out OFFSET ${offset})
if(NOT code EQUAL 130)
  message(FATAL_ERROR "exit code ${code}, expected 130\nstdout (end):\n${out}\nstderr:\n${err}")
endif()
if(NOT err MATCHES "interrupted")
  message(FATAL_ERROR "no 'interrupted' on stderr:\n${err}")
endif()
if(DEFINED STDOUT_TAIL)
  if(NOT out MATCHES "${STDOUT_TAIL}")
    message(FATAL_ERROR "stdout ends unexpectedly (${size} bytes):\n${out}")
  endif()
elseif(NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match '${STDOUT}':\n${out}")
endif()
file(GLOB left LIST_DIRECTORIES true ${WORK}/* ${WORK}/.*)
if(left)
  message(FATAL_ERROR "files left behind: ${left}")
endif()
