"""`zizhu serve` on a school network: what keeps minors' IDs, cards and phones to the people meant to see them.

- a non-loopback address is refused without a password; `--set-password` keeps only a bcrypt hash;
- with a password, every page and API route needs the session; the session cookie is HttpOnly + SameSite;
- forms need their CSRF token, and a POST from another site is refused;
- an upload over `--max-upload` is refused before it is stored (with and without Content-Length);
- round ids are random, documents are named by position, and no page link carries an identifier.

    python3 Tests/serve/test_security.py [path/to/zizhu]
"""
import http.client
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import Results, Server, default_binary, free_port, multipart, sample_files  # noqa: E402

IDENTIFIER = re.compile(r"(?<!\d)(?:\d{17}[\dXx]|\d{16,19})(?!\d)")
# Round ids and CSRF tokens are 32 random hex digits: a run of 16 decimal digits inside one is chance, not data.
TOKEN = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def identifiers(text):
    return IDENTIFIER.findall(TOKEN.sub("", text))


def cookie(headers, name):
    for key, value in headers.items():
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value
    return None


def cookies_of(response_headers):
    """All Set-Cookie lines (http.client folds repeated headers into a list through getheaders)."""
    return [v for k, v in response_headers if k.lower() == "set-cookie"]


def raw_request(server, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def test_refuses_open_host_without_password(results, binary):
    data = tempfile.mkdtemp()
    done = subprocess.run([binary, "serve", "--host", "0.0.0.0", "--port", str(free_port()), "--data", data],
                          capture_output=True, timeout=60)
    results.check(done.returncode == 2, f"--host 0.0.0.0 without a password exits 2 (got {done.returncode})")
    results.check("--set-password" in done.stderr.decode(), "and says to set a password first")


def test_password(results, binary):
    server = Server(binary)
    try:
        data = os.path.join(server.data, "data")
        password = "校园-Secret-2026"
        done = subprocess.run([binary, "serve", "--set-password", "--data", data], input=(password + "\n").encode(),
                              capture_output=True, timeout=120)
        results.check(done.returncode == 0, f"--set-password succeeds ({done.stderr.decode()[:200]})")
        stored = open(os.path.join(data, "password.bcrypt"), "rb").read()
        results.check(stored.startswith(b"$2"), "the password is kept as a bcrypt hash")
        everything = b"".join(open(os.path.join(root, name), "rb").read()
                              for root, _, names in os.walk(data) for name in names)
        results.check(password.encode() not in everything, "the password itself is nowhere in the data folder")

        status, headers, _ = raw_request(server, "GET", "/")
        results.check(status == 303 and dict(headers).get("Location") == "/login", f"the upload page asks to sign in ({status})")
        for method, path in (("GET", "/rounds"), ("GET", "/api/rounds"), ("GET", "/rounds/0123456789abcdef0123456789abcdef")):
            status, _, _ = raw_request(server, method, path)
            results.check(status in (303, 401), f"{method} {path} without a session is refused ({status})")
        body, content_type = multipart(sample_files(), {})
        status, _, _ = raw_request(server, "POST", "/api/check", body, {"Content-Type": content_type})
        results.check(status == 401, f"POST /api/check without a session is refused ({status})")

        status, headers, _ = raw_request(server, "GET", "/login")
        csrf = next(c for c in cookies_of(headers) if c.startswith("zizhu_csrf=")).split(";")[0].split("=", 1)[1]
        from urllib.parse import quote
        form = "csrf=%s&password=%s"
        wrong = raw_request(server, "POST", "/login", form % (csrf, "wrong"),
                            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "zizhu_csrf=" + csrf})
        results.check(wrong[0] == 303 and "failed" in dict(wrong[1]).get("Location", ""), "a wrong password is refused")
        forged = raw_request(server, "POST", "/login", form % ("0" * 32, quote(password)),
                             {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "zizhu_csrf=" + csrf})
        results.check(forged[0] == 403, f"a sign-in without the page's CSRF token is refused ({forged[0]})")
        status, headers, _ = raw_request(server, "POST", "/login", form % (csrf, quote(password)),
                                         {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "zizhu_csrf=" + csrf})
        session = next((c for c in cookies_of(headers) if c.startswith("zizhu_session=")), "")
        results.check(status == 303 and session, f"the right password signs in ({status})")
        results.check("HttpOnly" in session and "SameSite=Strict" in session, f"the session cookie is HttpOnly and SameSite ({session})")
        token = session.split(";")[0]
        status, _, _ = raw_request(server, "GET", "/", headers={"Cookie": token})
        results.check(status == 200, "signed in, the upload page opens")
        body, content_type = multipart(sample_files(), {})
        status, _, _ = raw_request(server, "POST", "/api/check", body, {"Content-Type": content_type, "Cookie": token})
        results.check(status == 200, f"signed in, /api/check answers ({status})")
        results.check(password not in server.log_text(), "the password is not in the log")
    finally:
        server.stop()


