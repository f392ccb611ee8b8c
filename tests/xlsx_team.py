#!/usr/bin/python3
"""The team workbook read back, edited as a manager would, and checked.

    xlsx_team.py read TEAM.xlsx PACKET.json...
    xlsx_team.py edit TEAM.xlsx EDITED.xlsx PERSON TITLE SHARE
    xlsx_team.py check RECALCULATED.xlsx [--name READER]

`read` checks the cached values of People against numbers computed here
from the packets alone (achievements per person and tag, attributed value
per unit), and that the Achievements sheet has a Person column.  `edit`
sets the share of PERSON's achievement TITLE on the Achievements sheet.
`check` compares, in a copy LibreOffice or Gnumeric recalculated, People
and Over-claims with numbers computed here from its Achievements rows:
so an edited share must have moved them.  Prints one line per failed
check; exits 1 if any failed.  openpyxl only reads here, and stands in
for the manager in `edit`.
"""

import argparse
import json
import sys
from collections import defaultdict

import openpyxl

TAGS = ("prevented-loss", "enabled-scale", "user-growth")
failures = []


def fail(message):
    failures.append(message)
    print(message)


def close(a, b):
    return abs((a or 0) - (b or 0)) <= 1e-9 * max(1.0, abs(a or 0), abs(b or 0))


def header(ws):
    return [c.value for c in ws[1]]


def achievements(wb):
    ws = wb["Achievements"]
    names = header(ws)
    rows = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] is None:
            continue
        rows.append(dict(zip(names, r)))
    return rows


def attributed(row):
    if row["Value"] in (None, ""):
        return None
    likelihood = 100 if row["Likelihood %"] in (None, "") else row["Likelihood %"]
    factor = likelihood / 100 if row["Tag"] == "prevented-loss" else 1
    return row["Value"] * row["Share %"] / 100 * factor


def people_rows(wb):
    ws = wb["People"]
    names = header(ws)
    out = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] is None or r[1] is None and r[5] is None:
            continue
        out[r[0]] = dict(zip(names, r))
    return out, names


def expect_people(people, names, expected):
    units = names[15:]
    for person, want in expected.items():
        got = people.get(person)
        if got is None:
            fail(f"People: no row for {person}")
            continue
        for key in ("Achievements", "Loss", "Scale", "Growth"):
            if not close(got[key], want[key]):
                fail(f"People {person} {key}: {got[key]} where {want[key]} was expected")
        for unit in units:
            if not close(got[unit], want["units"].get(unit, 0)):
                fail(f"People {person} {unit}: {got[unit]} where "
                     f"{want['units'].get(unit, 0)} was expected")


def tally(items):
    """items: (person, tag, unit, attributed) -> per person numbers."""
    expected = defaultdict(lambda: {"Achievements": 0, "Loss": 0, "Scale": 0, "Growth": 0,
                                    "units": defaultdict(float)})
    column = dict(zip(TAGS, ("Loss", "Scale", "Growth")))
    for person, tag, unit, value in items:
        e = expected[person]
        e["Achievements"] += 1
        e[column[tag]] += 1
        if value is not None:
            e["units"][unit or ""] += value
    return expected


def read(args):
    wb = openpyxl.load_workbook(args.workbook)
    if wb.sheetnames[:3] != ["Over-claims", "People", "Achievements"]:
        fail(f"sheets: {wb.sheetnames}")
    if header(wb["Achievements"])[-1] != "Person":
        fail(f"Achievements: last column {header(wb['Achievements'])[-1]!r}, not Person")
    items = []
    for path in args.packets:
        with open(path, encoding="utf-8") as f:
            packet = json.load(f)
        for a in packet["achievements"]:
            value = a["value"]
            if value is not None:
                factor = (a["likelihood"] if a["likelihood"] is not None else 100) / 100 \
                    if a["tag"] == "prevented-loss" else 1
                value = value * a["share"] / 100 * factor
            items.append((packet["profile"]["name"], a["tag"], a["unit"], value))
    wb = openpyxl.load_workbook(args.workbook, data_only=True)
    people, names = people_rows(wb)
    expect_people(people, names, tally(items))


def edit(args):
    wb = openpyxl.load_workbook(args.workbook)
    ws = wb["Achievements"]
    names = header(ws)
    share = names.index("Share %") + 1
    for row in ws.iter_rows(min_row=2):
        if row[names.index("Person")].value == args.person and \
                row[names.index("Title")].value == args.title:
            ws.cell(row=row[0].row, column=share, value=float(args.share))
            wb.save(args.edited)
            return
    fail(f"no achievement {args.title!r} of {args.person!r}")


def check(args):
    wb = openpyxl.load_workbook(args.workbook, data_only=True)
    rows = achievements(wb)
    people, names = people_rows(wb)
    expect_people(people, names,
                  tally((r["Person"], r["Tag"], r["Unit"], attributed(r)) for r in rows))
    ws = wb["Over-claims"]
    shares, total = [], None
    for r in ws.iter_rows(min_row=1, values_only=True):
        if r[0] == "Person" or r[0] is None and r[2] is None:
            shares = [] if r[0] == "Person" else shares
            continue
        if r[2] == "Shares together":
            if not close(r[3], sum(shares)):
                fail(f"{args.name}: Shares together {r[3]} where {sum(shares)} was expected")
            total = r[3]
        elif r[2] == "Claimed past 100 %":
            if not isinstance(total, (int, float)):
                fail(f"{args.name}: Shares together is {total!r}, not a number")
                continue
            want = "over-claimed" if total > 100 else "within 100 %"
            if r[4] != want:
                fail(f"{args.name}: over-claim says {r[4]!r} where {want!r} was expected")
            print(f"{args.name}: shares together {total:g}: {r[4]}")
        elif isinstance(r[3], (int, float)) and r[1] is not None:
            match = [x for x in rows if x["Person"] == r[0] and x["Title"] == r[2]]
            if not match or not close(r[3], match[0]["Share %"]):
                fail(f"{args.name}: claim {r[2]!r} share {r[3]} is not its row's")
            shares.append(r[3])


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("read")
    p.add_argument("workbook")
    p.add_argument("packets", nargs="+")
    p = sub.add_parser("edit")
    for name in ("workbook", "edited", "person", "title", "share"):
        p.add_argument(name)
    p = sub.add_parser("check")
    p.add_argument("workbook")
    p.add_argument("--name", default="reader")
    args = parser.parse_args()
    {"read": read, "edit": edit, "check": check}[args.command](args)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
