# volley-bench as a user runs it: exit codes (0 ok, 2 usage) and output shapes.
# cli_check(NAME EXIT [MATCH regex...] [NOMATCH regex...] [ENV VAR=value...] [OUTPUT_FILE path]
#           [LABELS label...] ARGS arg...): cli_test with more checks.
function(cli_check name exit)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "OUTPUT_FILE" "MATCH;NOMATCH;ENV;LABELS;ARGS")
  set(command $<TARGET_FILE:volley-bench> ${arg_ARGS})
  if(arg_ENV)
    set(command ${CMAKE_COMMAND} -E env ${arg_ENV} ${command})
  endif()
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${command}" -DEXIT=${exit} "-DMATCH=${arg_MATCH}"
                   "-DNOMATCH=${arg_NOMATCH}" "-DOUTPUT_FILE=${arg_OUTPUT_FILE}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_expect.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS "cli;${arg_LABELS}")
endfunction()

function(cli_test name exit match)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;${ARGN}" -DEXIT=${exit}
                   "-DMATCH=${match}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_expect.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

# The CSV's columns: the JSON rows' fields, in the README's order.
set(csv_header "workload,variant,target,ranks,threads,size,result,check,median,min,max,ns_per_item,vs_scalar,vs_1_thread,vs_cores,vs_peer,vs_python,detail")
set(pi_fields "^{\"context\":{[^\n]*\"volley_version\":\"${PROJECT_VERSION}\"[^\n]*}}\n{"
              "\"workload\":\"pi\";\"target\":\"[a-z0-9_]+\";\"threads\":2;\"median\":[0-9.e-]+"
              "\"size\":2500;\"hits\":[0-9]+;\"result\":3\\.[0-9]+;\"std_error\":0\\.[0-9]+;\"seed\":42")
cli_test(pi_json 0 "${pi_fields}" pi --samples 2.5e3 --seed 42 --threads 2 --json)
cli_test(pi_sse4_target 0 "\"target\":\"sse4\"" pi --samples 1000 --target SSE4 --json)
cli_test(midpoint_json 0 "\"workload\":\"midpoint\";\"size\":1000;\"result\":3\\.14159[0-9]+;\"median\"" midpoint --steps 1e3 --json)
cli_test(quad_alias 0 "\"workload\":\"midpoint\";\"size\":1000" quad --steps 1e3 --json)
cli_test(targets_json 0 "^{\"context\":{;\"compiled\":\\[[^]]*\"scalar\";\"gpus\":;\"supported\"" targets --json)
cli_test(targets_gpus 0 "chosen: +[a-z0-9_]+\n(gpus: +none \\(.+\\)|gpu: +cuda:0 .+ SMs)" targets)
cli_test(help 0 "Usage:.*pi.*midpoint.*targets" --help)
# The help names numbers UINT and ends with examples, the thread variables and the exit codes.
cli_test(help_footer 0 "Examples:.*primes 1e10 .*SLURM_CPUS_PER_TASK.*OMP_NUM_THREADS.*OMP_THREAD_LIMIT.*Exit codes: 0 .* 2 usage error" --help)
cli_test(help_subcommand_footer 0 "--samples UINT.*--threads UINT.*Examples:.*Exit codes" pi --help)
cli_test(pi_help 0 "--samples.*--seed.*--threads.*--target.*--json" pi --help)
cli_test(version 0 "volley-bench ${PROJECT_VERSION}\nMIT License" --version)
cli_test(version_on_subcommand 0 "^volley-bench ${PROJECT_VERSION}\nMIT License" primes --version)

