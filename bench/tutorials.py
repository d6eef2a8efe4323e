#!/usr/bin/env python3
"""The tutorials' workloads as their own Python code does them, for volley-bench to time.

usage: tutorials.py WORKLOAD MODE SIZE PROCESSES
       tutorials.py WORKLOAD tasks SIZE PROCESSES TASKS REPEATS
       tutorials.py queue pool SIZE PROCESSES
       tutorials.py futures pool SIZE PROCESSES
  WORKLOAD  pi (Monte Carlo darts), quad (midpoint rule), primes (trial division of
            the SIZE numbers from 10^8)
  MODE      pure (one process) or pool (multiprocessing.Pool with PROCESSES workers)
  queue     seed 000's producer-consumer checker: the SIZE numbers from 10^8 through
            Manager queues to PROCESSES consumers, with poison pills
  futures   seed 002's concurrent.futures: SIZE empty tasks on a ProcessPoolExecutor of
            PROCESSES, each submitted and waited for in turn
  tasks     the scaling study's equal tasks (pi or primes): TASKS tasks of SIZE darts or
            numbers on a Pool of PROCESSES, timed REPEATS times
Prints one JSON object: workload, mode, items, processes, seconds, result (and tasks, with
seconds a list of the runs' times, in the tasks mode)."""
import concurrent.futures
import json
import math
import multiprocessing
import random
import signal
import sys
import time


def monte_carlo_hits(darts):
    """Darts in the quarter circle (seeds 000 and 001)."""
    hits = 0
    for _ in range(darts):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return hits


def partial_pi(rank, processes, steps):
    """One worker's share of the midpoint rule, every processes-th term (seed 003)."""
    total = 0.0
    for i in range(rank, steps, processes):
        x = (i + 0.5) / steps
        total += 4.0 / (1.0 + x * x)
    return total / steps


def check_prime(n):
    """Trial division (seeds 000 and 001)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for d in range(3, int(n ** 0.5) + 1, 2):
        if n % d == 0:
            return False
    return True


def pi_task(task, darts):
    """One of the scaling study's equal tasks: darts from the task's own seed (forked workers
    would otherwise share one random state)."""
    random.seed(task)
    return monte_carlo_hits(darts)


def primes_task(task, numbers):
    """One of the scaling study's equal tasks: the primes among `numbers` numbers from
    10^9 + task * 10^7, where volley-bench's task of the same index sieves."""
    start = 10 ** 9 + task * 10 ** 7
    return sum(map(check_prime, range(start, start + numbers)))


def time_tasks(workload, size, processes, tasks, repeats):
    """The seconds of each of `repeats` runs of `tasks` tasks on one Pool, which is started
    untimed, as volley-bench's is; and the last run's result."""
    task = pi_task if workload == "pi" else primes_task
    seconds = []
    with multiprocessing.Pool(processes, initializer=ignore_interrupts) as pool:
        for _ in range(repeats):
            start = time.perf_counter()
            result = sum(pool.starmap(task, [(t, size) for t in range(tasks)], chunksize=1))
            seconds.append(time.perf_counter() - start)
    return seconds, result


