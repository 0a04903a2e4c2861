"""The district's server on a real PostgreSQL: schools, people, the three-level review, the cross-school checks.

- `--add-admin` makes the first administrator; the administrator adds schools, clerks and reviewers on /admin;
  passwords are bcrypt hashes in the database;
- one school's clerk cannot reach another school's rounds, documents or findings through any page or API route,
  nor can anybody without a session, nor the administrator; a reviewer never sees a draft;
- a round goes 草稿 → 已提交 → 退回 (with the reason shown to the school) or 已审核 → 已发放 (recorded in the
  archive, once); of two reviewers approving at once exactly one does, the other is told;
- submitting runs duplicate-id-across-schools and card-shared against every other school's submitted rows,
  naming the school and none of its pupils' data;
- the audit log has who submitted, returned, approved, paid and downloaded; no log line or URL has an identifier.

    python3 Tests/serve/test_district.py [path/to/zizhu]
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import PACKAGE, Results, default_binary, sample_files  # noqa: E402
from district_support import Browser, Postgres, district_server, person_password, resident_id, set_up_district  # noqa: E402

IDENTIFIER = re.compile(r"(?<!\d)(?:\d{17}[\dXx]|\d{16,19})(?!\d)")
TOKEN = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
SCHOOLS = [("S001", "示例县第一中学", "clerk-a"), ("S002", "示例县第二中学", "clerk-b")]


def sheets():
    """School A's class sheet (samples/高一(1)班.csv: lines 3 and 7 are accepted) and school B's: A's line 3 as
    it is (双学籍) and A's line 7 under another student's ID (the same card for two students)."""
    path = os.path.join(PACKAGE, "samples", "高一(1)班.csv")
    a = open(path, "rb").read()
    rows = list(csv.reader(io.StringIO(a.decode("utf-8-sig"))))
    header, shared, card_row = rows[0], rows[2], list(rows[6])
    other = resident_id(card_row[4][:6], card_row[4][6:14], 731)
    card_row[4], card_row[5] = other, "G" + other
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, shared, card_row])
    b = ("\ufeff" + out.getvalue()).encode("utf-8")
    return [("files", "高一(1)班.csv", a)], [("files", "二中高一(3)班.csv", b)], shared[4], card_row[12]


def routes(round_id):
    """Every route that names a round: (method, path)."""
    pages = [("GET", f"/rounds/{round_id}"), ("GET", f"/rounds/{round_id}/documents"),
             ("GET", f"/rounds/{round_id}/documents.zip"), ("GET", f"/rounds/{round_id}/files/0"),
             ("GET", f"/api/rounds/{round_id}"), ("GET", f"/api/rounds/{round_id}/documents.zip")]
    actions = [("POST", f"{prefix}/rounds/{round_id}/{action}") for prefix in ("", "/api")
               for action in ("submit", "return", "approve", "pay")]
    return pages + actions


def request(browser, method, path):
    if method == "GET":
        return browser.get(path)[0]
    return browser.form(path, {"reason": "试图退回", "version": "1"})[0]


def test_district(results, binary):
    postgres = Postgres()
    server = None
    try:
        server = district_server(binary, postgres)
        admin = set_up_district(server, schools=SCHOOLS, reviewers=["reviewer-1", "reviewer-2"])
        hashes = postgres.psql("SELECT string_agg(left(password_hash, 4), ',') FROM zizhu.account").split(",")
        results.check(len(hashes) == 5 and all(h.startswith("$2") for h in hashes),
                      f"five accounts, each password a bcrypt hash ({hashes})")
        results.check(person_password("clerk-a") not in postgres.psql("SELECT string_agg(password_hash, ',') FROM zizhu.account"),
                      "no password is stored as typed")

        a, b = Browser(server), Browser(server)
        results.check(a.sign_in("clerk-a", person_password("clerk-a")), "school A's clerk signs in")
        results.check(b.sign_in("clerk-b", person_password("clerk-b")), "school B's clerk signs in")
        results.check(not Browser(server).sign_in("clerk-a", "wrong-password"), "a wrong password is refused")
        results.check(not Browser(server).sign_in("nobody", "wrong-password"), "an unknown login is refused")

        a_files, b_files, shared_id, shared_card = sheets()
        status, round_a = a.upload(a_files)
        results.check(status == 201 and round_a.get("state") == "draft" and round_a.get("school") == "S001",
                      f"school A's upload is a draft of S001 ({status})")
        status, round_b = b.upload(b_files)
        results.check(status == 201 and round_b.get("school") == "S002", f"school B's upload is S002's ({status})")
        a_id, b_id = round_a["id"], round_b["id"]

        # Nobody but school A (and, once submitted, the reviewers) reaches A's round.
        nobody = Browser(server)
        reviewer = Browser(server)
        reviewer.sign_in("reviewer-1", person_password("reviewer-1"))
        for method, path in routes(a_id):
            shown = path.replace(a_id, "{id}")
            results.check(request(b, method, path) == 404, f"{method} {shown} with school B's session: 404")
            results.check(request(nobody, method, path) in (303, 401, 403), f"{method} {shown} without a session is refused")
            results.check(request(admin, method, path) == 404, f"{method} {shown} as the administrator: 404")
            results.check(request(reviewer, method, path) == 404, f"{method} {shown} as a reviewer while a draft: 404")
        status, listed = b.api("GET", "/api/rounds")
        results.check(status == 200 and [r["id"] for r in listed["rounds"]] == [b_id], "school B lists only its round")
        status, listed = reviewer.api("GET", "/api/rounds")
        results.check(status == 200 and listed["rounds"] == [], "a reviewer lists no drafts")
        for path in ("/admin",):
            results.check(b.get(path)[0] == 404 and reviewer.get(path)[0] == 404, f"{path} is the administrator's only")
        results.check(b.form("/admin/accounts", {"login": "x", "role": "admin", "school": "", "password": "12345678"})[0] == 404,
                      "a clerk cannot add an account")

        # A submits; B submits and hears of A's pupil and card — A's school by name, nothing of A's pupils.
        status, _, page = a.get(f"/rounds/{a_id}")
        results.check(status == 200 and 'id="submit-round"' in page.decode(), "school A's page offers 提交")
        results.check(a.request("POST", f"/rounds/{a_id}/submit", b"version=1",
                                {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403,
                      "the page's form without its CSRF token is refused")
        status, headers, _ = a.form(f"/rounds/{a_id}/submit", {"version": "1"})
        results.check(status == 303 and headers.get("Location") == f"/rounds/{a_id}", f"A submits on its page ({status})")
        results.check(a.api("GET", f"/api/rounds/{a_id}")[1].get("state") == "submitted", "A's round is 已提交")
        status, submitted = b.api("POST", f"/api/rounds/{b_id}/submit")
        codes = sorted(f["code"] for f in submitted.get("crossSchool", []))
        results.check(status == 200 and codes == ["card-shared", "duplicate-id-across-schools"],
                      f"B's submit finds 双学籍 and the shared card ({codes})")
        duplicate = next((f for f in submitted.get("crossSchool", []) if f["code"] == "duplicate-id-across-schools"), {})
        results.check(duplicate.get("school") == "示例县第一中学" and "示例县第一中学" in duplicate.get("message", ""),
                      "the finding names school A")
        text = str(submitted)
        results.check(shared_id not in text and shared_card not in text and "王" not in text.replace("王浩然", ""),
                      "and carries no identifier")
        results.check(b.api("POST", f"/api/rounds/{b_id}/submit")[0] == 409, "submitting twice is refused (409)")

        # The reviewer sees both sides; the school's page shows the district's findings too.
        status, _, page = reviewer.get(f"/rounds/{a_id}")
        html = page.decode()
        results.check(status == 200 and "duplicate-id-across-schools" in html and "示例县第二中学" in html,
                      "the reviewer's page of A's round shows 双学籍 with school B")
        status, _, page = b.get(f"/rounds/{b_id}")
        results.check(status == 200 and "示例县第一中学" in page.decode() and 'id="submit-round"' not in page.decode(),
                      "school B's page shows the finding and no submit button any more")
        results.check(a.get(f"/rounds/{b_id}")[0] == 404, "school A still cannot open B's round")

        # Return B with a reason; school B reads it.
        status, returned = reviewer.api("POST", f"/api/rounds/{b_id}/return", {"reason": "与第一中学双学籍，请核实后重新报送"})
        results.check(status == 200 and returned.get("state") == "returned", f"B's round is returned ({status})")
        results.check(reviewer.api("POST", f"/api/rounds/{b_id}/return", {"reason": ""})[0] in (409, 422),
                      "a return needs a reason and a returnable round")
        status, _, page = b.get(f"/rounds/{b_id}")
        results.check("与第一中学双学籍，请核实后重新报送" in page.decode(), "school B sees the reviewer's reason")
        status, _, page = reviewer.get(f"/rounds/{a_id}")
        results.check("duplicate-id-across-schools" not in page.decode(),
                      "with B returned, A's round no longer shows the 双学籍")

        # Two reviewers approve A at once: one does, the other is told.
        second = Browser(server)
        second.sign_in("reviewer-2", person_password("reviewer-2"))
        version = reviewer.api("GET", f"/api/rounds/{a_id}")[1]["version"]
        outcomes = []

        def approve(browser):
            outcomes.append(browser.api("POST", f"/api/rounds/{a_id}/approve", {"version": str(version)}))

        threads = [threading.Thread(target=approve, args=(browser,)) for browser in (reviewer, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted(status for status, _ in outcomes)
        results.check(statuses == [200, 409], f"of two reviewers approving at once, one does and one hears 409 ({statuses})")
        told = next((answer for status, answer in outcomes if status == 409), {})
        results.check("error" in told and "已审核" in told["error"].get("message", ""), "the other is told it was approved")

        # 已发放: recorded in the archive once.
        status, paid = second.api("POST", f"/api/rounds/{a_id}/pay")
        results.check(status == 200 and paid.get("state") == "paid", f"A's round is marked paid ({status})")
        batches = postgres.psql("SELECT count(*) || ':' || sum(rows) FROM zizhu.batch")
        results.check(batches == "1:2", f"its two accepted rows are one archive batch ({batches})")
        results.check(second.api("POST", f"/api/rounds/{a_id}/pay")[0] == 409, "paying twice is refused")
        results.check(a.get(f"/rounds/{a_id}/documents.zip")[0] == 200, "school A downloads its documents")

        # The audit log.
        status, _, page = admin.get("/admin")
        html = page.decode()
        for action in ("signed-in", "sign-in-failed", "uploaded", "submitted", "returned", "approved", "paid",
                       "downloaded", "school-added", "account-added"):
            results.check(f"<td>{action}</td>" in html, f"the audit log records {action}")
        results.check(postgres.psql("SELECT count(*) FROM zizhu.audit WHERE action = 'approved'") == "1",
                      "one approval in the audit log")

        # Signing out ends the session; a disabled account is signed out and cannot sign in again.
        status, _, _ = admin.form("/admin/accounts/disable", {"login": "clerk-b"})
        results.check(status == 303 and b.get("/rounds")[0] == 303, "a disabled clerk's session ends")
        results.check(not Browser(server).sign_in("clerk-b", person_password("clerk-b")), "and cannot sign in")

        log = server.log_text()
        results.check(not IDENTIFIER.findall(TOKEN.sub("", log)), "no identifier in the server's log")
        results.check(a_id not in log and b_id not in log, "no round id in the server's log")
    finally:
        if server:
            server.stop()
        postgres.stop()


def test_database_stopped_mid_upload(results, binary):
    """PostgreSQL stopped while a school's upload is being checked: the school is told, nothing of the round is
    kept (no row, no folder), and the same server takes the upload once the database is back."""
    postgres = Postgres()
    server = None
    try:
        server = district_server(binary, postgres)
        set_up_district(server, schools=SCHOOLS[:1])
        clerk = Browser(server)
        clerk.sign_in("clerk-a", person_password("clerk-a"))
        roster = tempfile.mkdtemp(prefix="zizhu-district-roster-")
        subprocess.run([binary, "generate", "--rows", "20000", "--seed", "7", "-o", roster], check=True,
                       capture_output=True, timeout=600)
        files = sample_files(roster)
        shutil.rmtree(roster, ignore_errors=True)
        answer = {}
        upload = threading.Thread(target=lambda: answer.setdefault("upload", clerk.upload(files)))
        upload.start()
        time.sleep(1.0)
        postgres.pause()
        upload.join(600)
        status, body = answer.get("upload", (None, None))
        message = body.get("error", {}).get("message", "") if isinstance(body, dict) else ""
        results.check(status is not None and status >= 500 and ("数据库" in message or "档案" in message),
                      f"an upload while the database stops is refused with a reason ({status}: {message[:120]})")
        status, body = clerk.upload(files[:1])
        results.check(status == 503 or (isinstance(body, dict) and "error" in body),
                      f"and so is one while it is down ({status})")
        postgres.resume()
        rounds = os.path.join(server.data, "data", "rounds")
        results.check(os.listdir(rounds) == [], f"nothing of those uploads stayed on disk ({os.listdir(rounds)})")
        results.check(postgres.psql("SELECT count(*) FROM zizhu.round") == "0", "nor in the database")
        status, body = clerk.upload(files[:1])
        results.check(status == 201, f"the same server takes the upload once the database is back ({status})")
        results.check(postgres.psql("SELECT count(*) FROM zizhu.round") == "1", "and stores it once")
    finally:
        if server:
            server.stop()
        postgres.stop()


def test_server_killed_while_paying(results, binary):
    """The server killed while reviewers mark rounds paid: after the restart each round is approved or paid; one
    left approved is returned (what the kill may have recorded of it is taken back), a retry pays the rest, and
    every paid round is in the archive exactly once."""
    postgres = Postgres()
    server = None
    try:
        server = district_server(binary, postgres)
        set_up_district(server, schools=SCHOOLS, reviewers=["reviewer-1"])
        a_files, b_files, _, _ = sheets()
        ids = []
        for login, files in (("clerk-a", a_files), ("clerk-b", b_files)):
            clerk = Browser(server)
            clerk.sign_in(login, person_password(login))
            for copy in range(4):
                status, answer = clerk.upload(files, {"label": f"第{copy + 1}批"})
                ids.append(answer["id"])
                clerk.api("POST", f"/api/rounds/{answer['id']}/submit")
        reviewer = Browser(server)
        reviewer.sign_in("reviewer-1", person_password("reviewer-1"))
        for round_id in ids:
            reviewer.api("POST", f"/api/rounds/{round_id}/approve")
        def pay(round_id):
            try:
                reviewer.api("POST", f"/api/rounds/{round_id}/pay")
            except OSError:
                pass  # the server was killed under this request

        threads = [threading.Thread(target=pay, args=(round_id,)) for round_id in ids]
        for thread in threads:
            thread.start()
        time.sleep(0.05)
        server.kill_and_restart()
        for thread in threads:
            thread.join(60)
        states = postgres.psql("SELECT string_agg(DISTINCT state, ',') FROM zizhu.round")
        results.check(set(states.split(",")) <= {"approved", "paid"}, f"after the kill every round is approved or paid ({states})")
        print("paid before the kill:", postgres.psql("SELECT count(*) FROM zizhu.round WHERE state = 'paid'"),
              "of", len(ids), "; archive batches:", postgres.psql("SELECT count(*) FROM zizhu.batch"))
        reviewer = Browser(server)
        reviewer.sign_in("reviewer-1", person_password("reviewer-1"))
        approved = [r for r in ids if reviewer.api("GET", f"/api/rounds/{r}")[1].get("state") == "approved"]
        if approved:
            status, _ = reviewer.api("POST", f"/api/rounds/{approved[0]}/return", {"reason": "金额需复核"})
            results.check(status == 200, f"a round left approved can be returned ({status})")
        for round_id in approved[1:]:
            reviewer.api("POST", f"/api/rounds/{round_id}/pay")
        paid = len(ids) - min(1, len(approved))
        results.check(postgres.psql("SELECT count(*) FROM zizhu.round WHERE state = 'paid'") == str(paid),
                      "the retry pays the rest")
        batches = postgres.psql("SELECT count(*) || ' ' || count(DISTINCT input_hash) FROM zizhu.batch")
        results.check(batches == f"{paid} {paid}", f"each paid round is one archive batch, none twice, the returned one none ({batches})")
        linked = postgres.psql("SELECT count(*) FROM zizhu.round r JOIN zizhu.batch b ON b.id = r.archive_batch "
                               "AND b.input_hash = 'round:' || r.id WHERE r.state = 'paid'")
        results.check(linked == str(paid), f"and each paid round names its own batch ({linked})")
    finally:
        if server:
            server.stop()
        postgres.stop()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else default_binary()
    results = Results()
    test_district(results, binary)
    test_database_stopped_mid_upload(results, binary)
    test_server_killed_while_paying(results, binary)
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
