"""The roster in use for the roster commands: the store, where the roster came from, and
how store and usage problems are reported (one line on stderr)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.roster.demo import (
    DEMO_LABEL,
    load_demo_roster,
)
from console.roster.model import Roster
from console.roster.table_columns import Lang

if TYPE_CHECKING:
    from console.store import ImportRecord, Store

from .tabletext import _t

__all__ = ["current_roster"]


# ── the roster in the store ──────────────────────────────────────────────────────


class _StoreFailed(Exception):
    """A store problem, already worded for the operator as one line."""


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The open store; any store problem becomes ``_StoreFailed`` naming the database."""
    from console.store import StoreError, database_url, open_store
    from console.store.engine import describe

    try:
        location = describe(database_url(db))
    except (StoreError, OSError) as exc:
        raise _StoreFailed(_naming(exc, db)) from exc
    try:
        store = open_store(db)
    except (StoreError, OSError) as exc:
        raise _StoreFailed(_naming(exc, location)) from exc
    try:
        with store:
            yield store
    except StoreError as exc:
        raise _StoreFailed(_naming(exc, location)) from exc


def _naming(exc: BaseException, location: str | None) -> str:
    """The error in one line, with the database named if the message does not."""
    message = " ".join(str(exc).split()) or exc.__class__.__name__
    if location and location not in message:
        message += f" (database: {location})"
    return message


def _store_errors(command: str) -> Callable[[Callable[[argparse.Namespace], int]],
                                            Callable[[argparse.Namespace], int]]:
    """Handlers report a database they cannot use in one line and exit 1."""
    def wrap(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        @functools.wraps(handler)
        def run(args: argparse.Namespace) -> int:
            try:
                return handler(args)
            except _StoreFailed as exc:
                print(f"python -m console roster {command}: error: {exc}", file=sys.stderr)
                return 1
        return run
    return wrap


def current_roster(db: str | None = None) -> Roster:
    """The roster saved in the store (``db``, else $CONSOLE_DB_URL, else the default
    database), or the demo roster until one was saved. Raises ``StoreError``."""
    from console.store import load_roster, open_store

    with open_store(db) as store:
        return load_roster(store) or load_demo_roster()


@dataclass(frozen=True)
class _InUse:
    roster: Roster
    database: str  # where the store is
    last: ImportRecord | None  # the import that saved it (None: the demo roster)


def _in_use(db: str | None, demo: bool = False) -> _InUse:
    """The roster in use and where it came from (the demo roster with ``demo``)."""
    if demo:
        return _InUse(load_demo_roster(), "", None)
    from console.store import import_history, load_roster

    with _store(db) as store:
        stored = load_roster(store)
        history = import_history(store) if stored is not None else []
        return _InUse(stored or load_demo_roster(), store.location,
                      history[-1] if history else None)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _source(in_use: _InUse, lang: Lang) -> str:
    """Where the roster in use came from, for a header line."""
    roster, last = in_use.roster, in_use.last
    if not in_use.database:
        return _t(lang, "来源：", "source: ") + roster.source
    if roster.demo and last is None:
        return _t(lang, f"来源：{roster.source}（数据库 {in_use.database} 中尚无导入的花名册）",
                  f"source: {roster.source} (no roster imported yet in the database "
                  f"{in_use.database})")
    if last is None:
        return _t(lang, f"来源：{roster.source}（数据库 {in_use.database}）",
                  f"source: {roster.source} (database {in_use.database})")
    return _t(lang, f"来源：{last.file_name}，{_local(last.imported_at)} 由 {last.imported_by} "
                    f"导入（数据库 {in_use.database}）",
              f"source: {last.file_name}, imported {_local(last.imported_at)} by "
              f"{last.imported_by} (database {in_use.database})")


def _name(roster: Roster, lang: Lang, *, short: bool = False) -> str:
    if roster.demo:
        return DEMO_LABEL if short else _t(lang, f"{DEMO_LABEL}（姓名为虚构，手机号已脱敏）",
                                           "DEMO DATA (synthetic names, masked phones)")
    return _t(lang, "用户花名册", "user roster")


def _usage(command: str, message: str) -> int:
    print(f"python -m console roster {command}: error: {message}", file=sys.stderr)
    return 2