def test_forms_and_links(results, binary):
    server = Server(binary)
    try:
        status, headers, page = raw_request(server, "GET", "/")
        csrf_cookie = next(c for c in cookies_of(headers) if c.startswith("zizhu_csrf="))
        results.check("HttpOnly" in csrf_cookie and "SameSite=Strict" in csrf_cookie, "the CSRF cookie is HttpOnly and SameSite")
        token = csrf_cookie.split(";")[0].split("=", 1)[1]
        results.check(token.encode() in page, "the upload form carries the token")
        header = dict(headers)
        results.check("frame-ancestors 'none'" in header.get("Content-Security-Policy", ""), "pages may not be framed")

        body, content_type = multipart(sample_files(), {})
        status, _, _ = raw_request(server, "POST", "/rounds", body, {"Content-Type": content_type, "Cookie": "zizhu_csrf=" + token})
        results.check(status == 403, f"a form without its token is refused ({status})")
        body, content_type = multipart(sample_files(), {"csrf": token})
        status, _, _ = raw_request(server, "POST", "/rounds", body,
                                   {"Content-Type": content_type, "Cookie": "zizhu_csrf=" + token, "Origin": "http://evil.example"})
        results.check(status == 403, f"a form posted from another site is refused ({status})")
        status, headers, _ = raw_request(server, "POST", "/rounds", body, {"Content-Type": content_type, "Cookie": "zizhu_csrf=" + token})
        location = dict(headers).get("Location", "")
        results.check(status == 303 and re.fullmatch(r"/rounds/[0-9a-f]{32}", location), f"the round gets a random id ({location})")
        rounds = os.listdir(os.path.join(server.data, "data", "rounds"))
        results.check(not any(n.startswith(".incoming") for n in rounds), "no half-received upload is left")

        links = []
        for path in ("/", "/rounds", location, location + "/documents", location + "?lang=en"):
            status, _, page = raw_request(server, "GET", path)
            links += re.findall(rb'(?:href|action|src)="([^"]*)"', page)
            text = page.decode("utf-8", "replace")
            results.check(not identifiers(text), f"{path}: no ID or card number in the page {identifiers(text)[:1]}")
        results.check(links and not any(identifiers(link.decode()) for link in links), "no link carries an identifier")
        for bad in ("/rounds/0123456789abcdef0123456789abcdef", "/rounds/..%2F..%2Fetc", location + "/files/999",
                    location + "/files/..%2F..%2Fzizhu-server.sqlite"):
            status, _, _ = raw_request(server, "GET", bad)
            results.check(status == 404, f"{bad}: not found ({status})")
        results.check(not identifiers(server.log_text()), "the log holds no identifier")
    finally:
        server.stop()


def test_upload_limit(results, binary):
    server = Server(binary, extra=("--max-upload", "1"))
    try:
        big = [("files", "大文件.csv", b"x" * (3 << 20))]
        body, content_type = multipart(big, {})
        status, _, answer = raw_request(server, "POST", "/api/check", body, {"Content-Type": content_type})
        results.check(status == 413 and "1 MB" in answer.decode("utf-8", "replace"), f"an upload over the limit gets 413 with the limit ({status})")

        def chunks():
            for start in range(0, len(body), 65536):
                yield body[start:start + 65536]
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            connection.request("POST", "/api/check", body=chunks(), headers={"Content-Type": content_type},
                               encode_chunked=True)
            status = connection.getresponse().status
        except (BrokenPipeError, ConnectionResetError):
            status = 413  # the server answered and closed before the whole body was sent
        finally:
            connection.close()
        results.check(status == 413, f"a chunked upload over the limit gets 413 too ({status})")
        rounds = os.path.join(server.data, "data", "rounds")
        results.check(not [n for n in os.listdir(rounds) if n.startswith(".incoming")], "nothing of it stays on disk")
        status, _ = server.check(sample_files())
        results.check(status == 200, "the server serves on")
    finally:
        server.stop()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else default_binary()
    results = Results()
    for test in (test_refuses_open_host_without_password, test_password, test_forms_and_links, test_upload_limit):
        try:
            test(results, binary)
        except Exception as error:
            import traceback
            traceback.print_exc()
            results.check(False, f"{test.__name__}: {error!r}")
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
