"""Every workbook as it prints, checked in a real office suite (LibreOffice, not our writer): `make test-print`.

For `zizhu run samples` and for a generated 300-row round, each .xlsx is converted to PDF with LibreOffice and
read back with pdftotext / pdfinfo (poppler):

- every page is A4; the register (花名册), the bank list and the returned list's wide sheets are landscape;
- page 1 has every header text of the document's first sheet (no column cut off), and no cell shows `###`;
- a register page carries the header row on every page and `第 X 页，共 Y 页` with the right X and Y;
- the register's last list page has 合计, 大写 and the signature lines; its 汇总 page has the table, its 合计金额
  (大写), the signatures and both charts' titles on the same page; 问题清单's 汇总 page has its charts with it;
- the first page of the samples' register becomes docs/register-page1.png (the README shows it).

The PDFs and a PNG of every page stay in .build/print/ to look at.

    python3 Tests/print/test_print.py [path/to/zizhu]
"""
import os
import re
import shutil
import subprocess
import sys

import openpyxl

PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = os.path.join(PACKAGE, "docs")
A4 = (595, 842)


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, condition, label):
        if condition:
            self.passed += 1
        else:
            self.failed.append(label)
            print("FAILED:", label)

    def finish(self):
        print(f"{self.passed} passed, {len(self.failed)} failed")
        return 1 if self.failed else 0


def run(arguments, **options):
    return subprocess.run(arguments, capture_output=True, timeout=600, **options)


def to_pdf(workbooks, folder):
    """LibreOffice converts them all in one start (a profile of its own, so a user's running office is untouched)."""
    profile = "file://" + os.path.join(folder, "lo-profile")
    done = run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                "--outdir", folder] + workbooks)
    if done.returncode != 0:
        raise RuntimeError("soffice failed: " + done.stderr.decode())
    return {path: os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".pdf") for path in workbooks}


def pages(pdf):
    """[(width, height, text)] per page, text without spaces (pdftotext puts them between cells)."""
    info = run(["pdfinfo", "-f", "1", "-l", "9999", pdf]).stdout.decode()
    sizes = [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    found = []
    for number, (width, height) in enumerate(sizes, start=1):
        # -raw: in the order LibreOffice drew them, so a header wrapped over two lines reads as one.
        text = run(["pdftotext", "-raw", "-f", str(number), "-l", str(number), pdf, "-"]).stdout.decode()
        found.append((width, height, re.sub(r"\s+", "", text)))
    return found


def header_texts(workbook, sheet_index=0):
    """The header row of one sheet (the first row starting 序号, 文件 or 班级), split at line breaks."""
    sheet = openpyxl.load_workbook(workbook, read_only=True).worksheets[sheet_index]
    for row in sheet.iter_rows(min_row=1, max_row=12, values_only=True):
        cells = [str(value) for value in row if value not in (None, "")]
        if cells and cells[0] in ("序号", "文件", "班级"):
            return [part.strip() for cell in cells for part in cell.split("\n") if part.strip()]
    return []


def sheets(workbook):
    """(title, headers) of every sheet: its A1 text, without spaces, and its header row."""
    book = openpyxl.load_workbook(workbook, read_only=True)
    found = []
    for index, sheet in enumerate(book.worksheets):
        title = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), [None])[0]
        found.append((re.sub(r"\s+", "", str(title or "")), header_texts(workbook, index)))
    return found


def to_png(pdf, folder):
    """Every page of `pdf` as PNG (72 dpi) in `folder`."""
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, os.path.splitext(os.path.basename(pdf))[0])
    return run(["pdftoppm", "-png", "-r", "72", pdf, base]).returncode == 0


