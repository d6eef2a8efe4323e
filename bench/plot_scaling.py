#!/usr/bin/env python3
"""Draws volley-bench's scaling CSV: per experiment, the time per task, the speedup and the
efficiency against workers for each variant (volley, python pool), each against its own
1 worker, with the spread over repeats as error bars, the usable cores marked, each curve's
best worker count (the CSV's `best` column) ringed and a caption naming the machine.

usage: plot_scaling.py CSV PNG SVG --cores N --cpu MODEL --version V --date D --repeats R
                       [--task-size VARIANT=SIZE ...] [--note TEXT]
(CSV "-": standard input; writes the PNG and SVG files named, whatever their names end with)"""
import argparse
import csv
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

COLORS = {"volley": "tab:blue", "python pool": "tab:orange"}


def curve(points, base):
    """x, y and the y spread [below, above] of one variant's time per task, speedup and efficiency."""
    workers = [int(r["workers"]) for r in points]
    tasks = int(points[0]["tasks"])
    median = [float(r["median"]) for r in points]
    fastest = [max(float(r["min"]), 1e-12) for r in points]
    slowest = [float(r["max"]) for r in points]
    per_task = ([1e3 * m / tasks for m in median],
                [[1e3 * (m - f) / tasks for m, f in zip(median, fastest)],
                 [1e3 * (s - m) / tasks for m, s in zip(median, slowest)]])
    # The speedup's spread follows from the slowest and fastest runs.
    speedup = [base / m for m in median]
    speed_err = [[max(0.0, s - base / t) for s, t in zip(speedup, slowest)],
                 [max(0.0, base / t - s) for s, t in zip(speedup, fastest)]]
    efficiency = ([s / w for s, w in zip(speedup, workers)],
                  [[e / w for e, w in zip(side, workers)] for side in speed_err])
    return workers, (per_task, (speedup, speed_err), efficiency)


def draw(rows, args):
    experiments = list(dict.fromkeys(r["experiment"] for r in rows))
    sizes = dict(s.split("=", 1) for s in args.task_size)
    fig, axes = plt.subplots(len(experiments), 3, figsize=(15, 4.4 * len(experiments) + 0.6), squeeze=False)
    for row_axes, experiment in zip(axes, experiments):
        points = [r for r in rows if r["experiment"] == experiment]
        variants = list(dict.fromkeys(r["variant"] for r in points))
        bests = []
        for variant in variants:
            mine = [r for r in points if r["variant"] == variant]
            workers, panels = curve(mine, float(mine[0]["median"]))
            best = next(i for i, r in enumerate(mine) if r["best"] == "true")
            bests.append(f"{variant} {workers[best]}")
            one_task = 1e3 * float(mine[0]["median"]) / int(mine[0]["tasks"])
            label = f"{variant}: {sizes.get(variant, '?')} a task, {one_task:.1f} ms on 1 worker"
            for ax, (y, err) in zip(row_axes, panels):
                ax.errorbar(workers, y, yerr=err, fmt="o-", ms=4, capsize=3, color=COLORS.get(variant), label=label)
                ax.plot(workers[best], y[best], "o", ms=13, mfc="none", mec=COLORS.get(variant), mew=1.5)
        all_workers = [int(r["workers"]) for r in points]
        ideal = sorted(set(all_workers))
        row_axes[1].plot(ideal, [min(w, args.cores) for w in ideal], "--", color="grey", label="ideal")
        row_axes[2].plot(ideal, [min(w, args.cores) / w for w in ideal], "--", color="grey", label="ideal")
        title = f'{points[0]["workload"]}: {points[0]["tasks"]} equal tasks ({experiment})'
        labels = ("wall time per task (ms)", "speedup over its own 1 worker", "efficiency (speedup / workers)")
        for ax, ylabel in zip(row_axes, labels):
            ax.axvline(args.cores, color="tab:red", linestyle=":", label=f"{args.cores} usable cores")
            ax.set_xlabel("workers")
            ax.set_ylabel(ylabel)
            ax.set_xlim(0, max(all_workers) + 0.5)
            ax.set_ylim(bottom=0)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.grid(alpha=0.3)
        row_axes[0].set_title(f"{title}\nbest (ringed): " + ", ".join(bests) + " workers", fontsize=10)
        row_axes[1].set_title(title, fontsize=10)
        row_axes[2].set_title(title, fontsize=10)
        row_axes[2].set_ylim(0, max(1.35, row_axes[2].get_ylim()[1]))  # room for the legend
        row_axes[2].legend(fontsize=7, loc="upper right")  # where efficiency has fallen
    caption = (f"volley {args.version} on {args.cpu}, {args.cores} usable cores, {args.date}. Medians of "
               f"{args.repeats} runs, every worker count once per round in a shuffled order; bars from the fastest "
               "to the slowest run; the pools are started untimed. ")
    if any(r["variant"] == "python pool" for r in rows):
        caption += ("python pool: the tutorials' Python on multiprocessing.Pool, on smaller tasks (the legend gives "
                    "each task's size and time on 1 worker) as Python is 100-1000x slower per item; so compare "
                    "speedup and efficiency, each against its own 1 worker. ")
    caption += ("Best worker count (ringed, volley-bench's rule): from 1 worker up, a larger count takes over only "
                "when even its slowest run is 3% faster than the best so far's fastest run (less is noise).")
    if args.note:
        caption += f" Note: {args.note}."
    fig.text(0.01, 0.005, textwrap.fill(caption, 250), fontsize=8, va="bottom")
    fig.tight_layout(rect=(0, 0.6 / (4.4 * len(experiments) + 0.6), 1, 1))
    return fig


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("png")
    parser.add_argument("svg")
    parser.add_argument("--cores", type=int, required=True)
    parser.add_argument("--cpu", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--repeats", type=int, required=True)
    parser.add_argument("--task-size", action="append", default=[], help="VARIANT=SIZE of one task")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    rows = list(csv.DictReader(sys.stdin if args.csv == "-" else open(args.csv, newline="")))
    fig = draw(rows, args)
    for output, extension in ((args.png, "png"), (args.svg, "svg")):
        fig.savefig(output, format=extension, dpi=110)


if __name__ == "__main__":
    main()