def run(workload, mode, size, processes):
    if workload == "pi":
        if mode == "pure":
            return 4.0 * monte_carlo_hits(size) / size
        shares = [size // processes + (1 if r < size % processes else 0) for r in range(processes)]
        with multiprocessing.Pool(processes, initializer=ignore_interrupts) as pool:
            return 4.0 * sum(pool.map(monte_carlo_hits, shares)) / size
    if workload == "quad":
        if mode == "pure":
            return partial_pi(0, 1, size)
        with multiprocessing.Pool(processes, initializer=ignore_interrupts) as pool:
            return sum(pool.starmap(partial_pi, [(r, processes, size) for r in range(processes)]))
    numbers = range(10 ** 8, 10 ** 8 + size)
    if mode == "pure":
        return sum(map(check_prime, numbers))
    with multiprocessing.Pool(processes, initializer=ignore_interrupts) as pool:
        return sum(pool.map(check_prime, numbers, chunksize=max(1, size // (4 * processes))))


def queue_checker(possible_primes_queue, definite_primes_queue):
    """A consumer of seed 000's producer-consumer checker: candidates in, primes out, until
    the poison pill."""
    while True:
        n = possible_primes_queue.get()
        if n == FLAG_ALL_DONE:
            definite_primes_queue.put(FLAG_WORKER_FINISHED_PROCESSING)
            break
        if n % 2 == 0:
            continue
        for i in range(3, int(math.sqrt(n)) + 1, 2):
            if n % i == 0:
                break
        else:
            definite_primes_queue.put(n)


FLAG_ALL_DONE = b"WORK_FINISHED"
FLAG_WORKER_FINISHED_PROCESSING = b"WORKER_FINISHED_PROCESSING"


def run_queue(size, processes):
    """Seed 000's producer-consumer checker on the `size` numbers from 10^8: the main process
    puts every candidate into a Manager queue, then a poison pill per consumer, and collects
    the primes; timed from the first put, as the seed does. Returns (seconds, primes found)."""
    manager = multiprocessing.Manager()
    possible_primes_queue = manager.Queue()
    definite_primes_queue = manager.Queue()
    consumers = [multiprocessing.Process(target=queue_checker, args=(possible_primes_queue, definite_primes_queue))
                 for _ in range(processes)]
    for p in consumers:
        p.start()
    start = time.perf_counter()
    for possible_prime in range(10 ** 8, 10 ** 8 + size):
        possible_primes_queue.put(possible_prime)
    for _ in range(processes):
        possible_primes_queue.put(FLAG_ALL_DONE)
    primes, finished = [], 0
    while finished < processes:
        new_result = definite_primes_queue.get()
        if new_result == FLAG_WORKER_FINISHED_PROCESSING:
            finished += 1
        else:
            primes.append(new_result)
    seconds = time.perf_counter() - start
    for p in consumers:
        p.join()
    manager.shutdown()
    return seconds, len(primes)


def empty_task():
    return None


def run_futures(tasks, processes):
    """Seed 002's concurrent.futures: `tasks` empty tasks submitted to a ProcessPoolExecutor
    and waited for one at a time (the executor started untimed). Returns the seconds."""
    with concurrent.futures.ProcessPoolExecutor(processes) as executor:
        executor.submit(empty_task).result()  # the workers exist before the timing starts
        start = time.perf_counter()
        for _ in range(tasks):
            executor.submit(empty_task).result()
        return time.perf_counter() - start


def ignore_interrupts():
    """In the pool's workers: Ctrl-C is the parent's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main():
    if len(sys.argv) == 7 and sys.argv[1] in ("pi", "primes") and sys.argv[2] == "tasks":
        workload, size, processes, tasks, repeats = sys.argv[1], *map(int, sys.argv[3:])
        seconds, result = time_tasks(workload, size, processes, tasks, repeats)
        print(json.dumps({"workload": workload, "mode": "tasks", "items": size, "processes": processes,
                          "tasks": tasks, "seconds": seconds, "result": result}))
        return
    if len(sys.argv) == 5 and sys.argv[1] in ("queue", "futures") and sys.argv[2] == "pool":
        workload, size, processes = sys.argv[1], int(sys.argv[3]), int(sys.argv[4])
        if workload == "queue":
            seconds, result = run_queue(size, processes)
        else:
            seconds, result = run_futures(size, processes), None
        print(json.dumps({"workload": workload, "mode": "pool", "items": size, "processes": processes,
                          "seconds": seconds, "result": result}))
        return
    if len(sys.argv) != 5 or sys.argv[1] not in ("pi", "quad", "primes") or sys.argv[2] not in ("pure", "pool"):
        sys.exit(__doc__)
    workload, mode, size, processes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    start = time.perf_counter()
    result = run(workload, mode, size, processes)
    seconds = time.perf_counter() - start
    print(json.dumps({"workload": workload, "mode": mode, "items": size, "processes": processes,
                      "seconds": seconds, "result": result}))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:  # volley-bench reports the interruption
        sys.exit(130)
