"""The command line: ``python -m console COMMAND …``; with no command, the desktop window.

Exit codes: 0 clean, 1 problems found, 2 usage error. Each area's subcommands live in
``console/commands/``; this module only assembles them. Qt is imported only for the
window (console/app.py), never for a command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from console.commands import Parser

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    # Imported here: each area loads its part of the core, which opening the window
    # (no command) does not need.
    from console.commands import drill as drill_commands
    from console.commands import map as map_commands
    from console.commands import plans as plan_commands
    from console.commands import roster as roster_commands
    from console.commands import simulate as simulate_commands

    parser = Parser(
        prog="python -m console",
        description="Contingency Console (应急预案演练控制台): plans, mobilisation and drills.",
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for area in (plan_commands, roster_commands, map_commands, simulate_commands, drill_commands):
        area.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    _utf8_stdout()
    if not words:
        from console.app import main as open_window

        return open_window([])
    args = build_parser().parse_args(words)
    result: int = args.handler(args)
    return result


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
