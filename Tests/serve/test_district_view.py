"""The inspector's view of a district's server, on a real PostgreSQL: /district, its charts, its two workbooks,
and the same workbooks from `zizhu district`.

- three schools: A submits two classes with its enrolment export (coverage), B submits one class that the
  reviewer returns with a reason, C only keeps a draft; a reviewer approves A;
- /district (reviewer, administrator) has a line per school whose figures are the rounds' own (applicants,
  accepted, returned, amount), 未报送 for C, the totals, coverage against the enrolment; sorting by a column
  orders the lines; the amount and findings-per-code charts are inline SVG with one bar per school / code;
  the page loads nothing from elsewhere and shows no identifier; clerks and visitors without a session cannot
  open it or its workbooks;
- /district/summary.xlsx and /district/bulletin.xlsx (read back with openpyxl, a reader we did not write) hold
  the same figures, the returned round with its reason, the late round against a deadline, and native charts;
  `zizhu district summary|bulletin --archive …` writes the same tables.

    python3 Tests/serve/test_district_view.py [path/to/zizhu]
"""
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import PACKAGE, Results, default_binary  # noqa: E402
from district_support import Browser, Postgres, district_server, person_password, set_up_district  # noqa: E402

import openpyxl  # noqa: E402

IDENTIFIER = re.compile(r"(?<!\d)(?:\d{17}[\dXx]|\d{16,19})(?!\d)")
CROSSCHECK = os.path.join(PACKAGE, "Tests", "Fixtures", "crosscheck")
SCHOOLS = [("S001", "示例县第一中学", "clerk-a"), ("S002", "示例县第二中学", "clerk-b"), ("S003", "示例县第三中学", "clerk-c")]


def fixture(name, field="files"):
    return (field, name, open(os.path.join(CROSSCHECK if "班" in name or "在校生" in name else PACKAGE, name), "rb").read())


def sample(name):
    return ("files", name, open(os.path.join(PACKAGE, "samples", name), "rb").read())


def table_rows(html):
    """The cells of /district's table body, per row, without tags."""
    body = html.split('<table id="district">', 1)[1].split("</table>", 1)[0]
    rows = []
    for part in ("<tbody>", "<tfoot>"):
        section = body.split(part, 1)[1].split("</" + part[1:], 1)[0]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", section):
            rows.append([re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)])
    return rows


def money(text):
    return round(float(str(text).replace(",", "")), 2)


def sheet_table(sheet):
    """The 汇总 / 通报 sheet's lines: {school name: row values}, header on row 3."""
    header = [cell.value for cell in sheet[3]]
    lines = {}
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row[0] is None and row[1] is None and row[2] is None:
            break
        name = row[2] if row[2] is not None else row[0]
        lines[name] = dict(zip(header, row))
        if row[0] == "合计":
            break
    return header, lines


def chart_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name).decode() for name in package.namelist() if name.startswith("xl/charts/chart")}


