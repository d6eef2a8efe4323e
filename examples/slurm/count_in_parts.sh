#!/bin/bash
# Counts the primes of [FROM, TO) in PARTS array tasks, then adds the parts in a job that runs
# once every task succeeded; prints that job's output file.
#   examples/slurm/count_in_parts.sh 1e12 1.01e12 8 [DIR]
# DIR (default: the current directory) receives the parts and the total.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 FROM TO PARTS [DIR]" >&2; exit 2; }
from=$1 to=$2 parts=$3 dir=${4:-$PWD}
[[ $parts =~ ^[1-9][0-9]{0,3}$ ]] || { echo "$0: PARTS must be 1 to 9999, not '$parts'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
array=$(sbatch --parsable --array=0-$((parts - 1)) --output="$dir/part-%a.json" "$here/prime_parts.sbatch" "$from" "$to")
sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes --output="$dir/total.json" \
  --job-name=volley-add-parts "$here/add_parts.py" "$from" "$to" "$dir" >/dev/null
echo "$dir/total.json"
