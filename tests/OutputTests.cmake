# volley-bench's output files as a user names them: devices and FIFOs written in place,
# symlinks followed, directories refused, and no shell between --out and the plot script.
function(output_test name exit match)
  add_test(NAME output.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;${ARGN}" -DEXIT=${exit}
                   "-DMATCH=${match}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_expect.cmake)
  set_tests_properties(output.${name} PROPERTIES LABELS cli)
endfunction()

output_test(csv_stdout 0 "^workload,variant,target,threads,seconds,items,result,check\npi,run,[a-z0-9_]+,[0-9]+,[0-9.]+,10000,"
            pi --samples 1e4 --csv /dev/stdout)
output_test(csv_dev_null 0 "" pi --samples 1e4 --csv /dev/null)
output_test(csv_dev_full 1 "cannot write /dev/full: No space left on device" pi --samples 1e4 --csv /dev/full)
output_test(csv_directory 2 "--csv: cannot write ${CMAKE_CURRENT_BINARY_DIR}: Is a directory"
            pi --samples 10 --csv ${CMAKE_CURRENT_BINARY_DIR})
output_test(csv_missing_parent 2 "--csv: cannot write /nonexistent/dir/x.csv: No such file or directory"
            pi --samples 10 --csv /nonexistent/dir/x.csv)

execute_process(COMMAND /usr/bin/python3 -c "import matplotlib" RESULT_VARIABLE no_matplotlib OUTPUT_QUIET ERROR_QUIET)
if(no_matplotlib EQUAL 0)
  set(matplotlib 1)
else()
  set(matplotlib 0)
endif()
foreach(case csv_symlink scaling_refused scaling_odd_prefix scaling_links)
  add_test(NAME output.${case}
           COMMAND ${CMAKE_COMMAND} -DCASE=${case} -DBENCH=$<TARGET_FILE:volley-bench>
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/output_${case} -DMATPLOTLIB=${matplotlib}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/output_expect.cmake)
  set_tests_properties(output.${case} PROPERTIES LABELS cli)
endforeach()
