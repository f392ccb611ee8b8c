#!/usr/bin/python3
"""Reads an impactlog xlsx report back with openpyxl and checks it against
numbers computed here, independently, from `impactlog list --format json`.

    xlsx_check.py REPORT.xlsx --json LIST.json [--previous PREV.json]
                  [--text REPORT.txt] [--redacted] [--author NAME]
                  [--formula-like N]

LIST.json is `impactlog list --format json` with the report's filters;
PREV.json the same for the previous cycle (with --cycle); REPORT.txt the
text report of the same filters, whose totals the Summary must match.
Prints one line per failed check and exits 1 if any failed.

openpyxl is only a reader here: an independent implementation of the file
format, never used to produce impactlog's output.
"""

import argparse
import datetime
import html
import json
import math
import re
import statistics
import sys
import zipfile
from collections import defaultdict

import openpyxl

SHEETS = ["Summary", "Achievements", "By org", "By project", "Timeline", "Org rows"]
HEADER = ["ID", "Date", "Tag", "Title", "Value", "Unit", "Baseline", "Share %",
          "Team size", "Likelihood %", "Attributed", "Scale factor", "Lead days",
          "Confidence", "Orgs", "Evidence", "Witnesses", "Note", "Project",
          "Org count", "Evidence count", "Witness count"]
TAGS = ["prevented-loss", "enabled-scale", "user-growth"]
COL = {name: i for i, name in enumerate(HEADER)}

failures = []


def fail(message):
    failures.append(message)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


# --- The arithmetic, from SPEC, done here on the JSON ----------------------

def attributed(a):
    """value x share/100, and for prevented-loss x likelihood/100."""
    if a["value"] is None:
        return None
    result = a["value"] * a["share"] / 100.0
    if a["tag"] == "prevented-loss":
        likelihood = a["likelihood"] if a["likelihood"] is not None else 100.0
        result *= likelihood / 100.0
    return result


def scale_factor(a):
    if a["value"] is not None and a["baseline"] is not None and a["baseline"] > 0:
        return a["value"] / a["baseline"]
    return None


def totals_by_tag_unit(rows):
    totals = defaultdict(lambda: {"count": 0, "outcome": 0.0, "attributed": 0.0})
    for a in rows:
        t = totals[(a["tag"], a["unit"] or "")]
        t["count"] += 1
        t["outcome"] += a["value"] or 0.0
        t["attributed"] += attributed(a) or 0.0
    return totals


def initials(name):
    """As il_report_initials: the first letter of each word, upper-cased."""
    out = ""
    for word in re.split(r"[ \t\n\-_/.,;()]+", name):
        if word:
            first = word[0]
            out += (first.upper() if first.isascii() else first) + "."
    return out


# --- Reading the workbook --------------------------------------------------

def rows_of(ws):
    return [list(row) for row in ws.iter_rows()]


def find_row(rows, first, second=None, start=0):
    """The index of the first row whose column A is FIRST (and B SECOND)."""
    for i in range(start, len(rows)):
        row = rows[i]
        if row and row[0].value == first and (second is None or
                                              (len(row) > 1 and row[1].value == second)):
            return i
    return None


def is_formula(cell, prefix="="):
    value = cell.value
    return cell.data_type == "f" and isinstance(value, str) and value.startswith(prefix)


def is_array_formula(ws, cell, prefix):
    """openpyxl 3.0 keeps an array formula's text in the cell and its kind
    in formula_attributes."""
    attributes = getattr(ws, "formula_attributes", {}).get(cell.coordinate, {})
    return is_formula(cell, prefix) and attributes.get("t") == "array"


def cell_value(row, col):
    return row[col].value if col < len(row) else None


# --- Checks ----------------------------------------------------------------

def check_sheets(book):
    # Readiness, before the hidden Org rows, when the profile has a track
    # and a target level.
    expected = SHEETS[:-1] + (["Readiness"] if "Readiness" in book.sheetnames else []) + SHEETS[-1:]
    check(book.sheetnames == expected, f"sheets are {book.sheetnames}, expected {expected}")


