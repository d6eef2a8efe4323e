# A one-node SLURM cluster (Debian 12's SLURM 22.05) with its own munged, living wholly in a
# directory: nothing under /etc is read or written. Sourced by test_slurm.sh:
#   cluster_start DIR   writes DIR/slurm.conf, starts munged, slurmctld and slurmd, exports
#                       SLURM_CONF and waits until the node is idle
#   cluster_stop        cancels what is left, stops the daemons and waits for them
# The sandboxes this runs in have no usable cgroups: processes are tracked by their parents
# (proctrack/linuxproc) and not bound to CPUs (task/none); there is no accounting.

cluster_wait_gone() {  # PID SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}

cluster_port_free() {  # PORT: nothing on this machine accepts connections on it
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cluster_free_port_pair() {
  local port
  for ((port = 16817; port < 16999; port += 2)); do
    if cluster_port_free "$port" && cluster_port_free $((port + 1)); then
      echo "$port"
      return 0
    fi
  done
  return 1
}

cluster_start() {
  local dir=$1 host port i state=""
  host=$(hostname -s)
  port=$(cluster_free_port_pair) || { echo "no free pair of TCP ports for SLURM" >&2; return 1; }
  mkdir -p "$dir"/{munge,state,spool,log,run,tmp}
  chmod 755 "$dir" "$dir/munge"  # munged wants every directory above its socket searchable
  : >"$dir/plugstack.conf"
  cat >"$dir/slurm.conf" <<CONF
ClusterName=volley-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
PlugStackConfig=$dir/plugstack.conf
TmpFS=$dir/tmp
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0
MpiDefault=none
ReturnToService=2
DependencyParameters=kill_invalid_depend
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$(nproc) RealMemory=1024 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  # slurmd starts a cgroup plugin whatever else is configured, and the default one looks for
  # /sys/fs/cgroup, which some sandboxes lack: cgroup/v1 pointed at an empty directory starts
  # without touching cgroups (nothing configured here asks it to).
  mkdir -p "$dir/cgroup"
  printf 'CgroupPlugin=cgroup/v1\nCgroupAutomount=no\nCgroupMountpoint=%s\n' "$dir/cgroup" >"$dir/cgroup.conf"
  export SLURM_CONF=$dir/slurm.conf
  CLUSTER_DIR=$dir
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
  munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" || return 1
  slurmctld -f "$SLURM_CONF" && slurmd -f "$SLURM_CONF" || return 1
  for ((i = 0; i < 300; i++)); do
    state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
    [ "$state" = idle ] && return 0
    sleep 0.2
  done
  echo "the SLURM node is '$state', not idle, after 60 s" >&2
  return 1
}

cluster_stop() {
  local dir=${CLUSTER_DIR:-} name pid i
  [ -n "$dir" ] || return 0
  if [ -s "$dir/run/slurmctld.pid" ]; then
    # Shutting down leaves running jobs alive: cancel them first.
    scancel --full --user="$(id -un)" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.1; done
    scontrol shutdown >/dev/null 2>&1 || true
  fi
  for name in run/slurmctld run/slurmd munge/munged; do
    [ -s "$dir/$name.pid" ] || continue
    pid=$(cat "$dir/$name.pid")
    [[ $pid =~ ^[0-9]+$ ]] || continue
    [ "$name" = munge/munged ] && kill "$pid" 2>/dev/null
    cluster_wait_gone "$pid" 15 || { kill "$pid" 2>/dev/null; cluster_wait_gone "$pid" 5 || kill -9 "$pid" 2>/dev/null; }
  done
  CLUSTER_DIR=
}
