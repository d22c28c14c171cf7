#!/usr/bin/env python3
"""Prints scripts/bench's rows (a TSV) as one table: rate, ratio to smtp-source, memory and CPU per tool.

Usage: scripts/benchmark/table.py ROWS.tsv
The ratio compares a tool with smtp-source over the same number of SMTP sessions, measured in the same run.
A row whose tool failed is marked '!'; one whose messages did not all reach smtp-sink is marked '*'.
"""
import csv
import sys


def main():
    with open(sys.argv[1], newline="") as rows_file:
        rows = list(csv.DictReader(rows_file, delimiter="\t"))
    reference = {}
    for row in rows:
        row["rate"] = int(row["delivered"]) / max(float(row["seconds"]), 1e-9)
        if row["tool"] == "smtp-source":
            reference[row["sessions"]] = row["rate"]
    header = ["tool", "sessions", "messages", "seconds", "msg/s", "vs smtp-source", "peak RSS MiB",
              "CPU s", "db+sink CPU s"]
    lines = [header]
    for row in rows:
        failed = row["exit"] != "0"
        ok = not failed and int(row["delivered"]) == int(row["messages"])
        # A throttled run is held to its configured rate on purpose: a ratio to smtp-source says nothing.
        ref = None if row["tool"] == "throttled" else reference.get(row["sessions"])
        lines.append([
            row["tool"] + (" !" if failed else "" if ok else " *"),
            row["sessions"],
            row["messages"] if ok else f'{row["delivered"]}/{row["messages"]}',
            f'{float(row["seconds"]):.1f}',
            f'{row["rate"]:,.0f}',
            f'{row["rate"] / ref:.2f}' if ref else "-",
            f'{int(row["rss_kib"]) / 1024:,.0f}',
            row["cpu_s"],
            row["server_cpu_s"],
        ])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print(" | ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths))))
        if n == 0:
            print("-+-".join("-" * w for w in widths))
    if any(line[0].endswith(" !") for line in lines):
        print("! the tool failed (exit status not 0): see target/bench/TOOL.log")
    if any(line[0].endswith(" *") for line in lines):
        print("* fewer messages reached smtp-sink than the tool was given (msg/s counts those that did);"
              " the textbook job drops addresses Jakarta Mail cannot parse (legacy carrier mailboxes)")


if __name__ == "__main__":
    main()
