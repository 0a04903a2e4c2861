"""Starting a real `zizhu serve` on a loopback port for the browser and API tests and the benchmark.

Nothing here leaves 127.0.0.1; every server started is stopped (and its data folder removed) by `stop()`.
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `zizhu serve` process with a data folder of its own."""

    def __init__(self, binary, extra=()):
        self.binary = binary
        self.data = tempfile.mkdtemp(prefix="zizhu-serve-")
        self.port = free_port()
        self.log_path = os.path.join(self.data, "server.log")
        self.log = open(self.log_path, "wb")
        # A home of its own: no archive or settings of the machine's user are read.
        self.environment = dict(os.environ, XDG_DATA_HOME=os.path.join(self.data, "xdg"), HOME=self.data)
        self.command = [binary, "serve", "--port", str(self.port), "--data", os.path.join(self.data, "data"), *extra]
        self.start()

    def start(self):
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=self.environment)
        self.wait_until_ready()

    def kill_and_restart(self):
        """SIGKILL, as a power cut or the OOM killer would, then the same server on the same data again."""
        self.process.kill()
        self.process.wait()
        self.start()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_until_ready(self, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"zizhu serve exited with {self.process.returncode}: {self.log_text()}")
            try:
                status, _, _ = self.request("GET", "/")
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("zizhu serve did not answer within %d s: %s" % (seconds, self.log_text()))

    def log_text(self):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def resident_kb(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def request(self, method, path, body=None, headers=None, timeout=300):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def post_files(self, path, files, fields=None, timeout=300):
        body, content_type = multipart(files, fields or {})
        return self.request("POST", path, body, {"Content-Type": content_type}, timeout=timeout)

    def check(self, files, timeout=300):
        """POST /api/check; (status, parsed JSON or raw bytes)."""
        status, _, body = self.post_files("/api/check", files, timeout=timeout)
        try:
            return status, json.loads(body)
        except ValueError:
            return status, body

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


def multipart(files, fields):
    """A multipart/form-data body: `files` is a list of (field, file name, bytes)."""
    boundary = "zizhu" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for field, filename, content in files:
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                      f'Content-Type: application/octet-stream\r\n\r\n').encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def sample_files(folder=None):
    folder = folder or os.path.join(PACKAGE, "samples")
    names = sorted(n for n in os.listdir(folder) if n.endswith((".csv", ".txt", ".xlsx")))
    return [("files", n, open(os.path.join(folder, n), "rb").read()) for n in names]


def cli_report(binary, *arguments):
    """`zizhu check --format json` on the same files: the report the API must equal."""
    done = subprocess.run([binary, "check", "--format", "json", "--no-archive", *arguments],
                          capture_output=True, timeout=600)
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr.decode()


def default_binary():
    for build in ("debug", "release"):
        path = os.path.join(PACKAGE, ".build", build, "zizhu")
        if os.path.exists(path):
            return path
    raise SystemExit("build zizhu first (swift build --product zizhu)")


class Results:
    """Counts checks and prints the closing line `N passed, N failed` that CI reads."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed.append(what)
            print("FAILED:", what, flush=True)

    def finish(self):
        for what in self.failed:
            print("  failed:", what)
        print(f"{self.passed} passed, {len(self.failed)} failed")
        return 0 if not self.failed else 1
