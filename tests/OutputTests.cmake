# volley-bench's output files as a user names them: devices and FIFOs written in place,
# symlinks followed, directories refused, and no shell between --out and the plot script.

cli_test(output_csv_stdout 0 "^${csv_header}\npi,run,[a-z0-9_]+,1,[0-9]+,10000,"
            pi --samples 1e4 --csv /dev/stdout)
cli_test(output_csv_dev_null 0 "" pi --samples 1e4 --csv /dev/null)
cli_test(output_csv_dev_full 1 "cannot write /dev/full: No space left on device" pi --samples 1e4 --csv /dev/full)
cli_test(output_csv_directory 2 "--csv: cannot write ${CMAKE_CURRENT_BINARY_DIR}: Is a directory"
            pi --samples 10 --csv ${CMAKE_CURRENT_BINARY_DIR})
cli_test(output_csv_missing_parent 2 "--csv: cannot write /nonexistent/dir/x.csv: No such file or directory"
            pi --samples 10 --csv /nonexistent/dir/x.csv)

# ${matplotlib}: set by CliTests.cmake, included before this file.
foreach(case csv_symlink scaling_refused scaling_odd_prefix scaling_links)
  add_test(NAME output.${case}
           COMMAND ${CMAKE_COMMAND} -DCASE=${case} -DBENCH=$<TARGET_FILE:volley-bench>
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/output_${case} -DMATPLOTLIB=${matplotlib}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/output_expect.cmake)
  set_tests_properties(output.${case} PROPERTIES LABELS cli)
endforeach()

# The output schema: every subcommand's JSON lines and CSV files, parsed and typed.
add_test(NAME output.schema
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/schema_check.py $<TARGET_FILE:volley-bench>
                 ${CMAKE_CURRENT_BINARY_DIR}/schema_check)
# Its runs (the default run, the tutorials) take a minute under the sanitizers, which the
# other CLI tests already put these code paths through.
set_tests_properties(output.schema PROPERTIES LABELS "cli;no-sanitizer" TIMEOUT 600)