cli_test(negative_samples 2 "--samples: '-5' is negative" pi --samples=-5)
cli_test(garbage_samples 2 "--samples: 'abc' is not a whole number" pi --samples abc)
cli_test(zero_samples 2 "--samples: '0' must be at least 1" pi --samples 0)
cli_test(fractional_samples 2 "not a whole number" pi --samples 1.5)
cli_test(huge_samples 2 "does not fit in 64 bits" pi --samples 1e20)
cli_test(huge_seed 2 "--seed: .* does not fit in 64 bits" pi --samples 10 --seed 18446744073709551616)
cli_test(zero_steps 2 "--steps: '0' must be at least 1" midpoint --steps 0)
cli_test(too_many_steps 2 "at most 2\\^52" midpoint --steps 1e16)
cli_test(unknown_target 2 "unknown target 'avx9000'" pi --samples 10 --target avx9000)
# GPU targets: a GPU that is not there (no machine has 1000 GPUs, and cuda:999 is the
# largest index accepted), on every workload.
cli_test(missing_gpu 2 "target 'cuda:999': (no GPU is available: .+|there is no GPU 999)" pi --samples 10 --target cuda:999)
cli_test(gpu_midpoint_missing 2 "target 'cuda:999'" midpoint --steps 10 --target cuda:999)
cli_test(gpu_batch_missing 2 "target 'cuda:999'" is-prime --from 1 --to 100 --target cuda:999)
cli_test(gpu_primes_missing 2 "target 'cuda:999'" primes --from 0 --to 1000 --target cuda:999)
cli_test(gpu_list_missing 2 "target 'cuda:999'" primes --from 0 --to 1000 --list --target cuda:999)
cli_test(bad_gpu_target 2 "unknown target 'cuda:x'" pi --samples 10 --target cuda:x)
cli_test(too_many_threads 2 "--threads: .* more than" pi --samples 10 --threads 1e9)
cli_test(unknown_option 2 "^volley-bench: .*bogus" --bogus)
cli_test(unknown_subcommand 2 "^volley-bench: .*frobnicate" frobnicate)
# Near misses get the nearest name; a word near nothing gets no guess.
cli_test(unknown_option_suggestion 2 "volley-bench: --sample: did you mean '--samples'\\?" pi --sample 3)
cli_test(unknown_subcommand_suggestion 2 "volley-bench: prims: did you mean 'primes'\\?" prims)
cli_check(unknown_without_suggestion 2 MATCH "not expected: zzzzzz" NOMATCH "did you mean" ARGS zzzzzz)
cli_test(default_bad_threads 2 "--threads: '-1' is negative" --threads=-1)

cli_test(primes_json 0 "\"workload\":\"count\";\"from\":100000000;\"to\":101000000;\"result\":54208;\"median\""
         primes --from 1e8 --to 1.01e8 --json)
# primesieve's convention: STOP alone is [0, STOP], START STOP is [START, STOP], both ends in.
cli_test(primes_up_to 0 "\"result\":78498;\"from\":0;\"to\":1000001" primes 1e6 --json)
cli_test(primes_closed 0 "\"result\":21;\"from\":100;\"to\":201" primes 100 200 --json)
cli_test(primes_closed_at_top 0 "\"result\":1;\"from\":18446744073709551557;\"to\":18446744073709551615"
         primes 18446744073709551557 18446744073709551615 --json)
cli_test(primes_closed_two_primes 0 "^101\n103\n2 primes" primes 101 103 --list)
cli_test(primes_start_above_stop 2 "START \\(300\\) is greater than STOP \\(200\\)" primes 300 200)
cli_test(primes_bounds_and_from 2 "--from does not go with START and STOP" primes 10 --from 5)
cli_test(primes_list 0 "^2\n3\n5\n7\n11\n13\n17\n19\n23\n29\n10 primes" primes --from 0 --to 30 --list)
cli_test(primes_list_json 0 "^{\"context\":[^\n]*}\n18446744073709551521\n18446744073709551533\n18446744073709551557\n{\"check\":null,[^\n]*\"result\":3,[^\n]*\"workload\":\"list\"}\n$"
         primes --from 18446744073709551500 --to 18446744073709551615 --list --json)
cli_test(is_prime_numbers 0 "561 is not prime\n18446744073709551557 is prime" is-prime 561 18446744073709551557)
cli_test(is_prime_batch 0 "\"size\":100000;\"result\":5411" is-prime --from 1e8 --to 1.001e8 --shuffle --json)
cli_test(primes_reversed 2 "--from \\(10\\) is greater than --to \\(5\\)" primes --from 10 --to 5)
cli_test(primes_too_far 2 "--to: .* does not fit in 64 bits" primes --to 18446744073709551616)
cli_test(is_prime_garbage 2 "is-prime: 'x7' is not a whole number" is-prime x7)
cli_test(is_prime_nothing 2 "give numbers, or --from and --to" is-prime)
cli_test(is_prime_both 2 "not both" is-prime 7 --from 1 --to 5)
if(primesieve_FOUND)
  cli_test(vs_primesieve 0 "count +run .*54208 primes.*\ncount +primesieve .*54208 primes" primes --vs-primesieve)
