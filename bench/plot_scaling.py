#!/usr/bin/env python3
"""Draws volley-bench's scaling CSV: time and speedup against workers, per experiment, with
the usable core count marked and the spread over repeats as error bars.

usage: plot_scaling.py CSV CORES PNG SVG   (CSV "-": standard input; writes the PNG and SVG
files named, whatever their names end with)"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402


def main(path, cores, png, svg):
    rows = list(csv.DictReader(sys.stdin if path == "-" else open(path, newline="")))
    experiments = list(dict.fromkeys(r["experiment"] for r in rows))
    fig, axes = plt.subplots(len(experiments), 2, figsize=(11, 4.2 * len(experiments)), squeeze=False)
    for row_axes, experiment in zip(axes, experiments):
        points = [r for r in rows if r["experiment"] == experiment]
        workers = [int(r["workers"]) for r in points]
        median = [float(r["median_s"]) for r in points]
        low = [max(0.0, m - float(r["min_s"])) for m, r in zip(median, points)]
        high = [max(0.0, float(r["max_s"]) - m) for m, r in zip(median, points)]
        speedup = [float(r["speedup"]) for r in points]
        base = median[0]
        title = f'{points[0]["workload"]}: {points[0]["tasks"]} equal tasks ({experiment})'
        time_ax, speed_ax = row_axes
        time_ax.errorbar(workers, median, yerr=[low, high], fmt="o-", capsize=3, label="median, min-max")
        time_ax.set_ylabel("time (s)")
        # The speedup's spread follows from the slowest and fastest runs.
        slowest = [float(r["max_s"]) for r in points]
        fastest = [max(float(r["min_s"]), 1e-12) for r in points]
        speed_err = [[max(0.0, s - base / t) for s, t in zip(speedup, slowest)],
                     [max(0.0, base / t - s) for s, t in zip(speedup, fastest)]]
        speed_ax.errorbar(workers, speedup, yerr=speed_err, fmt="o-", capsize=3, color="tab:green", label="speedup")
        speed_ax.plot(workers, [min(w, cores) for w in workers], "--", color="grey", label="ideal")
        speed_ax.set_ylabel("speedup over 1 worker")
        # The fewest workers within 5% of the fastest time: more buys nothing measurable.
        best = min(w for w, m in zip(workers, median) if m <= 1.05 * min(median))
        for ax in row_axes:
            ax.axvline(cores, color="tab:red", linestyle=":", label=f"{cores} usable cores")
            ax.set_xlabel("workers")
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_title(title + (f", best: {best} workers" if ax is time_ax else ""))
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
    fig.tight_layout()
    for output, extension in ((png, "png"), (svg, "svg")):
        fig.savefig(output, format=extension, dpi=110)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
