#!/usr/bin/env python3
"""Builds Sources/WardPlanKit/Resources/Data/units.csv, the national register of commune-level units
(phường, xã, đặc khu) since 1 July 2025, from the PyPI package `vietnam-provinces`.

The package is installed in a temporary virtual environment (nothing is installed on the machine),
its `flat-divisions.json` and `nested-divisions.json` are read, and one row per unit is written:
official code, official name, kind (phuong, xa, dac-khu), province code, province name. The file
records the package, its version and the day it was made. Re-run when the list changes:

    scripts/registry/make_units.py [--version 2025.10.1] [--output FILE]
"""
import argparse
import csv
import datetime
import glob
import io
import json
import os
import subprocess
import sys
import tempfile

PACKAGE = "vietnam-provinces"
KINDS = {"phường": "phuong", "xã": "xa", "đặc khu": "dac-khu"}


def load(version):
    with tempfile.TemporaryDirectory() as venv:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        pip = os.path.join(venv, "bin", "pip")
        subprocess.run([pip, "install", "--quiet", f"{PACKAGE}=={version}"], check=True)
        [data] = glob.glob(os.path.join(venv, "lib", "python*", "site-packages", "vietnam_provinces", "data"))
        with open(os.path.join(data, "nested-divisions.json"), encoding="utf-8") as f:
            return json.load(f)


def rows(provinces):
    out = []
    for province in provinces:
        for unit in province["wards"]:
            kind = KINDS.get(unit["division_type"])
            if kind is None:
                raise SystemExit(f"unknown kind of unit {unit['division_type']!r} ({unit['name']})")
            out.append([unit["code"], unit["name"], kind, province["code"], province["name"]])
    out.sort(key=lambda r: r[0])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="2025.10.1")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument(
        "--output", default=os.path.join(here, "..", "..", "Sources", "WardPlanKit", "Resources", "Data", "units.csv"))
    args = parser.parse_args()
    provinces = load(args.version)
    table = rows(provinces)
    counts = {k: sum(1 for r in table if r[2] == k) for k in KINDS.values()}
    text = io.StringIO()
    text.write(f"# Commune-level units of Viet Nam since 1 July 2025: {len(provinces)} provinces, {len(table)} units\n")
    text.write(f"# ({counts['phuong']} phường, {counts['xa']} xã, {counts['dac-khu']} đặc khu), with the official codes.\n")
    text.write(f"# source: PyPI {PACKAGE} {args.version} (its data/nested-divisions.json)\n")
    text.write(f"# generated: {datetime.date.today().isoformat()} by scripts/registry/make_units.py; do not edit by hand\n")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["code", "name", "kind", "province_code", "province"])
    writer.writerows(table)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text.getvalue())
    print(f"{args.output}: {len(table)} units in {len(provinces)} provinces", file=sys.stderr)


if __name__ == "__main__":
    main()
