"""The Reports section's screenshot (see take.py, which takes it with the others)::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/screenshots/take_reports.py

``prepare()`` runs two simulated drills of forest-fire.yaml through the command line into
the scratch store (it needs the roster: take_roster.prepare() first): one at level Ⅳ,
and one at Ⅲ with the road to 胜地社区 closed on the way. ``shoot()`` saves, in the
current language, ``reports``: the recorded drills with the latest selected and its
summary beside the list.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import take_roster
from common import REPO, cli, save, shoot_in_each_language, wait

if TYPE_CHECKING:
    from console.views.main_window import MainWindow

SCENARIO = REPO / "resources" / "scenarios" / "shengdi-smoke-road-closed.yaml"


def prepare() -> None:
    common = ("drill", "run", "forest-fire", "--at", "胜地社区", "--speed", "max", "--quiet")
    cli(*common, "--level", "IV", "--time", "2026-07-10 14:00", "--seed", "7",
        "--by", "周丽")
    cli(*common, "--level", "III", "--time", "2026-07-12 02:00", "--seed", "11",
        "--scenario", str(SCENARIO), "--by", "周丽")


def shoot(window: MainWindow, language: str) -> None:
    page = window.report_page
    window.show_section("reports")
    if page.loading or page.model.rowCount() == 0:
        wait(page.loaded)
    page.select_row(0)
    wait(page.summaryShown, ms=10_000)
    wait(ms=600)
    save(window, f"reports.{language}")


def main() -> int:
    take_roster.prepare()
    prepare()
    return shoot_in_each_language(shoot)


if __name__ == "__main__":
    sys.exit(main())
