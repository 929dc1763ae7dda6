"""The README's nginx configuration, as a council would run it: its two ```nginx blocks taken
from README.md as they are (only the names, addresses and certificate paths changed for this
machine), TLS with a self-signed certificate, in front of two `tracker serve` instances on one
database; Chromium signs in through it, opens the register and signs out. Skipped, with the
reason, without nginx or openssl (.ci/run installs nginx, so under CI=true it is required)."""

from __future__ import annotations

import http.client
import os
import pwd
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from programs import need_program
from proxy import free_port
from web_helpers import PASSWORD

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = "Early Help Strategy"
SBIN = ("/usr/sbin", "/sbin")


def readme_config(folder: Path, tls_port: int, plain_port: int, backends: list[str]) -> str:
    """README.md's nginx set-up for several instances: its server block, passing to its
    upstream group, with this machine's names, ports and certificate."""
    blocks = re.findall(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(blocks) == 2, "README.md should have two nginx blocks: the server, the upstream"
    server, upstream = blocks

    def swap(pattern: str, new: str, text: str) -> str:
        changed, count = re.subn(pattern, new, text)
        assert count, f"README's nginx block has no {pattern!r} any more: update this test"
        return changed

    server = swap(r"listen 443 ssl;", f"listen 127.0.0.1:{tls_port} ssl;", server)
    server = swap(r"listen 80;", f"listen 127.0.0.1:{plain_port};", server)
    server = swap(r"tracker\.example\.gov\.uk;", "localhost;", server)
    server = swap(r"ssl_certificate\s+\S+;", f"ssl_certificate {folder / 'cert.pem'};", server)
    server = swap(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {folder / 'key.pem'};",
                  server)  # fmt: skip
    server = swap(r"proxy_pass http://127\.0\.0\.1:8100;", "proxy_pass http://tracker;", server)
    upstream = swap(r"(\s*server 10\.0\.0\.\d+:8100;)+",
                    "".join(f"\n    server {b};" for b in backends), upstream)  # fmt: skip
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "".join(f"    {kind}_temp_path {folder / kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    return f"""{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"};
events {{ worker_connections 256; }}
http {{
    log_format routed '$request_method $uri $status $upstream_addr';
    access_log {folder / "access.log"} routed;
{temp}
{upstream}
{server}
}}
"""


def start_nginx(nginx: str, folder: Path, tls_port: int) -> subprocess.Popen[bytes]:
    conf = folder / "nginx.conf"
    checked = subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(conf), "-e",
                              str(folder / "error.log")], capture_output=True, text=True)  # fmt: skip
    assert checked.returncode == 0, f"nginx refuses the README's configuration:\n{checked.stderr}"
    process = subprocess.Popen([nginx, "-p", str(folder), "-c", str(conf), "-e",
                                str(folder / "error.log")], start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", tls_port), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                error = (folder / "error.log").read_text(errors="replace")
                raise AssertionError(f"nginx did not start:\n{error}") from None
            time.sleep(0.1)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_the_readme_nginx_set_up_in_front_of_two_servers(serve, browser, tmp_path) -> None:
    nginx = need_program("nginx", "nginx, for the README's reverse-proxy set-up", also=SBIN)
    openssl = need_program("openssl", "openssl, for a self-signed certificate", also=SBIN)
    folder = tmp_path / "nginx"
    folder.mkdir()
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)  # fmt: skip
    tls_port, plain_port, ports = free_port(), free_port(), [free_port(), free_port()]
    public = f"https://localhost:{tls_port}"
    servers = [serve(public_url=public, port=p, serve_settings='trusted_proxies = ["127.0.0.1"]')
               for p in ports]  # fmt: skip
    backends = [f"127.0.0.1:{p}" for p in ports]
    (folder / "nginx.conf").write_text(readme_config(folder, tls_port, plain_port, backends))
    proxy = start_nginx(nginx, folder, tls_port)
    try:
        # plain HTTP is sent to HTTPS
        plain = http.client.HTTPConnection("127.0.0.1", plain_port, timeout=10)
        plain.request("GET", "/sign-in")
        moved = plain.getresponse()
        assert moved.status == 301 and moved.headers["Location"].startswith("https://")

        pat = browser("--ignore-certificate-errors")  # the certificate is self-signed
        pat.sign_in(public, "pat", "not the password")
        assert "the login or password is wrong" in pat.message()
        pat.sign_in(public, "pat", PASSWORD)
        assert "Signed in as Pat Manager (pat)" in pat.text()
        pat.wait_for_text(DASHBOARD)  # through the proxy's websocket
        pat.keys("a")
        pat.wait_for_text("P1-01")
        cookie = {c["name"]: c for c in pat.driver.get_cookies()}["tracker_session"]
        assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert sum(len(s.apps()) for s in servers) == 1

        pat.driver.find_element("css selector", "#sign-out button").click()
        pat.wait_for(lambda: "/sign-in" in pat.driver.current_url, what="the sign-in page")
        assert "You have signed out." in pat.message()
        for served in servers:
            assert served.wait_for_apps(0, timeout=30) == []
            assert PASSWORD not in served.log_text()
        # (nginx logs a request when it ends: the app's websocket, at sign-out)
        routed = (folder / "access.log").read_text().splitlines()
        assert any(line.startswith("GET /ws 101 ") for line in routed)  # the app's websocket
        # no sticky sessions: the pages, files and the websocket spread over both servers
        passed = {line.rsplit(" ", 1)[1] for line in routed} - {"-"}  # "-": the 301 above
        assert passed == set(backends)
    finally:
        proxy.send_signal(signal.SIGQUIT)  # nginx's graceful stop
        try:
            proxy.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proxy.pid, signal.SIGKILL)
            proxy.wait()