def check_achievements(values, formulas, rows, redacted):
    ws_v, ws_f = values["Achievements"], formulas["Achievements"]
    data_v, data_f = rows_of(ws_v), rows_of(ws_f)
    header = [c.value for c in data_v[0]] if data_v else []
    check(header == HEADER, f"Achievements header is {header}")
    check(ws_f.freeze_panes == "A2", f"Achievements freeze panes {ws_f.freeze_panes}")
    check(ws_f.auto_filter.ref is not None and ws_f.auto_filter.ref.startswith("A1:V"),
          f"Achievements autofilter {ws_f.auto_filter.ref}")
    expected = sorted(rows, key=lambda a: (a["date"], a["id"]))
    body_v, body_f = data_v[1:], data_f[1:]
    if not check(len(body_v) == len(expected),
                 f"Achievements has {len(body_v)} rows, expected {len(expected)}"):
        return 0
    formula_like = 0
    for a, row_v, row_f in zip(expected, body_v, body_f):
        where = f"Achievements row {row_v[0].row} (#{a['id']})"
        formula_like += check_row(a, row_v, row_f, redacted, where)
    return formula_like


def check_row(a, row_v, row_f, redacted, where):
    def v(name):
        return cell_value(row_v, COL[name])

    check(v("ID") == a["id"], f"{where}: ID {v('ID')!r}")
    date = v("Date")
    check(isinstance(date, datetime.datetime) and date.date().isoformat() == a["date"],
          f"{where}: Date {date!r} is not the date {a['date']}")
    check(v("Tag") == a["tag"], f"{where}: Tag {v('Tag')!r}")
    title = row_f[COL["Title"]]
    check(title.data_type == "s" and title.value == a["title"],
          f"{where}: Title {title.value!r} ({title.data_type}) is not the text {a['title']!r}")
    for name, key in (("Value", "value"), ("Baseline", "baseline"), ("Share %", "share"),
                      ("Team size", "team_size"), ("Likelihood %", "likelihood"),
                      ("Lead days", "lead_days")):
        got = v(name)
        check((got is None and a[key] is None) or
              (isinstance(got, (int, float)) and not isinstance(got, bool) and
               a[key] is not None and close(float(got), float(a[key]))),
              f"{where}: {name} {got!r}, expected the number {a[key]!r}")
    check((v("Unit") or "") == (a["unit"] or ""), f"{where}: Unit {v('Unit')!r}")
    check(v("Confidence") == a["confidence"], f"{where}: Confidence {v('Confidence')!r}")
    check((v("Orgs") or "") == "; ".join(a["orgs"]), f"{where}: Orgs {v('Orgs')!r}")
    project = row_f[COL["Project"]] if COL["Project"] < len(row_f) else None
    check((project.value if project else None) == a["project"] and
          (project is None or project.value is None or project.data_type == "s"),
          f"{where}: Project {project.value if project else None!r}, expected {a['project']!r}")
    check_derived(a, row_v, row_f, where)
    check_private(a, row_v, redacted, where)
    return 1 if a["title"][:1] in ("=", "+", "-", "@") else 0


def check_derived(a, row_v, row_f, where):
    """Attributed and Scale factor: formulas, with the value cached."""
    for name, expected in (("Attributed", attributed(a)), ("Scale factor", scale_factor(a))):
        cached = cell_value(row_v, COL[name])
        formula = row_f[COL[name]]
        check(is_formula(formula), f"{where}: {name} is not a formula: {formula.value!r}")
        # The formula must read this row's own cells, so that editing a
        # share, likelihood, value or baseline moves it.
        r = formula.row
        needs = {"Attributed": ["E", "H"] + (["J"] if a["tag"] == "prevented-loss" else []),
                 "Scale factor": ["E", "G"]}[name]
        check(all(re.search(r"\b%s%d\b" % (c, r), str(formula.value)) for c in needs),
              f"{where}: {name} formula {formula.value!r} does not read {needs} of row {r}")
        if expected is None:
            check(cached in (None, ""), f"{where}: {name} cached {cached!r}, expected blank")
        else:
            check(isinstance(cached, (int, float)) and close(float(cached), expected),
                  f"{where}: {name} cached {cached!r}, computed {expected!r}")


