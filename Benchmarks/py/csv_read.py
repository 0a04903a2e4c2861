#!/usr/bin/env python3
"""The Python baseline of the import stage: the csv module reading a roster (C-accelerated reader,
text decoded by the io layer), counting records and fields.

    python3 Benchmarks/py/csv_read.py FILE [utf-8-sig|gb18030]
"""
import csv
import sys


def main():
    path = sys.argv[1]
    encoding = sys.argv[2] if len(sys.argv) > 2 else "utf-8-sig"
    records = fields = 0
    with open(path, encoding=encoding, newline="") as f:
        for row in csv.reader(f):
            records += 1
            fields += len(row)
    print(f"records={records} fields={fields}")


if __name__ == "__main__":
    main()
