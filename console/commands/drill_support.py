"""What the drill commands share: the store, the author, output and one-line failures."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PROG = "python -m console drill"


class _Fail(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code



@contextmanager
def _store(args: argparse.Namespace) -> Iterator[Any]:
    from console.store import open_store

    with open_store(args.db) as store:
        yield store


def _author(args: argparse.Namespace) -> str:
    if getattr(args, "by", None):
        return str(args.by)
    from console.store.roster_repo import current_user

    return current_user()


def _out(text: str) -> None:
    print(text, flush=True)

