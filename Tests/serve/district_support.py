"""A district's `zizhu serve` for the tests and the load benchmark: a real PostgreSQL server (Tests/postgres/
server.sh, on 127.0.0.1) holding the rounds, accounts and archive, people who sign in, and their browsers.
"""
import http.client
import os
import subprocess
import tempfile
import urllib.parse

from serve_support import PACKAGE, Server, multipart

POSTGRES = os.path.join(PACKAGE, "Tests", "postgres", "server.sh")


class Postgres:
    """A throwaway PostgreSQL cluster; `url` names its database."""

    def __init__(self):
        self.folder = tempfile.mktemp(prefix="zizhu-district-postgres-", dir="/tmp")
        done = subprocess.run([POSTGRES, "start", self.folder], capture_output=True, timeout=180)
        if done.returncode != 0:
            raise RuntimeError("PostgreSQL did not start: " + done.stderr.decode())
        self.url = done.stdout.decode().strip()

    def psql(self, sql):
        port = open(os.path.join(self.folder, "port")).read().strip()
        runner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        done = subprocess.run(runner + ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-At", "-c", sql],
                              capture_output=True, timeout=60)
        return done.stdout.decode().strip()

    def pause(self):
        subprocess.run([POSTGRES, "pause", self.folder], check=True, capture_output=True, timeout=120)

    def resume(self):
        subprocess.run([POSTGRES, "resume", self.folder], check=True, capture_output=True, timeout=120)

    def stop(self):
        subprocess.run([POSTGRES, "stop", self.folder], capture_output=True, timeout=120)


def district_server(binary, postgres, admin="admin", password="Admin-口令-2026"):
    """A server on the district's database with its first administrator (made with `--add-admin`)."""
    server = Server(binary, extra=("--archive", postgres.url))
    done = subprocess.run([binary, "serve", "--add-admin", admin, "--admin-name", "区管理员",
                           "--data", os.path.join(server.data, "data"), "--archive", postgres.url],
                          input=(password + "\n").encode(), capture_output=True, timeout=120)
    if done.returncode != 0:
        server.stop()
        raise RuntimeError("--add-admin failed: " + done.stderr.decode())
    return server


class Browser:
    """One person's browser: its cookies (session, CSRF), forms posted with the page's token."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, timeout=300):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for key, value in response.getheaders():
                if key.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
                    if "Max-Age=0" in value:
                        self.cookies.pop(name, None)
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def get(self, path):
        return self.request("GET", path)

    @property
    def csrf(self):
        if "zizhu_csrf" not in self.cookies:
            self.get("/login")
        return self.cookies["zizhu_csrf"]

    def form(self, path, fields, with_token=True):
        fields = dict(fields)
        if with_token:
            fields["csrf"] = self.csrf
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def sign_in(self, login, password):
        status, headers, _ = self.form("/login", {"login": login, "password": password})
        return status == 303 and headers.get("Location") == "/"

    def upload(self, files, fields=None):
        """POST /api/run: (status, JSON)."""
        import json
        body, content_type = multipart(files, fields or {})
        status, _, answer = self.request("POST", "/api/run", body, {"Content-Type": content_type})
        try:
            return status, json.loads(answer)
        except ValueError:
            return status, answer

    def api(self, method, path, fields=None):
        import json
        if method == "GET":
            status, _, answer = self.get(path)
        else:
            status, _, answer = self.form(path, fields or {}, with_token=False)
        try:
            return status, json.loads(answer)
        except ValueError:
            return status, answer


def set_up_district(server, admin="admin", password="Admin-口令-2026", schools=(), reviewers=()):
    """Signs the administrator in and adds `schools` ((code, name, clerk login)) and reviewer logins; every
    person's password is `Pw-<login>-2026`. Returns the administrator's browser."""
    browser = Browser(server)
    assert browser.sign_in(admin, password), "the administrator signs in"
    for code, name, clerk in schools:
        status, _, _ = browser.form("/admin/schools", {"code": code, "name": name})
        assert status == 303, f"school {code} added ({status})"
        status, _, _ = browser.form("/admin/accounts", {"login": clerk, "name": clerk, "role": "clerk", "school": code,
                                                        "password": person_password(clerk)})
        assert status == 303, f"clerk {clerk} added ({status})"
    for login in reviewers:
        status, _, _ = browser.form("/admin/accounts", {"login": login, "name": login, "role": "reviewer",
                                                        "school": "", "password": person_password(login)})
        assert status == 303, f"reviewer {login} added ({status})"
    return browser


def person_password(login):
    return f"Pw-{login}-2026"


def gb11643(first17):
    """The check character of a resident ID (GB 11643, MOD 11-2)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def resident_id(region, birth, sequence):
    first17 = f"{region}{birth}{sequence:03d}"
    return first17 + gb11643(first17)