def check_private(a, row_v, redacted, where):
    evidence = cell_value(row_v, COL["Evidence"])
    note = cell_value(row_v, COL["Note"])
    witnesses = cell_value(row_v, COL["Witnesses"]) or ""
    if redacted:
        check(evidence is None, f"{where}: redacted Evidence holds {evidence!r}")
        check(note is None, f"{where}: redacted Note holds {note!r}")
        expected = "; ".join(initials(w) for w in a["witnesses"])
    else:
        check((evidence or "") == "; ".join(a["evidence"]), f"{where}: Evidence {evidence!r}")
        check((note or "") == (a["note"] or ""), f"{where}: Note {note!r}")
        expected = "; ".join(a["witnesses"])
    check(witnesses == expected, f"{where}: Witnesses {witnesses!r}, expected {expected!r}")


def summary_totals(values, formulas):
    """The Per tag and unit table: {(tag, unit): (row_values, row_formulas)}."""
    data_v, data_f = rows_of(values["Summary"]), rows_of(formulas["Summary"])
    start = find_row(data_v, "Per tag and unit")
    table = {}
    if not check(start is not None, "Summary has no 'Per tag and unit' section"):
        return table
    header = start + 1
    check(cell_value(data_v[header], 0) == "Tag" and cell_value(data_v[header], 1) == "Unit",
          "Summary: the totals table has no Tag/Unit header")
    for i in range(header + 1, len(data_v)):
        tag = cell_value(data_v[i], 0)
        if tag not in TAGS:
            break
        table[(tag, cell_value(data_v[i], 1) or "")] = (data_v[i], data_f[i])
    return table


def check_summary_totals(values, formulas, rows, previous):
    table = summary_totals(values, formulas)
    current = totals_by_tag_unit(rows)
    before = totals_by_tag_unit(previous or [])
    for key in current:
        check(key in table, f"Summary: no totals row for {key}")
    for key, (row_v, row_f) in table.items():
        want = current.get(key, {"count": 0, "outcome": 0.0, "attributed": 0.0})
        last = max(3, len(rows) + 1)
        for col, name, prefix, sums in ((2, "count", "=SUMPRODUCT(", None),
                                        (3, "outcome", "=SUMPRODUCT(", "E"),
                                        (4, "attributed", "=SUMPRODUCT(", "K")):
            got = cell_value(row_v, col)
            check(isinstance(got, (int, float)) and close(float(got), want[name]),
                  f"Summary {key}: {name} cached {got!r}, computed {want[name]!r}")
            check(is_formula(row_f[col], prefix),
                  f"Summary {key}: {name} is not a {prefix} formula: {row_f[col].value!r}")
            # Over every Achievements row, so that an edited row moves the total.
            for c in [sums, "C", "F"] if sums else ["C", "F"]:
                ref = f"Achievements!${c}$2:${c}${last}"
                check(ref in str(row_f[col].value),
                      f"Summary {key}: {name} formula does not cover {ref}")
        if previous is not None:
            was = before.get(key, {"count": 0, "attributed": 0.0})
            check(cell_value(row_v, 5) == was["count"],
                  f"Summary {key}: previous count {cell_value(row_v, 5)!r}, "
                  f"expected {was['count']}")
            check(close(float(cell_value(row_v, 6)), was["attributed"]),
                  f"Summary {key}: previous attributed {cell_value(row_v, 6)!r}")
            check(close(float(cell_value(row_v, 7)), want["attributed"] - was["attributed"]) and
                  is_formula(row_f[7]), f"Summary {key}: change {cell_value(row_v, 7)!r}")
    return table


