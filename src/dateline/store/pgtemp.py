"""A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a temp data
directory, a free loopback port, trust auth; run as the ``postgres`` user when we are root.

>>> find_pg_bin() is None or find_pg_bin().name == "bin"
True
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """PostgreSQL binaries are missing or the server would not start."""


def find_pg_bin() -> Path | None:
    """Return the newest ``/usr/lib/postgresql/*/bin`` holding initdb, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """Start a private PostgreSQL on 127.0.0.1; ``url`` is its ``postgresql://`` URL.

    Use as a context manager; `stop` removes the data directory.
    """

    TEST_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    """Settings for throwaway test servers: no durability at all."""

    def __init__(self, *, settings: str = TEST_SETTINGS) -> None:
        self.settings = settings
        self.bin = find_pg_bin()
        if self.bin is None:
            raise PostgresUnavailable("PostgreSQL is not installed (apt-get install postgresql)")
        self.dir = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        self.port = _free_port()
        self.user = "dateline"
        self.url = f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"
        self._as: list[str] = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            self._as = [runuser, "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def start(self) -> "TempPostgres":
        """Create the cluster and start the server (waits until it accepts connections)."""
        data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 {self.settings}"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "-t",
                  "60", "start")
        return self

    def stop(self) -> None:
        """Stop the server and delete its files."""
        data = self.dir / "data"
        if data.exists():
            subprocess.run([*self._as, str(self.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> "TempPostgres":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
