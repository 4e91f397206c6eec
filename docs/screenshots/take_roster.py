"""Take the roster view's screenshot from the real application (see take.py)::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/screenshots/take_roster.py

The demo roster (the store is a scratch SQLite file), availability at 2026-07-12 02:00,
in Chinese and English.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
scratch = Path(tempfile.mkdtemp(prefix="screenshots-"))
for name in ("CONFIG", "DATA", "CACHE"):
    os.environ[f"CONSOLE_{name}_DIR"] = str(scratch / name.lower())
os.environ["CONSOLE_DB_URL"] = f"sqlite:///{scratch / 'console.db'}"

from take import wait  # noqa: E402

from console.app import start  # noqa: E402


def main() -> int:
    _app, window = start()
    window.move(0, 0)
    window.resize(1600, 1000)
    wait(window.library.loaded)
    window.show_section("roster")
    view = window.roster_page.ensure_view()
    if view.loading or view.model.rowCount() == 0:
        wait(view.loaded)
    view.set_moment(dt.datetime(2026, 7, 12, 2, 0))
    for language in ("zh_CN", "en"):
        window.set_language(language)
        wait(ms=400)
        window.grab().save(str(HERE / f"roster-view.{language}.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
