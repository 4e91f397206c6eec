"""A PostgreSQL server for the store tests: the one named by $CONSOLE_TEST_PG_URL, or a
throwaway one started from the installed binaries (initdb + pg_ctl in a temp folder).

The server refuses to run as root, so as root the throwaway server runs as the
``postgres`` user (``runuser``, else ``su``). It listens on 127.0.0.1 only, on a free port.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

ENV_VAR = "CONSOLE_TEST_PG_URL"


class Unavailable(Exception):
    """No PostgreSQL server could be had; the message says why."""


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path))


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    raise Unavailable(
        f"no PostgreSQL: ${ENV_VAR} is not set and no server binaries were found "
        "(/usr/lib/postgresql/*/bin/initdb; Debian: apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def throwaway_server() -> Iterator[URL]:
    """Start a private server; yield the URL of its ``postgres`` database; stop it."""
    bin_dir = _binaries()
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    run_as: list[str] = []
    if as_root:
        try:
            import pwd

            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no 'postgres' user to run "
                              "the server as") from None
        run_as = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else ["su"]

    def run(*args: str) -> None:
        cmd = list(args)
        if run_as == ["su"]:
            cmd = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]
        elif run_as:
            cmd = [*run_as, *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise Unavailable(f"{args[0]} failed ({done.returncode}): "
                              f"{(done.stderr or done.stdout).strip()[-800:]}")

    home = Path(tempfile.mkdtemp(prefix="console-pg-"))
    if as_root:
        os.chown(home, owner.pw_uid, owner.pw_gid)
    data = home / "data"
    started = False
    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-locale", "--no-sync")
        for _attempt in range(3):  # another process may grab the port in between
            port = _free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {port} "
                       f"-c unix_socket_directories={home} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            try:
                run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "server.log"),
                    "-w", "-t", "60", "-o", options, "start")
            except Unavailable:
                continue
            started = True
            break
        if not started:
            log = home / "server.log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise Unavailable(f"pg_ctl could not start a server: {tail}")
        yield URL.create("postgresql+psycopg", username="postgres", host="127.0.0.1",
                         port=port, database="postgres")
    finally:
        if started:
            with contextlib.suppress(Unavailable, subprocess.TimeoutExpired):
                run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(home, ignore_errors=True)


@contextlib.contextmanager
def server() -> Iterator[URL]:
    """$CONSOLE_TEST_PG_URL if set, else a throwaway server."""
    given = os.environ.get(ENV_VAR, "").strip()
    if given:
        url = make_url(given)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        yield url
    else:
        with throwaway_server() as url:
            yield url


@contextlib.contextmanager
def scratch_database(admin: URL) -> Iterator[URL]:
    """A fresh database on the server for this test session, dropped afterwards. Where the
    account may not create databases, the given database is used (schemas still isolate)."""
    name = f"console_test_{secrets.token_hex(4)}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' '
                                  "TEMPLATE template0"))
            created = True
        except Exception as exc:
            if "permission denied" not in str(exc):
                where = admin.render_as_string(hide_password=True)
                raise Unavailable(f"cannot use PostgreSQL at {where}: {exc}") from exc
            created = False
        try:
            yield admin.set(database=name) if created else admin
        finally:
            if created:
                with engine.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@contextlib.contextmanager
def scratch_schema(database: URL) -> Iterator[URL]:
    """A fresh schema for one test; the URL puts it first on the search path."""
    name = f"t_{secrets.token_hex(4)}"
    engine = create_engine(database, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        try:
            yield database.update_query_dict({"options": f"-csearch_path={name}"})
        finally:
            with engine.connect() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
    finally:
        engine.dispose()