def test_district_view(results, binary):
    postgres = Postgres()
    server = None
    try:
        server = district_server(binary, postgres)
        admin = set_up_district(server, schools=SCHOOLS, reviewers=["reviewer-1"])
        clerks = {}
        for _, _, login in SCHOOLS:
            clerks[login] = Browser(server)
            results.check(clerks[login].sign_in(login, person_password(login)), f"{login} signs in")
        reviewer = Browser(server)
        results.check(reviewer.sign_in("reviewer-1", person_password("reviewer-1")), "the reviewer signs in")

        status, round_a = clerks["clerk-a"].upload([fixture("高一(1)班.csv"), fixture("高一(2)班.csv"),
                                                    fixture("在校生信息.csv", "enrolment")])
        results.check(status == 201, f"school A uploads two classes with its enrolment export ({status})")
        status, round_b = clerks["clerk-b"].upload([sample("高一(2)班.csv")])
        results.check(status == 201, f"school B uploads a class ({status})")
        status, round_c = clerks["clerk-c"].upload([sample("高二(1)班.txt")])
        results.check(status == 201, f"school C keeps a draft ({status})")
        for login, stored in (("clerk-a", round_a), ("clerk-b", round_b)):
            status, _ = clerks[login].api("POST", f"/api/rounds/{stored['id']}/submit")
            results.check(status == 200, f"{login} submits ({status})")
        status, _ = reviewer.api("POST", f"/api/rounds/{round_a['id']}/approve", {"version": "2"})
        results.check(status == 200, f"the reviewer approves A ({status})")
        reason = "第 3 行银行卡号与开户行不符，请核对后重新报送"
        status, _ = reviewer.api("POST", f"/api/rounds/{round_b['id']}/return", {"reason": reason, "version": "2"})
        results.check(status == 200, f"the reviewer returns B with a reason ({status})")
        status, round_b2 = clerks["clerk-b"].upload([sample("高一(2)班.csv")], {"label": "更正后重报"})
        results.check(status == 201 and clerks["clerk-b"].api("POST", f"/api/rounds/{round_b2['id']}/submit")[0] == 200,
                      "school B sends a corrected round")
        a_round = reviewer.api("GET", f"/api/rounds/{round_a['id']}")[1]
        b_round = reviewer.api("GET", f"/api/rounds/{round_b2['id']}")[1]
        a_now, b_now = a_round["summary"], b_round["summary"]

        # Who may look.
        for login in clerks:
            results.check(clerks[login].get("/district")[0] == 404, f"{login} cannot open /district (404)")
            results.check(clerks[login].get("/district/summary.xlsx")[0] == 404, f"nor its 汇总表 ({login})")
        nobody = Browser(server)
        results.check(nobody.get("/district")[0] in (303, 401), "nobody without a session opens /district")
        results.check(nobody.get("/district/bulletin.xlsx?month=2026-12")[0] in (303, 401), "nor its 通报")
        results.check(admin.get("/district")[0] == 200, "the administrator opens /district")

        status, _, page = reviewer.get("/district")
        html = page.decode()
        results.check(status == 200 and 'id="district"' in html, f"the reviewer opens /district ({status})")
        rows = table_rows(html)
        by_school = {row[0]: row for row in rows}
        results.check(sorted(by_school) == sorted([name for _, name, _ in SCHOOLS] + ["合计"]),
                      f"a line per school and the totals ({sorted(by_school)})")
        line_a = by_school.get("示例县第一中学", [""] * 9)
        results.check(line_a[2:5] == [str(a_now["rows"]), str(a_now["accepted"]), str(a_now["returned"])],
                      f"A's applicants, accepted and returned are its round's ({line_a[2:5]})")
        results.check(money(line_a[5]) == money(a_now["amountAccepted"]), f"A's amount is its round's ({line_a[5]})")
        coverage = round(a_now["accepted"] * 100 / 12, 1)
        results.check(line_a[8] == f"{coverage:.1f}%", f"A's coverage is accepted ÷ 12 enrolled ({line_a[8]} vs {coverage})")
        results.check("已审核 1" in line_a[1], f"A's round is counted as 已审核 ({line_a[1]})")
        line_b = by_school.get("示例县第二中学", [""] * 9)
        results.check("退回 1" in line_b[1] and "已提交 1" in line_b[1], f"B: one returned, one submitted ({line_b[1]})")
        results.check(line_b[2] == str(b_now["rows"]), f"B's figures count its standing round only ({line_b[2]})")
        line_c = by_school.get("示例县第三中学", [""] * 9)
        results.check("未报送" in line_c[1] and line_c[2] == "0", f"C's draft is not counted: 未报送 ({line_c[1]})")
        total = by_school.get("合计", [""] * 9)
        results.check(money(total[5]) == round(money(a_now["amountAccepted"]) + money(b_now["amountAccepted"]), 2),
                      f"the total amount adds A and B ({total[5]})")
        results.check(html.count('<g class="bar">') >= 3 and 'id="chart-amount"' in html and 'id="chart-codes"' in html,
                      "the amount and findings charts are inline SVG with a bar per school")
        external = [url for url in re.findall(r"(?:src|href)=\"(https?://[^\"]+)", html)]
        results.check(not external and "<script src=\"/static/app.js\"" in html, f"nothing is loaded from elsewhere ({external})")
        results.check(not IDENTIFIER.search(html), "the page shows no identifier")

        status, _, page = reviewer.get("/district?sort=amount&order=desc")
        order = [row[0] for row in table_rows(page.decode())][:3]
        amounts = [money(row[5]) for row in table_rows(page.decode())][:3]
        results.check(status == 200 and amounts == sorted(amounts, reverse=True), f"sorting by amount orders the lines ({order})")
        status, _, page = reviewer.get("/district?sort=school&order=desc")
        results.check([row[0] for row in table_rows(page.decode())][:3] == ["示例县第三中学", "示例县第二中学", "示例县第一中学"],
                      "sorting by school, descending")

        # The page's 学期 choice, as the browser sends it (the select's value is a query of its own).
        term, year = a_round.get("term", ""), a_round.get("year", 0)
        chosen = f"term={urllib.parse.quote(term, safe='')}&year={year}"
        status, _, page = reviewer.get("/district?period=" + urllib.parse.quote(chosen, safe=""))
        selected = re.search(r'<option value="([^"]*)" selected>([^<]*)</option>', page.decode())
        results.check(status == 200 and selected and selected.group(2) == f"{year}年{term}",
                      f"the 学期 chosen is the one shown ({selected.group(2) if selected else None})")
        results.check(selected and selected.group(1) == chosen.replace("&", "&amp;"),
                      "its value is percent-encoded ASCII")
        results.check(reviewer.get(f"/district?term={urllib.parse.quote('2030春季学期')}&year=2030")[0] == 200,
                      "a term nobody submitted shows an empty table, not an error")

        # The 汇总表 from the page.
        status, headers, data = reviewer.get("/district/summary.xlsx")
        results.check(status == 200 and data[:2] == b"PK" and "attachment" in headers.get("Content-Disposition", ""),
                      f"/district/summary.xlsx is a workbook to save ({status})")
        book = openpyxl.load_workbook(io.BytesIO(data))
        results.check(book.sheetnames == ["汇总", "问题"], f"the 汇总表 has 汇总 and 问题 ({book.sheetnames})")
        header, lines = sheet_table(book["汇总"])
        got = lines.get("示例县第一中学", {})
        results.check(got.get("申请人数") == a_now["rows"] and got.get("通过人数") == a_now["accepted"]
                      and round(got.get("通过金额（元）") or 0, 2) == money(a_now["amountAccepted"]),
                      f"the 汇总表's line of A is its round's ({got})")
        results.check(isinstance(got.get("学校代码"), str), "school codes are text cells")
        results.check(lines.get("合计", {}).get("通过人数") == a_now["accepted"] + b_now["accepted"], "the 合计 line adds up")
        charts = chart_xml(data)
        results.check(len(charts) == 2 and all("宋体" in xml for xml in charts.values()),
                      f"two native charts with a CJK font ({sorted(charts)})")
        amount_chart = next((xml for xml in charts.values() if "各校通过金额" in xml), "")
        results.check("<c:catAx>" in amount_chart and "学校" in amount_chart.split("<c:catAx>", 1)[-1].split("</c:catAx>", 1)[0]
                      and "汇总" in amount_chart, "the amount chart's categories are the 汇总 sheet's schools")
        codes_sheet = book["问题"]
        results.check(codes_sheet.cell(3, 2).value == "问题代码" and codes_sheet.cell(4, 2).value,
                      "the 问题 sheet lists the findings per code")
        all_text = " ".join(str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value)
        results.check(not IDENTIFIER.search(all_text), "the 汇总表 has no identifier")

        # The 通报 of this month, with a deadline that every round missed.
        month = a_round["createdAt"][:7]
        status, _, data = reviewer.get(f"/district/bulletin.xlsx?month={month}&deadline={month}-01")
        results.check(status == 200 and data[:2] == b"PK", f"/district/bulletin.xlsx is a workbook ({status})")
        book = openpyxl.load_workbook(io.BytesIO(data))
        results.check(book.sheetnames == ["通报", "逾期与退回", "主要问题"], f"the 通报's sheets ({book.sheetnames})")
        header, lines = sheet_table(book["通报"])
        results.check(lines.get("示例县第二中学", {}).get("本月报送") == 2 and lines.get("示例县第二中学", {}).get("本月退回") == 1,
                      f"B handed in two rounds this month, one returned ({lines.get('示例县第二中学')})")
        overview = book["通报"].cell(2, 1).value or ""
        results.check("示例县第三中学" in overview and "未报送" in overview, f"the overview names the school that sent nothing")
        notes = " ".join(str(c.value) for row in book["逾期与退回"].iter_rows() for c in row if c.value)
        results.check(reason in notes and "更正后重报" in notes, "the returned round's reason and the late round are listed")
        results.check(len(chart_xml(data)) == 2, "the 通报 has its charts")
        results.check(reviewer.get("/district/bulletin.xlsx?month=2026-13")[0] == 400, "a month that is none is refused (400)")

        audit = postgres.psql("SELECT string_agg(detail, '|') FROM zizhu.audit WHERE action = 'downloaded'")
        results.check("district-summary" in audit and "district-bulletin" in audit, "the downloads are in the audit log")

        # The same from the command line.
        folder = tempfile.mkdtemp(prefix="zizhu-district-cli-")
        summary = os.path.join(folder, "汇总表.xlsx")
        done = subprocess.run([binary, "district", "summary", "--archive", postgres.url, "--term", term, "--year", str(year),
                               "--district", "示例县学生资助管理中心", "-o", summary], capture_output=True, timeout=120)
        results.check(done.returncode == 0 and os.path.exists(summary), f"zizhu district summary writes {os.path.basename(summary)} ({done.stderr.decode()[:200]})")
        if done.returncode == 0:
            book = openpyxl.load_workbook(summary)
            _, cli_lines = sheet_table(book["汇总"])
            results.check(cli_lines.get("示例县第一中学") == lines_of(reviewer, "/district/summary.xlsx").get("示例县第一中学"),
                          "and its A line is the page's")
            results.check("示例县学生资助管理中心" in (book["汇总"].cell(1, 1).value or ""), "headed with the district's name")
        bulletin = os.path.join(folder, "通报.xlsx")
        done = subprocess.run([binary, "district", "bulletin", "--archive", postgres.url, "--month", month,
                               "-o", bulletin], capture_output=True, timeout=120)
        results.check(done.returncode == 0 and os.path.exists(bulletin), f"zizhu district bulletin writes the 通报 ({done.stderr.decode()[:200]})")
        done = subprocess.run([binary, "district", "bulletin", "--archive", postgres.url, "--month", "11-2026"],
                              capture_output=True, timeout=60)
        results.check(done.returncode == 2 and "2026-11" in done.stderr.decode(), "a bad --month is a usage error naming the form")
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        if server:
            server.stop()
        postgres.stop()


def lines_of(browser, path):
    status, _, data = browser.get(path)
    if status != 200:
        return {}
    return sheet_table(openpyxl.load_workbook(io.BytesIO(data))["汇总"])[1]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else default_binary()
    results = Results()
    test_district_view(results, binary)
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
