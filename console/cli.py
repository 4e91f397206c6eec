"""The headless command line: ``python -m console COMMAND …``.

Exit codes: 0 clean, 1 problems found, 2 usage error. Each area's subcommands live in
``console/commands/``; this module only assembles them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from console.commands import Parser
from console.commands import map as map_commands
from console.commands import plans as plan_commands
from console.commands import roster as roster_commands
from console.commands import simulate as simulate_commands

__all__ = ["build_parser", "main"]

AREAS = (plan_commands, roster_commands, map_commands, simulate_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m console",
        description="Contingency Console (应急预案演练控制台): plans, mobilisation and drills.",
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for area in AREAS:
        area.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_stdout()
    if args.command is None:
        return plan_commands.overview()
    result: int = args.handler(args)
    return result


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