else()
  cli_test(vs_primesieve_missing 2 "built without primesieve" primes --vs-primesieve)
endif()

# The scaling study: a tiny run's CSV and plots, and its errors.
execute_process(COMMAND /usr/bin/python3 -c "import matplotlib" RESULT_VARIABLE no_matplotlib OUTPUT_QUIET ERROR_QUIET)
if(no_matplotlib EQUAL 0)
  set(matplotlib 1)
else()
  set(matplotlib 0)
endif()
add_test(NAME cli.scaling_tiny
         COMMAND ${CMAKE_COMMAND} -DBENCH=$<TARGET_FILE:volley-bench> -DWORK=${CMAKE_CURRENT_BINARY_DIR}/scaling_test
                 -DMATPLOTLIB=${matplotlib} -P ${CMAKE_CURRENT_SOURCE_DIR}/scaling_expect.cmake)
set_tests_properties(cli.scaling_tiny PROPERTIES LABELS cli)
cli_test(scaling_unwritable 2 "--out: cannot write /nonexistent/dir/study.csv" scaling --out /nonexistent/dir/study --repeat 1)
cli_test(scaling_unknown_workload 2 "unknown workload 'sleep'" scaling --workload sleep --out scaling_bad --repeat 1)
cli_test(scaling_help 0 "--workload.*--tasks.*--max-workers.*--out" scaling --help)

cli_test(pi_csv 0 "" pi --samples 1e4 --csv ${CMAKE_CURRENT_BINARY_DIR}/pi.csv)
add_test(NAME cli.pi_csv_shape
         COMMAND ${CMAKE_COMMAND} -E cat ${CMAKE_CURRENT_BINARY_DIR}/pi.csv)
set_tests_properties(cli.pi_csv_shape PROPERTIES LABELS cli DEPENDS cli.pi_csv
  PASS_REGULAR_EXPRESSION "^${csv_header}\npi,run,[a-z0-9_]+,1,[0-9]+,10000,3\\.[0-9]+,,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+,,,,,,\"{\"\"hits\"\":[0-9]+,\"\"seed\"\":1,\"\"std_error\"\":[0-9.e-]+}\"\n$")
cli_test(csv_unwritable 2 "--csv: cannot write /nonexistent/dir/x.csv" pi --samples 10 --csv /nonexistent/dir/x.csv)
execute_process(COMMAND /usr/bin/python3 -c "" RESULT_VARIABLE no_python OUTPUT_QUIET ERROR_QUIET)
if(no_python EQUAL 0)
  cli_test(tutorials 0 "is-prime +python +python +1 +1 2722;pi +simd\\+threads .*[0-9]+x\n" tutorials --repeat 1)
endif()

# Ctrl-C during a long run: a clean stop with exit code 130 and no partial output file.
add_test(NAME cli.interrupt
         COMMAND timeout --preserve-status -s INT 2 $<TARGET_FILE:volley-bench> scaling --repeat 100
                 --out ${CMAKE_CURRENT_BINARY_DIR}/interrupted)
set_tests_properties(cli.interrupt PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION "interrupted")
add_test(NAME cli.interrupt_left_no_file COMMAND ${CMAKE_COMMAND} -E cat ${CMAKE_CURRENT_BINARY_DIR}/interrupted.csv)
set_tests_properties(cli.interrupt_left_no_file PROPERTIES LABELS cli DEPENDS cli.interrupt WILL_FAIL ON)
cli_test(oversubscribed 0 "note: 200 threads \\(from --threads\\) on [0-9]+ usable CPUs .*oversubscribed" pi --samples 1e4 --threads 200)
cli_check(oversubscribed_from_environment 0 MATCH "note: 200 threads \\(from OMP_NUM_THREADS\\) on [0-9]+ usable CPUs"
          ENV OMP_NUM_THREADS=200 ARGS pi --samples 1e4)

