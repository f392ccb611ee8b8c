#!/usr/bin/python3
"""The Readiness sheet of an impactlog workbook, for tests.

    xlsx_readiness.py edit IN.xlsx OUT.xlsx ID COLUMN VALUE
        sets, on a copy, the Achievements cell of achievement ID under the
        header COLUMN ("Lead days") to the number VALUE;
    xlsx_readiness.py states FILE.xlsx
        prints "Expectation<TAB>State<TAB>Measured" for each row, from the
        values the file holds (cached, or recalculated by the program that
        saved it).

openpyxl only reads impactlog's own output; it edits a copy, as a manager
would, for the program under test to recalculate.
"""

import sys

import openpyxl


def edit(src, dst, ident, column, value):
    book = openpyxl.load_workbook(src)
    ws = book["Achievements"]
    header = [c.value for c in ws[1]]
    col = header.index(column) + 1
    for row in ws.iter_rows(min_row=2):
        if row[0].value == int(ident):
            ws.cell(row=row[0].row, column=col, value=float(value))
            book.save(dst)
            return 0
    print(f"no achievement #{ident}", file=sys.stderr)
    return 1


def states(path):
    ws = openpyxl.load_workbook(path, data_only=True)["Readiness"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "Dimension")
    for r in rows[header + 1:]:
        if not r or r[1] is None:
            break
        measured = r[3]
        if isinstance(measured, float) and measured.is_integer():
            measured = int(measured)
        print(f"{r[1]}\t{r[2]}\t{'' if measured is None else measured}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "edit":
        sys.exit(edit(*sys.argv[2:]))
    if len(sys.argv) == 3 and sys.argv[1] == "states":
        sys.exit(states(sys.argv[2]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
