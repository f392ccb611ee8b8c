#!/usr/bin/python3
"""A manager's edits of an impactlog workbook, and what must follow them.

    xlsx_edit.py edit REPORT.xlsx EDITED.xlsx
    xlsx_edit.py check RECALCULATED.xlsx --before REPORT.xlsx [--name READER]

`edit` changes, on a copy of the report fixture's workbook, two shares,
a tag, a unit and a date on the Achievements sheet, as a person would in
a spreadsheet program (openpyxl stands in for the person; the copy it
saves has formulas and no cached values).  `check` reads that copy after
LibreOffice or Gnumeric recalculated it and compares the Summary totals,
By tag, the gap counts, By org, By project and the Timeline with numbers
computed here from the edited Achievements rows alone, and checks that
each of them did move from the workbook before the edit.  Prints one line
per failed check and exits 1 if any failed.
"""

import argparse
import datetime
import math
import sys
from collections import defaultdict

import openpyxl

TAGS = ["prevented-loss", "enabled-scale", "user-growth"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def close(a, b):
    return isinstance(a, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def header_index(ws, row=1):
    return {c.value: c.column - 1 for c in ws[row] if c.value is not None}


# --- The edits ---------------------------------------------------------------

EDITS = {
    # title: {column: new value}
    "Stopped a runaway cloud bill from a stuck autoscaler": {"Share %": 25},
    "+1 on-call rotation that caught the TLS expiry": {"Share %": 50},
    "@channel: unblocked four teams with a shared schema registry": {"Tag": "user-growth"},
    "=SUM(A1:A9) capacity model for the ingest tier": {"Unit": "teams"},
    "日本語 checkout launch": {"Date": datetime.datetime(2026, 1, 15)},
}


def edit(source, target):
    book = openpyxl.load_workbook(source)
    ws = book["Achievements"]
    col = header_index(ws)
    done = set()
    for row in ws.iter_rows(min_row=2):
        title = row[col["Title"]].value
        for name, value in EDITS.get(title, {}).items():
            row[col[name]].value = value
            done.add(title)
    check(done == set(EDITS), f"edited {sorted(done)}, not {sorted(EDITS)}")
    book.save(target)


# --- What follows, computed here ---------------------------------------------

def achievements(book):
    """The Achievements rows as dicts, with the attributed value computed
    here from value, share, likelihood and tag (SPEC)."""
    ws = book["Achievements"]
    col = header_index(ws)
    rows = []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[col["ID"]] is None:
            continue
        a = {name: row[i] if i < len(row) else None for name, i in col.items()}
        value = a["Value"]
        if value is None or value == "":
            a["attributed"] = None
        else:
            a["attributed"] = value * a["Share %"] / 100.0
            if a["Tag"] == "prevented-loss":
                likelihood = a["Likelihood %"]
                a["attributed"] *= (100.0 if likelihood in (None, "") else likelihood) / 100.0
        a["unit"] = (a["Unit"] or "").lower()
        a["orgs"] = sorted(set(o.lower() for o in (a["Orgs"] or "").split("; ") if o))
        a["project"] = (a["Project"] or "").lower()
        rows.append(a)
    return rows


def summary_rows(book):
    return [list(r) for r in book["Summary"].iter_rows(values_only=True)]


def find(rows, first, second=None):
    for i, row in enumerate(rows):
        if row and row[0] == first and (second is None or (len(row) > 1 and row[1] == second)):
            return i
    return None


def numbers(book):
    """Every number the edits must move, by a name, as the workbook shows it."""
    out = {}
    summary = summary_rows(book)
    start = find(summary, "Per tag and unit")
    if check(start is not None, "Summary has no totals"):
        for row in summary[start + 2:]:
            if row[0] not in TAGS:
                break
            unit = (row[1] or "").lower()
            for col, what in ((2, "count"), (3, "outcome"), (4, "attributed")):
                out[("totals", row[0], unit, what)] = row[col]
    start = find(summary, "Tag", "Achievements")
    if check(start is not None, "Summary has no By tag table"):
        for row in summary[start + 1:start + 1 + len(TAGS)]:
            out[("by tag", row[0], "count")] = row[1]
            out[("by tag", row[0], "attributed", (row[3] or "").lower())] = row[2]
    for label in ("No evidence", "No witness", "100% share of a team"):
        i = find(summary, label)
        if check(i is not None, f"Summary has no {label!r}"):
            out[("gap", label)] = summary[i][1]
    for sheet in ("By org", "By project"):
        ws = book[sheet]
        units = [c.value for c in ws[1]]
        header = [c.value for c in ws[2]]
        for row in ws.iter_rows(min_row=3, values_only=True):
            if row[0] is None or not isinstance(row[1], (int, float)):
                continue
            name = "" if row[0].startswith("(no ") else row[0].lower()
            out[(sheet, name, "count")] = row[1]
            for i, tag in enumerate(TAGS):
                out[(sheet, name, tag)] = row[2 + i]
            for col in range(2 + len(TAGS), len(header)):
                if header[col] and not header[col].startswith("Attributed (other"):
                    out[(sheet, name, "unit", (units[col] or "").lower())] = row[col]
    ws = book["Timeline"]
    for row in ws.iter_rows(min_row=2, values_only=True):
        if isinstance(row[0], datetime.datetime):
            for i, tag in enumerate(TAGS):
                out[("timeline", row[0].strftime("%Y-%m"), tag)] = row[1 + i]
    return out


def expected(key, rows):
    kind = key[0]
    if kind == "totals":
        _, tag, unit, what = key
        mine = [a for a in rows if a["Tag"] == tag and a["unit"] == unit]
        return {"count": len(mine),
                "outcome": sum(a["Value"] or 0 for a in mine),
                "attributed": sum(a["attributed"] or 0 for a in mine)}[what]
    if kind == "by tag":
        mine = [a for a in rows if a["Tag"] == key[1]]
        if key[2] == "count":
            return len(mine)
        return sum(a["attributed"] or 0 for a in mine if a["unit"] == key[3])
    if kind == "gap":
        return sum(1 for a in rows if {
            "No evidence": not a["Evidence"],
            "No witness": not a["Witnesses"],
            "100% share of a team": a["Share %"] == 100 and a["Team size"] > 1,
        }[key[1]])
    if kind in ("By org", "By project"):
        _, name, what = key[:3]
        if kind == "By org":
            mine = [a for a in rows if name in a["orgs"]]
        else:
            mine = [a for a in rows if a["project"] == name]
        if what == "count":
            return len(mine)
        if what == "unit":
            return sum(a["attributed"] or 0 for a in mine if a["unit"] == key[3])
        return sum(1 for a in mine if a["Tag"] == what)
    if kind == "timeline":
        return sum(1 for a in rows
                   if a["Date"].strftime("%Y-%m") == key[1] and a["Tag"] == key[2])
    raise ValueError(key)


def check_recalculated(path, before_path, name):
    after = openpyxl.load_workbook(path, data_only=True)
    before = openpyxl.load_workbook(before_path, data_only=True)
    rows = achievements(after)
    now, was = numbers(after), numbers(before)
    moved = set()
    for key, got in sorted(now.items(), key=str):
        want = expected(key, rows)
        check(close(got, want), f"{name}: {key} is {got!r}, computed {want!r}")
        if key in was and not close(was[key], got):
            moved.add(key[0])
    for kind in ("totals", "by tag", "gap", "By org", "By project", "timeline"):
        check(kind in moved, f"{name}: nothing moved in {kind}")
    return len(now)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("edit")
    e.add_argument("source")
    e.add_argument("target")
    c = sub.add_parser("check")
    c.add_argument("recalculated")
    c.add_argument("--before", required=True)
    c.add_argument("--name", default="reader")
    args = parser.parse_args()
    if args.command == "edit":
        edit(args.source, args.target)
    else:
        count = check_recalculated(args.recalculated, args.before, args.name)
        if not failures:
            print(f"{args.name}: {count} numbers follow the edits")
    for message in failures:
        print(message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