# Prime methods: forced either way, the same count; the plan-sweep benchmark on a tiny range.
cli_test(primes_method_test 0 "\"result\":335;\"method\":\"test\"" primes --from 1e12 --to 1.00000001e12 --method test --json)
cli_test(primes_method_sieve 0 "\"result\":335;\"method\":\"sieve\"" primes --from 1e12 --to 1.00000001e12 --method sieve --json)
cli_test(primes_method_bad 2 "--method" primes --method guess)
cli_test(plan_sweep_json 0 "\"check\":\"ok\"[^\n]*\"variant\":\"sieve\";\"check\":\"ok\"[^\n]*\"variant\":\"test\""
         plan-sweep --bases 1e12 --octaves 1 --threads 2 --json)
cli_test(plan_sweep_table 0 "from +width +chosen .*auto/best\n +1000000000000 +[0-9]+ +(test|sieve) " plan-sweep --bases 1e12 --octaves 0)
cli_test(plan_sweep_bad_octaves 2 "--octaves: at most 10" plan-sweep --octaves 11)

# Ctrl-C in every subcommand: exit 130 soon after SIGINT, nothing misleading printed, no file
# left behind (each runs in an empty directory and asks for a CSV file there).
function(interrupt_test name delay stdout)
  add_test(NAME cli.interrupt_${name}
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;${ARGN}" -DDELAY=${delay} -DGRACE=20
                   "-DSTDOUT=${stdout}" -DWORK=${CMAKE_CURRENT_BINARY_DIR}/interrupt_${name}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/interrupt_expect.cmake)
  set_tests_properties(cli.interrupt_${name} PROPERTIES LABELS cli)
endfunction()
interrupt_test(pi 1 "^$" pi --samples 1e15 --csv out.csv)
interrupt_test(midpoint 1 "^$" midpoint --steps 4e15 --csv out.csv)
interrupt_test(primes_count 1 "^$" primes --from 0 --to 1e15 --csv out.csv)
interrupt_test(primes_far 1 "^$" primes --from 18446744000000000000 --to 18446744073709551615 --csv out.csv)
interrupt_test(primes_test_each 1 "^$" primes --from 1e18 --to 1.001e18 --method test --csv out.csv)
interrupt_test(is_prime_batch 1 "^$" is-prime --from 0 --to 1e8 --shuffle --repeat 1000 --csv out.csv)
interrupt_test(repeat 1 "^$" pi --samples 1e8 --repeat 1000 --csv out.csv)
interrupt_test(plan_sweep 1 "^$" plan-sweep --repeat 1000 --csv out.csv)
# The first row (the tutorials' pure-Python pi) takes about 1 s alone, and several on a loaded
# machine: the signal comes well after it (the run would go on for minutes).
interrupt_test(default_run 10 "^volley-bench .*workload +variant .*\npi +[a-z]" --repeat 1000 --csv out.csv)
# A list stops between two whole lines and prints no summary line.
add_test(NAME cli.interrupt_primes_list
         COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;primes;--from;0;--to;1e15;--list;--json"
                 -DDELAY=1 -DGRACE=20 "-DSTDOUT_TAIL=(^|\n)[0-9]+\n$|^{\"context\":[^\n]*}\n$|^$" -DWORK=${CMAKE_CURRENT_BINARY_DIR}/interrupt_list
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/interrupt_expect.cmake)
set_tests_properties(cli.interrupt_primes_list PROPERTIES LABELS cli)

# Output errors: a full device fails the run with the reason; a reader that goes away ends it
# at once, quietly.
cli_check(dev_full_table 1 MATCH "cannot write standard output: No space left on device" OUTPUT_FILE /dev/full
          ARGS pi --samples 1e4)
cli_check(dev_full_list 1 MATCH "cannot write standard output: No space left on device" OUTPUT_FILE /dev/full
          NOMATCH "primes in" ARGS primes --from 0 --to 1e12 --list)