def check_round(results, label, folder, workbooks):
    pdfs = to_pdf(workbooks, os.path.join(folder, "pdf"))
    for workbook, pdf in pdfs.items():
        name = os.path.basename(workbook)
        results.check(os.path.exists(pdf), f"{label}: LibreOffice prints {name}")
        if not os.path.exists(pdf):
            continue
        printed = pages(pdf)
        results.check(to_png(pdf, os.path.join(folder, "png")), f"{label}: {name} pages as PNG")
        results.check(printed and all(sorted((w, h)) == list(A4) for w, h, _ in printed),
                      f"{label}: {name} is A4 on every page ({len(printed)} pages)")
        first = printed[0][2]
        missing = [h for h in header_texts(workbook) if re.sub(r"\s+", "", h) not in first]
        results.check(not missing, f"{label}: {name} page 1 shows every column header (missing: {missing})")
        # Every sheet's first page (the first page with its title) shows every header of that sheet.
        for title, headers in sheets(workbook)[1:]:
            page = next((text for _, _, text in printed if title and title in text), None)
            if page is None or not headers:
                continue
            cut = [h for h in headers if re.sub(r"\s+", "", h) not in page]
            results.check(not cut, f"{label}: {name}, sheet “{title[:20]}”: every column on its first page (missing: {cut})")
        results.check(not any("###" in text for _, _, text in printed), f"{label}: no cell of {name} prints as ###")
        total = len(printed)
        numbered = all(f"第{n}页，共{total}页" in text for n, (_, _, text) in enumerate(printed, start=1))
        if name in ("花名册.xlsx", "问题清单.xlsx", "银行代发清单.xlsx", "公示名单.xlsx"):
            results.check(numbered, f"{label}: every page of {name} says 第 X 页，共 {total} 页")
        if name in ("花名册.xlsx", "银行代发清单.xlsx"):
            results.check(all(w > h for w, h, _ in printed), f"{label}: {name} is landscape")
        if name == "花名册.xlsx":
            check_register(results, label, workbook, printed)
        if name == "问题清单.xlsx":
            summary = [text for _, _, text in printed if "问题清单汇总" in text]
            results.check(len(summary) == 1 and "各类问题次数" in summary[0] and "各班退回行数与问题数" in summary[0],
                          f"{label}: 问题清单's 汇总 is one page with both charts")
    return pdfs


def check_register(results, label, workbook, printed):
    headers = [re.sub(r"\s+", "", h) for h in header_texts(workbook)]
    lists = [text for _, _, text in printed if "发放花名册" in text and "发放汇总表" not in text]
    results.check(lists and all(all(h in text for h in headers) for text in lists),
                  f"{label}: the register's header row is on each of its {len(lists)} list pages")
    last = lists[-1] if lists else ""
    results.check("合计" in last and "大写" in last, f"{label}: 合计 and 大写 are on the register's last list page")
    results.check(all(s in last for s in ("单位负责人", "审核人", "经办人", "填表日期")),
                  f"{label}: the signature lines are on the register's last list page")
    if len(lists) > 1:
        results.check(all("合计" not in text for text in lists[:-1]), f"{label}: only the last list page has the 合计")
    summary = [text for _, _, text in printed if "发放汇总表" in text]
    results.check(len(summary) == 1, f"{label}: the register's 汇总 prints on one page ({len(summary)})")
    if summary:
        page = summary[0]
        results.check("合计金额（大写）" in page and "单位负责人" in page, f"{label}: 汇总 has its 合计金额（大写） and signatures")
        results.check("各班受助人数（按档次）" in page and "各班发放金额（按档次）" in page,
                      f"{label}: both charts print on the 汇总's page")


def first_page_png(pdf, target):
    """The page as a small PNG (96 dpi), for the README."""
    base = os.path.splitext(target)[0]
    done = run(["pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", pdf, base])
    return done.returncode == 0 and os.path.exists(target)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(PACKAGE, ".build", "debug", "zizhu")
    results = Results()
    folder = os.path.join(PACKAGE, ".build", "print")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    try:
        samples = os.path.join(folder, "samples")
        done = run([binary, "run", os.path.join(PACKAGE, "samples"), "-o", samples])
        results.check(done.returncode == 0, f"zizhu run samples ({done.stderr.decode()[:200]})")
        workbooks = sorted(os.path.join(samples, n) for n in os.listdir(samples) if n.endswith(".xlsx"))
        pdfs = check_round(results, "samples", samples, workbooks)

        generated = os.path.join(folder, "generated")
        done = run([binary, "generate", "--rows", "300", "--seed", "7", "-o", generated])
        results.check(done.returncode == 0, "zizhu generate --rows 300")
        round_300 = os.path.join(folder, "round-300")
        done = run([binary, "run", generated, "-o", round_300])
        results.check(done.returncode == 0, f"zizhu run on the 300 rows ({done.stderr.decode()[:200]})")
        workbooks = sorted(os.path.join(round_300, n) for n in os.listdir(round_300) if n.endswith(".xlsx"))
        check_round(results, "300 rows", round_300, workbooks)

        os.makedirs(DOCS, exist_ok=True)
        register = pdfs.get(os.path.join(samples, "花名册.xlsx"), "")
        target = os.path.join(DOCS, "register-page1.png")
        results.check(first_page_png(register, target) and os.path.getsize(target) < 400_000,
                      f"docs/register-page1.png written ({os.path.getsize(target) if os.path.exists(target) else 0} bytes)")
    finally:
        shutil.rmtree(os.path.join(folder, "samples", "pdf", "lo-profile"), ignore_errors=True)
        shutil.rmtree(os.path.join(folder, "round-300", "pdf", "lo-profile"), ignore_errors=True)
    print(f"PDFs and PNGs: {folder}")
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