def labelled(values, formulas, label):
    """The value and formula cells beside LABEL in Summary column A."""
    data_v, data_f = rows_of(values["Summary"]), rows_of(formulas["Summary"])
    i = find_row(data_v, label)
    if i is None:
        return None, None
    return data_v[i][1], data_f[i][1]


def check_summary_stats(values, formulas, rows):
    ws_f = formulas["Summary"]
    count_v, count_f = labelled(values, formulas, "Achievements")
    check(count_v is not None and count_v.value == len(rows) and is_formula(count_f, "=COUNT("),
          f"Summary: Achievements count {count_v.value if count_v else None!r}")
    loss = [a for a in rows if a["tag"] == "prevented-loss"]
    lead = [a["lead_days"] for a in loss if a["lead_days"] is not None]
    median_v, median_f = labelled(values, formulas, "Median lead days")
    if lead:
        check(median_v is not None and close(float(median_v.value), statistics.median(lead)),
              f"Summary: median lead days {median_v.value if median_v else None!r}, "
              f"computed {statistics.median(lead)}")
        check(median_f is not None and is_array_formula(ws_f, median_f, "=MEDIAN(IF("),
              "Summary: median lead days is not a MEDIAN(IF()) array formula")
    factors = [scale_factor(a) for a in rows if a["tag"] == "enabled-scale"]
    factors = [f for f in factors if f is not None]
    if factors:
        for label, want, prefix in (("Largest scale factor", max(factors), "=MAX(IF("),
                                    ("Median scale factor", statistics.median(factors),
                                     "=MEDIAN(IF(")):
            got_v, got_f = labelled(values, formulas, label)
            check(got_v is not None and close(float(got_v.value), want),
                  f"Summary: {label} {got_v.value if got_v else None!r}, computed {want}")
            check(got_f is not None and is_array_formula(ws_f, got_f, prefix),
                  f"Summary: {label} is not a {prefix} array formula")
    check_risk_adjusted(values, loss)
    check_by_tag(values, formulas, rows)


def check_risk_adjusted(values, loss):
    data = rows_of(values["Summary"])
    want = defaultdict(float)
    for a in loss:
        if a["value"] is not None:
            want[a["unit"] or ""] += attributed(a)
    seen = {}
    for row in data:
        if cell_value(row, 0) == "Risk-adjusted, your share":
            seen[cell_value(row, 2) or ""] = cell_value(row, 1)
    for unit, amount in want.items():
        check(unit in seen and close(float(seen[unit]), amount),
              f"Summary: risk-adjusted {unit} {seen.get(unit)!r}, computed {amount}")


def check_by_tag(values, formulas, rows):
    """One row per tag: its count, and its attributed value in the unit
    beside it (its own, never a currency it was not measured in)."""
    data_v, data_f = rows_of(values["Summary"]), rows_of(formulas["Summary"])
    header = find_row(data_v, "Tag", "Achievements")
    if not check(header is not None, "Summary has no By tag table"):
        return
    check([cell_value(data_v[header], i) for i in range(4)] ==
          ["Tag", "Achievements", "Attributed (yours)", "Unit"],
          f"Summary By tag header {[c.value for c in data_v[header]][:4]}")
    for i, tag in enumerate(TAGS):
        row_v, row_f = data_v[header + 1 + i], data_f[header + 1 + i]
        mine = [a for a in rows if a["tag"] == tag]
        check(cell_value(row_v, 0) == tag and cell_value(row_v, 1) == len(mine) and
              is_formula(row_f[1], "=COUNTIF("), f"Summary By tag {tag}: {cell_value(row_v, 1)!r}")
        unit = cell_value(row_v, 3) or ""
        valued = [a for a in mine if a["value"] is not None]
        if valued:
            check(unit != "", f"Summary By tag {tag}: no unit for its values")
        want = sum(attributed(a) or 0 for a in mine
                   if (a["unit"] or "").lower() == unit.lower())
        check(close(float(cell_value(row_v, 2)), want) and is_formula(row_f[2], "=SUMPRODUCT("),
              f"Summary By tag {tag}: {cell_value(row_v, 2)!r} {unit}, computed {want}")