cli_check(dev_full_help 1 MATCH "No space left on device" OUTPUT_FILE /dev/full ARGS --help)
add_test(NAME cli.closed_pipe
         COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:volley-bench>;primes;--from;0;--to;1e15;--list"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/pipe_expect.cmake)
set_tests_properties(cli.closed_pipe PROPERTIES LABELS cli)

# Options that do not apply are refused, not ignored; numbers are validated before answers.
cli_check(option_before_subcommand 2 MATCH "--threads before 'pi' does not apply to it" ARGS --threads 2 pi --samples 10)
cli_check(json_before_subcommand 2 MATCH "--json before 'targets'" ARGS --json targets)
cli_check(csv_empty_name 2 MATCH "--csv: [^\n]*(empty|missing)" ARGS pi --samples 10 --csv=)
cli_check(out_directory_prefix 2 MATCH "--out: a prefix of file names, not a directory" ARGS scaling --out /tmp/)
cli_check(list_with_csv 2 MATCH "--csv does not apply to --list" ARGS primes --to 100 --list --csv x.csv)
cli_check(list_with_repeat 2 MATCH "--repeat does not apply to --list" ARGS primes --to 100 --list --repeat 3)
cli_check(list_with_peer 2 MATCH "--vs-primesieve does not apply to --list" ARGS primes --to 100 --list --vs-primesieve)
cli_check(is_prime_number_threads 2 MATCH "--threads applies to a batch" ARGS is-prime 7 --threads 2)
cli_check(is_prime_number_csv 2 MATCH "--csv applies to a batch" ARGS is-prime 7 --csv x.csv)
cli_check(is_prime_validated_whole 2 MATCH "'x' is not a whole number" NOMATCH "7 is prime" ARGS is-prime 7 x)
cli_check(is_prime_batch_too_large 2 MATCH "at most 10\\^8 numbers" ARGS is-prime --from 0 --to 2e8)

# Bounds against the type and meaning of each value, from the command line and the environment.
cli_check(repeat_wraps 2 MATCH "--repeat: at most 1000" ARGS pi --samples 10 --repeat 4294967297)
cli_check(threads_wrap 2 MATCH "--threads: 4294967297 is more than" ARGS pi --samples 10 --threads 4294967297)
cli_check(scaling_tasks_wrap 2 MATCH "at most 10000 tasks" ARGS scaling --tasks 4294967297 --out x)
cli_check(omp_num_threads_capped 0 ENV OMP_NUM_THREADS=100000
          MATCH "ignoring OMP_NUM_THREADS='100000': more than the [0-9]+ threads allowed" NOMATCH "\"threads\":100000"
          ARGS pi --samples 1e4 --json)
cli_check(slurm_cpus_capped 0 ENV SLURM_JOB_ID=1 SLURM_CPUS_PER_TASK=100000
          MATCH "ignoring SLURM_CPUS_PER_TASK='100000': more than" NOMATCH "\"threads\":100000" ARGS pi --samples 1e4 --json)
# srun's tasks that are not ranks of one MPI job would each run everything: refused; a
# task count that is not a number is not srun's, and is ignored.
cli_check(srun_tasks_without_mpi 2 ENV SLURM_STEP_NUM_TASKS=3 MATCH "srun started 3 tasks that are not ranks of one MPI job"
          ARGS pi --samples 1e4)
cli_check(srun_tasks_garbage 0 ENV SLURM_STEP_NUM_TASKS=3x MATCH "\"ranks\":1," ARGS pi --samples 1e4 --json)
cli_check(omp_thread_limit 0 ENV OMP_THREAD_LIMIT=1 MATCH "OMP_THREAD_LIMIT caps the 2 threads at 1" "\"threads\":1,"
          ARGS pi --samples 1e4 --threads 2 --json)

# Streaming holds a bounded amount of memory (2 chunks of 16 MiB of sieve per thread), not the
# primes: [10^9, 2 x 10^9) has 47 million of them (380 MB).
cli_check(list_memory_bounded 0 MATCH "peak memory ([0-9]|[1-9][0-9]|1[0-5][0-9]) MiB" OUTPUT_FILE /dev/null
          LABELS no-sanitizer ARGS primes --from 1e9 --to 2e9 --threads 2 --list)

# The progress line on a pseudo-terminal, and its absence everywhere else.
add_test(NAME cli.progress_terminal
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/progress_pty.py $<TARGET_FILE:volley-bench>
                 ${CMAKE_CURRENT_BINARY_DIR}/progress_pty)
# Timing-bound (it needs a run of about a second): not under the sanitizers, which slow it 40x.
set_tests_properties(cli.progress_terminal PROPERTIES LABELS "cli;no-sanitizer" RUN_SERIAL ON)
