# volley-bench as a user runs it: exit codes (0 ok, 2 usage) and output shapes.
function(cli_test name exit match)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;${ARGN}" -DEXIT=${exit}
                   "-DMATCH=${match}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_expect.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

set(pi_fields "\"workload\":\"pi\";\"target\":\"[a-z0-9_]+\";\"threads\":2;\"seconds\":[0-9.e-]+"
              "\"samples\":2500;\"hits\":[0-9]+;\"estimate\":3\\.[0-9]+;\"std_error\":0\\.[0-9]+;\"seed\":42")
cli_test(pi_json 0 "${pi_fields}" pi --samples 2.5e3 --seed 42 --threads 2 --json)
cli_test(pi_sse4_target 0 "\"target\":\"sse4\"" pi --samples 1000 --target SSE4 --json)
cli_test(quad_json 0 "\"workload\":\"quad\";\"steps\":1000;\"estimate\":3\\.14159[0-9]+;\"seconds\"" quad --steps 1e3 --json)
cli_test(targets_json 0 "\"compiled\":\\[[^]]*\"scalar\";\"supported\";\"chosen\"" targets --json)
cli_test(help 0 "Usage:.*pi.*quad.*targets" --help)
cli_test(pi_help 0 "--samples.*--seed.*--threads.*--target.*--json" pi --help)
cli_test(version 0 "volley-bench ${PROJECT_VERSION}" --version)

cli_test(negative_samples 2 "--samples: '-5' is negative" pi --samples=-5)
cli_test(garbage_samples 2 "--samples: 'abc' is not a whole number" pi --samples abc)
cli_test(zero_samples 2 "--samples: '0' must be at least 1" pi --samples 0)
cli_test(fractional_samples 2 "not a whole number" pi --samples 1.5)
cli_test(huge_samples 2 "does not fit in 64 bits" pi --samples 1e20)
cli_test(huge_seed 2 "--seed: .* does not fit in 64 bits" pi --samples 10 --seed 18446744073709551616)
cli_test(zero_steps 2 "--steps: '0' must be at least 1" quad --steps 0)
cli_test(too_many_steps 2 "at most 2\\^52" quad --steps 1e16)
cli_test(unknown_target 2 "unknown target 'avx9000'" pi --samples 10 --target avx9000)
cli_test(too_many_threads 2 "--threads: .* more than" pi --samples 10 --threads 1e9)
cli_test(unknown_option 2 "bogus" --bogus)
cli_test(unknown_subcommand 2 "frobnicate" frobnicate)
cli_test(default_bad_threads 2 "--threads: '-1' is negative" --threads=-1)
