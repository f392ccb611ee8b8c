#!/usr/bin/python3
"""The benchmark's peer for `impactlog report --xlsx`: Python XlsxWriter
(Debian's python3-xlsxwriter) writing the same Achievements sheet from the
same data: 18 columns, real dates, Attributed as a formula, constant_memory.

Usage: peer_xlsx.py FILE.csv OUT.xlsx
"""
import csv
import datetime
import sys

import xlsxwriter

HEADER = ["ID", "Date", "Tag", "Title", "Value", "Unit", "Baseline", "Share %",
          "Team size", "Likelihood %", "Attributed", "Scale factor", "Lead days",
          "Confidence", "Orgs", "Evidence", "Witnesses", "Note"]


def number(text):
    return float(text) if text else None


def main(source, target):
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True})
    sheet = workbook.add_worksheet("Achievements")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "$#,##0"})
    for column, name in enumerate(HEADER):
        sheet.write_string(0, column, name)
    with open(source, newline="", encoding="utf-8") as handle:
        for row, record in enumerate(csv.DictReader(handle), start=1):
            value = number(record["value"])
            share = number(record["share"])
            likelihood = number(record["likelihood"])
            sheet.write_number(row, 0, row)
            sheet.write_datetime(row, 1, datetime.datetime.strptime(record["date"], "%Y-%m-%d"),
                                 date_format)
            sheet.write_string(row, 2, record["tag"])
            sheet.write_string(row, 3, record["title"])
            if value is not None:
                sheet.write_number(row, 4, value)
            sheet.write_string(row, 5, record["unit"])
            if record["baseline"]:
                sheet.write_number(row, 6, number(record["baseline"]))
            sheet.write_number(row, 7, share)
            sheet.write_number(row, 8, number(record["team_size"]))
            if likelihood is not None:
                sheet.write_number(row, 9, likelihood)
            attributed = value * share / 100 * ((likelihood if likelihood is not None else 100) / 100
                                                if record["tag"] == "prevented-loss" else 1)
            r = row + 1
            sheet.write_formula(row, 10, f'=E{r}*H{r}/100*IF(C{r}="prevented-loss",'
                                         f'IF(J{r}="",100,J{r})/100,1)', money, attributed)
            if record["baseline"]:
                sheet.write_formula(row, 11, f"=E{r}/G{r}", None,
                                    value / number(record["baseline"]))
            if record["lead_days"]:
                sheet.write_number(row, 12, number(record["lead_days"]))
            sheet.write_string(row, 13, record["confidence"])
            sheet.write_string(row, 14, record["orgs"])
            sheet.write_string(row, 15, record["evidence"])
            sheet.write_string(row, 16, record["witnesses"])
            sheet.write_string(row, 17, record["note"])
    workbook.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
