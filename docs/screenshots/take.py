"""Take the screenshots in this folder from the real application, in Chinese and English.

Run it under a real X server with real fonts (see ../desktop.md)::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/screenshots/take.py

For each language: the plan library (with an added folder holding a plan with an error,
which is selected), and the plan view of forest-fire.yaml at level Ⅳ with one step
selected. Settings, caches and the added folder go to a scratch folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
scratch = Path(tempfile.mkdtemp(prefix="screenshots-"))
for name in ("CONFIG", "DATA", "CACHE"):
    os.environ[f"CONSOLE_{name}_DIR"] = str(scratch / name.lower())

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from console.app import start  # noqa: E402
from console.paths import shipped_plans_dir  # noqa: E402

FOREST_FIRE = str(shipped_plans_dir() / "forest-fire.yaml")


def wait(signal: object | None = None, ms: int = 30_000) -> None:
    """Run the event loop until ``signal`` fires (or for ``ms`` without one)."""
    loop = QEventLoop()
    if signal is not None:
        signal.connect(lambda *_: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def broken_plan_folder() -> Path:
    """A folder with a copy of the forest-fire plan whose first step names a lane that
    does not exist: the library lists it with its error."""
    folder = scratch / "drafts"
    folder.mkdir()
    text = Path(FOREST_FIRE).read_text(encoding="utf-8")
    text = text.replace("id: forest-fire\n", "id: forest-fire-draft\n", 1)
    text = text.replace("    lane: town\n", "    lane: township\n", 1)
    (folder / "forest-fire-draft.yaml").write_text(text, encoding="utf-8")
    return folder


def main() -> int:
    _app, window = start()
    window.move(0, 0)
    window.resize(1600, 1000)
    wait(window.library.loaded)
    drafts = broken_plan_folder()
    window.library.add_folder(str(drafts))
    wait(window.library.loaded)
    for language in ("zh_CN", "en"):
        window.set_language(language)
        window.show_section("plans")
        window._plans_stack.setCurrentWidget(window.library)
        window.library.select_path(str(drafts / "forest-fire-draft.yaml"))
        wait(ms=400)
        window.grab().save(str(HERE / f"plan-library.{language}.png"))
        window.open_plan(FOREST_FIRE)
        wait(window.planShown)
        view = window.plan_view
        assert view is not None
        view.set_all_levels(False)
        view.set_colour_by("stage")
        view.show_step("squad_callout")
        wait(view.graph.drawn)
        wait(ms=600)
        window.grab().save(str(HERE / f"plan-view.{language}.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
