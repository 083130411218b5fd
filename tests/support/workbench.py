"""Helpers of the workbench tests (tests/serve): a bench of people and tokens, servers as processes."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from yusuan.serve.settings import Settings
from yusuan.store.people import add_user

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
CHROMIUM = Path(
    "/usr/bin/chromium"
)  # Debian's (scripts/install-system-packages.sh): the browser tests' browser
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class Bench:
    """A running workbench with three people and their API tokens."""

    client: TestClient
    settings: Settings
    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def upload(self, who: str, path: Path, name: str | None = None) -> Any:
        with path.open("rb") as handle:
            return self.client.post(
                "/api/documents", files={"file": (name or path.name, handle)}, headers=self.auth(who)
            )

    def wait(self, upload_id: int, who: str = "reviewer", seconds: float = 90) -> dict[str, Any]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            body: dict[str, Any] = self.client.get(
                f"/api/documents/{upload_id}", headers=self.auth(who)
            ).json()
            if body["status"] in ("done", "failed"):
                return body
            time.sleep(0.3)
        raise AssertionError(f"document {upload_id} still {body['status']} after {seconds} s")


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


def login(client: TestClient, name: str, password: str) -> str:
    """Log in through the form, in a fresh session; the CSRF token of the document list it leads to."""
    client.cookies.clear()
    reply = client.post(
        "/login",
        data={"name": name, "password": password, "csrf": csrf_of(client.get("/login").text)},
        follow_redirects=False,
    )
    assert (reply.status_code, reply.headers["location"]) == (303, "/"), reply.text[:500]
    return csrf_of(client.get("/").text)


def people(app: Any) -> dict[str, str]:
    engine = app.state.engine
    return {
        "admin": add_user(engine, "管理员", "admin", password="admin-pw"),
        "reviewer": add_user(engine, "审核员甲", "reviewer", password="pw-a"),
        "reviewer2": add_user(engine, "审核员乙", "reviewer"),
        "preparer": add_user(engine, "编制员", "preparer", unit="上海市财政局"),
        "other": add_user(engine, "他单位", "preparer", unit="上海市普陀区财政局"),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``yusuan serve`` as a process of its own, as a person runs it; ``kill`` it like a crash."""

    def __init__(self, data_dir: Path, database: list[str], log: Path) -> None:
        self.data_dir = data_dir
        self.database = database  # e.g. ["--database", URL, "--schema", NAME], or []
        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "yusuan.cli", *args, "--data-dir", str(self.data_dir), *self.database]

    def add_user(self, *args: str) -> str:
        done = subprocess.run(self.command("user", "add", *args), capture_output=True, text=True, env=_env())
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command("serve", "--port", str(self.port)),
                stdout=log,
                stderr=log,
                env=_env(),
                start_new_session=True,  # its worker processes in its group, to end them all
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/login", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(f"yusuan serve did not start: {self.log.read_text('utf-8')}")

    def stop(self, crash: bool = False) -> None:
        """SIGTERM (an orderly stop) or SIGKILL (a crash: nothing gets to clean up)."""
        assert self.process is not None
        if crash:
            os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.terminate()
        self.process.wait(30)
        try:  # what an orderly stop leaves behind (a worker finishing its document) ends too
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process = None


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT / "src")}