def check_timeline(values, formulas, rows):
    data_v, data_f = rows_of(values["Timeline"]), rows_of(formulas["Timeline"])
    header = [c.value for c in data_v[0]] if data_v else []
    check(header[:5] == ["Month"] + TAGS + ["Total"], f"Timeline header {header}")
    counts = defaultdict(lambda: defaultdict(int))
    for a in rows:
        counts[a["date"][:7]][a["tag"]] += 1
    listed = {}
    for row_v, row_f in zip(data_v[1:], data_f[1:]):
        month = cell_value(row_v, 0)
        if not check(isinstance(month, datetime.datetime), f"Timeline month {month!r}"):
            continue
        key = month.strftime("%Y-%m")
        listed[key] = True
        for i, tag in enumerate(TAGS):
            check(cell_value(row_v, 1 + i) == counts[key][tag] and
                  is_formula(row_f[1 + i], "=COUNTIFS("),
                  f"Timeline {key} {tag}: {cell_value(row_v, 1 + i)!r}, "
                  f"expected {counts[key][tag]}")
        check(cell_value(row_v, 4) == sum(counts[key].values()),
              f"Timeline {key} total {cell_value(row_v, 4)!r}")
    for key in counts:
        check(key in listed, f"Timeline has no row for {key}")
    keys = sorted(listed)
    for earlier, later in zip(keys, keys[1:]):
        y, m = int(earlier[:4]), int(earlier[5:])
        following = f"{y + m // 12:04d}-{m % 12 + 1:02d}"
        check(later == following, f"Timeline skips from {earlier} to {later}")


def check_groups(values, formulas, sheet, first, rows, names_of):
    """A row per group (names compared without case), under a row of units
    and a header: counts per tag and attributed value per unit, each a
    formula."""
    data, data_f = rows_of(values[sheet]), rows_of(formulas[sheet])
    units = [c.value for c in data[0]] if data else []
    header = [c.value for c in data[1]] if len(data) > 1 else []
    check(header[:5] == [first, "Achievements"] + TAGS, f"{sheet} header {header[:5]}")
    want = defaultdict(lambda: defaultdict(float))
    for a in rows:
        for name in set(n.lower() for n in names_of(a)):
            want[name]["count"] += 1
            want[name][a["tag"]] += 1
            want[name]["unit:" + (a["unit"] or "").lower()] += attributed(a) or 0
    seen = set()
    for row, row_f in zip(data[2:], data_f[2:]):
        name = cell_value(row, 0)
        if name is None or not isinstance(cell_value(row, 1), (int, float)):
            continue
        key = "" if name == f"(no {first.lower()})" else name.lower()
        check(key not in seen, f"{sheet} lists {name!r} twice")
        seen.add(key)
        got = [cell_value(row, i) for i in range(1, 5)]
        expected = [want[key]["count"]] + [want[key][t] for t in TAGS]
        check(got == expected, f"{sheet} {name}: {got}, expected {expected}")
        for col in range(1, len(row)):
            check(row_f[col].value is None or is_formula(row_f[col], "=SUMPRODUCT(") or
                  col >= len(header) or header[col].startswith("Attributed (other"),
                  f"{sheet} {name}: column {col} is not a formula: {row_f[col].value!r}")
        for col in range(5, min(len(header), len(units))):
            if header[col] is None or not header[col].startswith("Attributed (") or \
                    header[col].startswith("Attributed (other"):
                continue
            unit = (units[col] or "").lower()
            amount = want[key]["unit:" + unit]
            check(close(float(cell_value(row, col) or 0), amount),
                  f"{sheet} {name} {unit}: {cell_value(row, col)!r}, computed {amount}")
    for key in want:
        check(key in seen, f"{sheet} has no row for {key!r}")


