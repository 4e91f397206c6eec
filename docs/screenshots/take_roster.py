"""The roster's screenshots (see take.py, which takes them with the others)::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/screenshots/take_roster.py

``prepare()`` imports the demo roster with its duty rota into the scratch store through
the command line, then a later version of it (one phone number changed, one grid worker
gone, one added). ``shoot()`` saves, in the current language:

* ``roster-view``: the roster in use, availability at 2026-07-12 02:00;
* ``roster-history``: the import history dialog (导入记录), two imports.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from common import REPO, cli, save, scratch, shoot_in_each_language, wait

if TYPE_CHECKING:
    from console.views.main_window import MainWindow

DEMO = REPO / "resources" / "demo"


def later_roster() -> str:
    """The demo roster a month later: W039 left, W040 joined, W038's phone changed."""
    lines = (DEMO / "roster.csv").read_text(encoding="utf-8-sig").splitlines()
    kept = [line for line in lines if not line.startswith("W039,")]
    kept = [line.replace("131****9372", "138****2207") if line.startswith("W038,") else line
            for line in kept]
    kept.append("W040,罗小川,135****6618,村(社区),网格员,flood_patrol、grid_worker、driver,"
                "水田村,水田村第3网格,shuitian-3,shuitian-3,电话、短信、微信群、对讲机,在岗")
    path = scratch / "黑溪镇应急人员花名册-2026年7月.csv"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8-sig")
    return str(path)


def prepare() -> None:
    rota = str(DEMO / "duty-rota.csv")
    cli("roster", "import", str(DEMO / "roster.csv"), "--rota", rota, "--apply")
    cli("roster", "import", later_roster(), "--rota", rota, "--apply")


def shoot(window: MainWindow, language: str) -> None:
    window.show_section("roster")
    view = window.roster_page.ensure_view()
    if view.loading or view.model.rowCount() == 0:
        wait(view.loaded)
    view.set_moment(dt.datetime(2026, 7, 12, 2, 0))
    wait(ms=400)
    save(window, f"roster-view.{language}")
    dialog = view.show_history()
    wait(dialog.loaded)
    wait(ms=300)
    save(dialog, f"roster-history.{language}")
    dialog.close()


def main() -> int:
    prepare()
    return shoot_in_each_language(shoot)


if __name__ == "__main__":
    sys.exit(main())
