#!/usr/bin/python3
"""Compares an impactlog workbook with a copy of it that another
spreadsheet program recalculated and saved (LibreOffice, Gnumeric).

    xlsx_recalc.py ORIGINAL.xlsx RECALCULATED.xlsx [--name READER]

Every formula cell of ORIGINAL must hold, in RECALCULATED, the value
ORIGINAL caches for it (numbers within 1e-9 relative; text and blanks
equal), and no cell of RECALCULATED may hold an error value.  Prints one
line per difference and a last line "READER: N formula cells, N errors,
N differences"; exits 1 if there was any error or difference.

openpyxl only reads here; the recalculated copy is the other program's.
"""

import argparse
import math
import sys

import openpyxl

ERRORS = ("#VALUE!", "#N/A", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "Err:")


def is_error(value):
    return isinstance(value, str) and value.startswith(ERRORS)


def same(cached, got):
    if isinstance(cached, bool) or isinstance(got, bool):
        return cached == got
    if isinstance(cached, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(cached, got, rel_tol=1e-9, abs_tol=1e-12)
    # A formula whose value is empty text: readers write it as nothing.
    if cached in (None, "") or got in (None, ""):
        return cached in (None, "") and got in (None, "")
    return cached == got


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("original")
    parser.add_argument("recalculated")
    parser.add_argument("--name", default="reader")
    args = parser.parse_args()

    formulas = openpyxl.load_workbook(args.original, data_only=False)
    cached = openpyxl.load_workbook(args.original, data_only=True)
    after = openpyxl.load_workbook(args.recalculated, data_only=True)
    count = errors = differences = 0
    for ws in formulas.worksheets:
        if ws.title not in after.sheetnames:
            print(f"{args.name}: no sheet {ws.title!r} after recalculation")
            differences += 1
            continue
        before_ws, after_ws = cached[ws.title], after[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                want = before_ws[cell.coordinate].value
                got = after_ws[cell.coordinate].value
                if is_error(got):
                    continue  # counted below, with every other error
                if not same(want, got):
                    differences += 1
                    print(f"{args.name}: {ws.title}!{cell.coordinate} {cell.value} "
                          f"gives {got!r}, cached {want!r}")
        for row in after_ws.iter_rows():
            for cell in row:
                if is_error(cell.value):
                    errors += 1
                    formula = ws[cell.coordinate].value
                    print(f"{args.name}: {ws.title}!{cell.coordinate} is {cell.value} "
                          f"({formula})")
    print(f"{args.name}: {count} formula cells, {errors} errors, {differences} differences")
    return 1 if errors or differences else 0


if __name__ == "__main__":
    sys.exit(main())