def zip_targets(archive, rels_path):
    """The Target of each relationship in a .rels file."""
    try:
        text = archive.read(rels_path).decode()
    except KeyError:
        return []
    return re.findall(r'Target="([^"]+)"', text)


def resolve(base_dir, target):
    parts = (base_dir + "/" + target).split("/") if not target.startswith("/") else \
        target.lstrip("/").split("/")
    out = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return "/".join(out)


def charts_of_sheet(archive, sheet):
    """Chart parts reachable from SHEET: workbook -> sheet -> drawing -> chart."""
    workbook = archive.read("xl/workbook.xml").decode()
    match = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(sheet),
                      workbook)
    if not match:
        return []
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % match.group(1), rels) or \
        re.search(r'Target="([^"]+)"[^>]*Id="%s"' % match.group(1), rels)
    sheet_path = resolve("xl", target.group(1))
    sheet_dir, sheet_file = sheet_path.rsplit("/", 1)
    charts = []
    for drawing in zip_targets(archive, f"{sheet_dir}/_rels/{sheet_file}.rels"):
        drawing_path = resolve(sheet_dir, drawing)
        if "drawings/" not in drawing_path:
            continue
        drawing_dir, drawing_file = drawing_path.rsplit("/", 1)
        for chart in zip_targets(archive, f"{drawing_dir}/_rels/{drawing_file}.rels"):
            chart_path = resolve(drawing_dir, chart)
            if chart_path in archive.namelist():
                charts.append(chart_path)
    return charts


def check_charts(path, formulas):
    with zipfile.ZipFile(path) as archive:
        for sheet in ("Summary", "Timeline"):
            charts = charts_of_sheet(archive, sheet)
            check(charts, f"{sheet} has no chart in the file")
            loaded = getattr(formulas[sheet], "_charts", None)
            if loaded is not None:
                check(len(loaded) >= 1, f"openpyxl loads no chart on {sheet}")
        timeline = charts_of_sheet(archive, "Timeline")
        if timeline:
            xml = archive.read(timeline[0]).decode()
            check('<c:grouping val="stacked"/>' in xml, "the Timeline chart is not stacked")
            months = max(formulas["Timeline"].max_row, 2)
            for col in "BCD":
                # A one-cell range is written as the cell alone.
                ref = f"Timeline!${col}$2" + (f":${col}${months}" if months > 2 else "")
                check(f"<c:f>{ref}</c:f>" in xml, f"the Timeline chart does not plot {ref}")
        summary = charts_of_sheet(archive, "Summary")
        header = find_row(rows_of(formulas["Summary"]), "Tag", "Achievements")
        if summary and header is not None:
            first, last = header + 2, header + 4  # 1-based: the three tag rows
            xml = archive.read(summary[0]).decode()
            ref = f"Summary!$B${first}:$B${last}"
            check(f"<c:f>{ref}</c:f>" in xml, f"the Summary chart does not plot {ref}")


def check_private_text_absent(path, rows):
    """No evidence, note or witness name anywhere in the package."""
    secrets = set()
    for a in rows:
        secrets.update(a["evidence"])
        secrets.update(a["witnesses"])
        if a["note"]:
            secrets.update(line for line in a["note"].splitlines() if len(line) >= 4)
    with zipfile.ZipFile(path) as archive:
        text = "\n".join(html.unescape(archive.read(name).decode("utf-8", "replace"))
                         for name in archive.namelist())
    for secret in sorted(secrets):
        check(secret not in text, f"redacted workbook contains {secret!r}")


def check_properties(book, author):
    props = book.properties
    check(props.title and props.title.startswith("Calibration packet"),
          f"workbook title {props.title!r}")
    if author is not None:
        check(props.creator == author, f"workbook author {props.creator!r}, expected {author!r}")


# --- The text report -------------------------------------------------------

