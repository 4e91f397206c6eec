"""Take every screenshot in this folder from the real application, in Chinese and English.

Run it under a real X server with real fonts (see ../desktop.md)::

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python docs/screenshots/take.py

Settings, caches, plan copies, revision histories and the store go to a scratch folder
(``common.py``). First the store is filled through the command line: the demo roster
imported twice (``take_roster.py``) and two drills run (``take_reports.py``). Then, in one
window, for each language:

* ``plan-library``: the library with an added folder holding a plan with an error, selected;
* ``plan-view``: forest-fire.yaml at level Ⅳ, coloured by stage, one step selected;
* ``plan-revisions``: the editor's revision dialog (修订记录) on a copy of forest-fire.yaml
  saved three times (an edit, draft → reviewed, an edit with reviewed → approved), the
  first and the last of these chosen and their diff shown;
* ``plan-editor``: the same copy with an error typed in (the problems panel explains it)
  and the file then changed on disk by another program (the bar asks what to do);
* ``reports``, ``roster-view``, ``roster-history``: see ``take_reports.py`` and
  ``take_roster.py``.

Look at every picture before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import take_reports
import take_roster
from common import LANGUAGES, save, scratch, wait  # first: it sets the scratch folders

from console.app import start

if TYPE_CHECKING:
    from console.views.main_window import MainWindow
    from console.views.plan_editor import PlanEditor
from console.paths import shipped_plans_dir

FOREST_FIRE = str(shipped_plans_dir() / "forest-fire.yaml")
#: Who saves the plan copy, in each language's picture.
AUTHORS = {"zh_CN": "周丽", "en": "Zhou Li"}
#: The notes of the three saves.
NOTES = {
    "zh_CN": ("首条告警的受理时间按上次演练调整", "镇应急办审核", "林业站补充说明，批准发布"),
    "en": ("Alert handling time adjusted after the last drill", "Reviewed by the emergency "
           "office", "Forestry station's note added; approved"),
}


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


def draft_copy(language: str) -> Path:
    """A copy of forest-fire.yaml still in draft, to edit and save."""
    folder = scratch / f"plans-{language}"
    folder.mkdir()
    text = Path(FOREST_FIRE).read_text(encoding="utf-8")
    text = text.replace("status: approved\n", "status: draft\n", 1)
    text = "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith("approved:"))
    path = folder / "forest-fire.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def library_and_view(window: MainWindow, language: str, drafts: Path) -> None:
    window.show_section("plans")
    window._plans_stack.setCurrentWidget(window.library)
    window.library.select_path(str(drafts / "forest-fire-draft.yaml"))
    wait(ms=400)
    save(window, f"plan-library.{language}")
    window.open_plan(FOREST_FIRE)
    wait(window.planShown)
    view = window.plan_view
    assert view is not None
    view.set_all_levels(False)
    view.set_colour_by("stage")
    view.show_step("squad_callout")
    wait(view.graph.drawn)
    wait(ms=600)
    save(window, f"plan-view.{language}")


def save_edit(editor: PlanEditor, text: str, note: str) -> None:
    """Put ``text`` in the editor and save it with ``note``; wait for the revision."""
    editor.replace_text(text)
    assert editor.save(note)
    wait(editor.revisionsRecorded)


def editor_and_revisions(window: MainWindow, language: str) -> None:
    window.set_user_name(AUTHORS[language])
    path = draft_copy(language)
    assert window.open_editor(str(path))
    editor = window.plan_editor
    assert editor is not None
    wait(editor.validated)
    first, second, third = NOTES[language]
    save_edit(editor, editor.text.replace("likely: 30s, max: 1m}", "likely: 40s, max: 1m}", 1),
              first)
    editor.set_status("reviewed")
    save_edit(editor, editor.text, second)
    editor.set_status("approved")
    save_edit(editor, editor.text.replace("    headcount: 1\n", "    headcount: 2\n", 1), third)

    dialog = editor.show_revisions()
    numbers = [revision.number for revision in dialog.revisions]
    dialog.select(numbers[-3], numbers[-1])  # the status change between stays highlighted
    if dialog.pane.busy:
        wait(dialog.pane.compared)
    wait(ms=400)
    save(dialog, f"plan-revisions.{language}")
    dialog.close()

    # An error typed in, then the file changed by another program: the problems panel
    # explains the error and the bar asks whether to reload, keep the text or compare.
    text = editor.text
    error_at = text.index("    lane: town\n") + len("    lane: ")
    editor.replace_text(text[:error_at] + "township" + text[error_at + len("town"):])
    wait(editor.validated)
    cursor = editor.editor.textCursor()
    cursor.setPosition(error_at)
    editor.editor.setTextCursor(cursor)
    editor.editor.centerCursor()
    on_disk = path.read_text(encoding="utf-8")
    path.write_text(on_disk.replace('version: "2026.1"', 'version: "2026.2"', 1),
                    encoding="utf-8")
    wait(editor.diskChecked, ms=5_000)
    wait(ms=800)
    save(window, f"plan-editor.{language}")
    editor.reload()  # drop the typed error, so that leaving asks nothing
    assert window.close_editor()


def main() -> int:
    take_roster.prepare()
    take_reports.prepare()
    _app, window = start()
    window.move(0, 0)
    window.resize(1600, 1000)
    wait(window.library.loaded)
    drafts = broken_plan_folder()
    window.library.add_folder(str(drafts))
    wait(window.library.loaded)
    for language in LANGUAGES:
        window.set_language(language)
        library_and_view(window, language, drafts)
        editor_and_revisions(window, language)
        take_reports.shoot(window, language)
        take_roster.shoot(window, language)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
