#!/bin/bash
# The SLURM examples (examples/slurm) against a real one-node cluster that this test starts
# and stops (one_node_cluster.sh): a two-rank job and a job array with the step that adds its
# parts must print the answers of one process. Skipped (exit 77) without SLURM, munge or root.
#   test_slurm.sh VOLLEY_BENCH EXAMPLES_DIR
set -euo pipefail
bench=$1 examples=$2
for program in munged slurmctld slurmd sbatch srun; do
  command -v "$program" >/dev/null || { echo "SKIP: $program not found (apt-get install slurmctld slurmd slurm-client munge)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: the test cluster's daemons run as root"; exit 77; }

. "$(dirname "$0")/one_node_cluster.sh"
work=$(mktemp -d /tmp/volley-slurm.XXXXXX)
finish() {
  local status=$?
  cluster_stop
  if [ $status -ne 0 ]; then
    echo "---- logs ----"
    tail -n 20 "$work"/log/*.log "$work"/munge/munged.log "$work"/out/* 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap finish EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Waits until no job is pending or running, then requires every job to have completed.
wait_for_jobs() {
  local i
  for ((i = 0; i < 900; i++)); do
    [ -z "$(squeue -h -t PD,CF,R,CG,S -o %i)" ] && break
    sleep 0.2
  done
  [ -z "$(squeue -h -t PD,CF,R,CG,S -o %i)" ] || fail "jobs still queued after 180 s: $(squeue)"
  local states
  states=$(scontrol show job -o | grep -o 'JobState=[A-Z_]*' | sort | uniq -c)
  if echo "$states" | grep -v 'JobState=COMPLETED' | grep -q .; then fail "jobs did not all complete: $states"; fi
}

json_field() {  # FILE FIELD: the field of the file's one JSON row (or its detail), past the context record
  python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{") and not l.startswith("{\"context\"")]
assert len(rows) == 1, f"{sys.argv[1]}: {len(rows)} JSON rows, want 1"
row = rows[0]
print(row[sys.argv[2]] if sys.argv[2] in row else row["detail"][sys.argv[2]])' "$1" "$2"
}

cluster_start "$work" || fail "the cluster did not start"
mkdir -p "$work/out" "$work/parts"
export VOLLEY_BENCH=$bench OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 HWLOC_COMPONENTS=-gl  # why: tests/CMakeLists.txt, MPI
from=1e12 to=1.0002e12

# One process's answers.
"$bench" primes --from $from --to $to --json >"$work/out/plain-primes.json"
"$bench" pi --samples 2e7 --seed 3 --json >"$work/out/plain-pi.json"

# A two-rank job (srun, PMIx), and the same range in a four-task array plus the adding step.
sbatch --parsable --ntasks=2 --cpus-per-task=1 --output="$work/out/ranks-primes.json" \
  "$examples/ranks.sbatch" primes --from $from --to $to --json >/dev/null
sbatch --parsable --ntasks=2 --cpus-per-task=1 --output="$work/out/ranks-pi.json" \
  "$examples/ranks.sbatch" pi --samples 2e7 --seed 3 --json >/dev/null
total=$("$examples/count_in_parts.sh" $from $to 4 "$work/parts")
wait_for_jobs

want=$(json_field "$work/out/plain-primes.json" result)
[ "$(json_field "$work/out/ranks-primes.json" result)" = "$want" ] || fail "two ranks counted $(json_field "$work/out/ranks-primes.json" result), one process $want"
[ "$(json_field "$work/out/ranks-primes.json" ranks)" = 2 ] || fail "the two-rank job did not run on 2 ranks"
[ "$(json_field "$work/out/ranks-pi.json" hits)" = "$(json_field "$work/out/plain-pi.json" hits)" ] || fail "pi's hits differ over two ranks"
[ "$(json_field "$total" count)" = "$want" ] || fail "the array's parts add up to $(json_field "$total" count), one process counts $want"
[ "$(json_field "$total" parts)" = 4 ] || fail "the array wrote $(json_field "$total" parts) parts, not 4"
echo "ok: a two-rank job and a four-part array under SLURM give one process's answers ($want primes)"