def format_compact(value):
    """As il_format_compact in src/format.c."""
    def short(v):
        if abs(v) < 10 and abs(v - round(v)) >= 0.05:
            return f"{v:.1f}"
        return f"{v:.0f}"
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale * 0.9995:
            return short(value / scale) + suffix
    if abs(value) >= 100 or value == round(value):
        return f"{value:.0f}"
    return f"{value:.3g}"


def format_amount(value, unit):
    symbols = {"USD": "$", "EUR": "€", "GBP": "£"}
    return symbols.get(unit, "") + format_compact(value)


def text_amount(value, unit, shown, signed=False):
    """VALUE as the text report shows it in a table whose Unit column names
    the unit: "$1.2M", "50k", "+$100k"; "-" stands for a group none of
    whose achievements has a value, whose sum the Summary shows as 0."""
    if shown == "-" and value == 0:
        return "-"
    if signed:
        if value == 0:
            return "0"
        return ("+" if value > 0 else "-") + format_amount(abs(value), unit)
    return format_amount(value, unit)


def check_text_report(path, table):
    """Every Summary total against the TOTALS BY TAG AND UNIT lines."""
    lines = open(path, encoding="utf-8").read().splitlines()
    text = {}
    # With --cycle two more columns: the previous attributed value, and the change.
    pattern = re.compile(r"^\s+(%s)\s+(.*?)\s+(\d+)\s+(\S+)\s+(\S+)(?:\s+(\S+)\s+(\S+))?\s*$"
                         % "|".join(TAGS))
    inside = False
    for line in lines:
        if line.startswith("TOTALS BY TAG AND UNIT"):
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            break
        match = pattern.match(line) if inside else None
        if match:
            tag, unit, count, *amounts = match.groups()
            text[(tag, "" if unit == "-" else unit)] = (int(count), *amounts)
    if not check(text or not table, "the text report has no totals to compare"):
        return
    for key, (row_v, _) in table.items():
        count = cell_value(row_v, 2)
        if count == 0 and key not in text:
            continue  # a unit only the previous cycle has
        if not check(key in text, f"text report has no totals line for {key}"):
            continue
        want_count, *want = text[key]
        check(count == want_count, f"{key}: Summary count {count}, text {want_count}")
        for col, name, shown in zip((3, 4, 6, 7), ("outcome", "attributed", "previous",
                                                   "change"), want):
            if shown is None:
                continue
            mine = text_amount(cell_value(row_v, col), key[1], shown, signed=name == "change")
            check(mine == shown, f"{key}: Summary {name} {mine}, text {shown}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("xlsx")
    parser.add_argument("--json", required=True)
    parser.add_argument("--previous")
    parser.add_argument("--text")
    parser.add_argument("--redacted", action="store_true")
    parser.add_argument("--author")
    parser.add_argument("--formula-like", type=int)
    args = parser.parse_args()

    rows = json.load(open(args.json, encoding="utf-8"))
    previous = json.load(open(args.previous, encoding="utf-8")) if args.previous else None
    values = openpyxl.load_workbook(args.xlsx, data_only=True)
    formulas = openpyxl.load_workbook(args.xlsx, data_only=False)

    check_sheets(formulas)
    if failures:
        print("\n".join(failures))
        return 1
    formula_like = check_achievements(values, formulas, rows, args.redacted)
    if args.formula_like is not None:
        check(formula_like == args.formula_like,
              f"{formula_like} titles start with = + - @, expected {args.formula_like}")
    table = check_summary_totals(values, formulas, rows, previous)
    check_summary_stats(values, formulas, rows)
    check_timeline(values, formulas, rows)
    check_groups(values, formulas, "By org", "Org", rows, lambda a: a["orgs"])
    check_groups(values, formulas, "By project", "Project", rows,
                 lambda a: [a["project"] or ""])
    check_charts(args.xlsx, formulas)
    check_properties(formulas, args.author)
    if args.redacted:
        check_private_text_absent(args.xlsx, rows)
    if args.text:
        check_text_report(args.text, table)
    for message in failures:
        print(message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
