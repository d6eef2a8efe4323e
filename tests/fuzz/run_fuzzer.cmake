# Runs one libFuzzer target for a fixed time on a fresh copy of its seed corpus and prints a
# one-line summary (inputs run, speed, new inputs found); on a finding, the fuzzer's report
# and the file that reproduces it. The fuzzer's whole output is kept in WORK/fuzz.log.
# cmake -DFUZZER=exe -DSEEDS=dir -DWORK=dir -DSECONDS=n [-DDICT=file] -P run_fuzzer.cmake
foreach(var FUZZER SEEDS WORK SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: -D${var}=... is missing")
  endif()
endforeach()
get_filename_component(name "${FUZZER}" NAME)

# libFuzzer writes what it finds into its first corpus directory: a copy, never the sources.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/artifacts")
file(COPY "${SEEDS}/" DESTINATION "${WORK}/corpus")
file(GLOB seeds "${WORK}/corpus/*")
list(LENGTH seeds seed_count)

set(options -max_total_time=${SECONDS} -timeout=10 -print_final_stats=1 "-artifact_prefix=${WORK}/artifacts/")
if(DEFINED DICT AND EXISTS "${DICT}")
  list(APPEND options "-dict=${DICT}")
endif()
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1")
execute_process(COMMAND "${FUZZER}" ${options} "${WORK}/corpus"
                RESULT_VARIABLE result OUTPUT_VARIABLE log ERROR_VARIABLE log)
file(WRITE "${WORK}/fuzz.log" "${log}")

macro(stat variable key)
  string(REGEX MATCH "stat::${key}: *([0-9]+)" match "${log}")
  set(${variable} "${CMAKE_MATCH_1}")
  if(NOT match)
    set(${variable} "?")
  endif()
endmacro()
stat(runs number_of_executed_units)
stat(speed average_exec_per_sec)
stat(found new_units_added)
stat(rss peak_rss_mb)
set(summary "${name}: ${runs} inputs run in ${SECONDS} s (${speed}/s), ${seed_count} seeds, ${found} new inputs, peak RSS ${rss} MB")

file(GLOB findings "${WORK}/artifacts/*")
if(NOT result EQUAL 0 OR findings)
  # The report: libFuzzer's output from the first sign of trouble on (or its tail).
  string(LENGTH "${log}" length)
  set(at ${length})
  foreach(marker "property violated" "runtime error:" "threw" "terminate called" "==ERROR" "ERROR: libFuzzer")
    string(FIND "${log}" "${marker}" found_at)
    if(found_at GREATER -1 AND found_at LESS at)
      set(at ${found_at})
    endif()
  endforeach()
  if(at EQUAL length)
    set(at 0)
    if(length GREATER 8000)
      math(EXPR at "${length} - 8000")
    endif()
  else()
    # from the start of that line
    string(SUBSTRING "${log}" 0 ${at} before)
    string(FIND "${before}" "\n" line_start REVERSE)
    math(EXPR at "${line_start} + 1")
  endif()
  string(SUBSTRING "${log}" ${at} 8000 report)
  message("${report}")
  message(FATAL_ERROR "${summary}\nFINDING (exit ${result}): ${findings}\n"
                      "reproduce: ${FUZZER} <file>; full log: ${WORK}/fuzz.log")
endif()
message("${summary}: no findings")
