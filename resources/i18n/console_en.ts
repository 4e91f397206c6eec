<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>Emergency broadcast</source>
        <translation>Emergency broadcast</translation>
    </message>
</context>
<context>
    <name>DiffPane</name>
    <message>
        <source>⋯ %1 more lines: copy the unified diff to see them all ⋯</source>
        <extracomment>The editor&apos;s text, in place of a revision number.</extracomment>
        <translation>⋯ %1 more lines: copy the unified diff to see them all ⋯</translation>
    </message>
    <message>
        <source>⋯ unchanged lines ⋯</source>
        <translation>⋯ unchanged lines ⋯</translation>
    </message>
    <message>
        <source>The revision cannot be shown: %1</source>
        <translation>The revision cannot be shown: %1</translation>
    </message>
    <message>
        <source>%1 lines added, %2 removed</source>
        <translation>%1 lines added, %2 removed</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <source>The differences could not be computed:
%1</source>
        <translation>The differences could not be computed:
%1</translation>
    </message>
</context>
<context>
    <name>DrillListModel</name>
    <message>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Close-loop time</source>
        <translation>Close-loop time</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>aborted</translation>
    </message>
    <message>
        <source>%1 (real response)</source>
        <translation>%1 (real response)</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>measuring…</translation>
    </message>
    <message>
        <source>cannot be measured</source>
        <translation>cannot be measured</translation>
    </message>
    <message>
        <source>no targets</source>
        <translation>no targets</translation>
    </message>
    <message>
        <source>%1 met · %2 missed · %3 pending</source>
        <translation>%1 met · %2 missed · %3 pending</translation>
    </message>
    <message>
        <source>%1 met · %2 missed</source>
        <translation>%1 met · %2 missed</translation>
    </message>
</context>
<context>
    <name>Hazard</name>
    <message>
        <source>Flood and drought</source>
        <translation>Flood and drought</translation>
    </message>
    <message>
        <source>Forest fire</source>
        <translation>Forest fire</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>Geological hazard</source>
        <translation>Geological hazard</translation>
    </message>
    <message>
        <source>Snow, ice and cold</source>
        <translation>Snow, ice and cold</translation>
    </message>
    <message>
        <source>Earthquake</source>
        <translation>Earthquake</translation>
    </message>
    <message>
        <source>Public health emergency</source>
        <translation>Public health emergency</translation>
    </message>
    <message>
        <source>Work safety</source>
        <translation>Work safety</translation>
    </message>
    <message>
        <source>Road traffic</source>
        <translation>Road traffic</translation>
    </message>
    <message>
        <source>Hazardous chemicals</source>
        <translation>Hazardous chemicals</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>people unchanged</source>
        <translation>people unchanged</translation>
    </message>
    <message>
        <source>added %1 · changed %2 · removed %3</source>
        <translation>added %1 · changed %2 · removed %3</translation>
    </message>
    <message>
        <source>Roster import history</source>
        <translation>Roster import history</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The import history cannot be read: %1</source>
        <translation>The import history cannot be read: %1</translation>
    </message>
    <message>
        <source>Reading the import history…</source>
        <translation>Reading the import history…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>No imports yet: the demo roster (演示数据 DEMO DATA) is in use. Import the township&apos;s roster with Import ▸ Roster…</source>
        <translation>No imports yet: the demo roster (演示数据 DEMO DATA) is in use. Import the township&apos;s roster with Import ▸ Roster…</translation>
    </message>
    <message>
        <source>%1 import(s); in use: #%2 (%3, %4 people).</source>
        <translation>%1 import(s); in use: #%2 (%3, %4 people).</translation>
    </message>
</context>
<context>
    <name>Lane</name>
    <message>
        <source>District (city)</source>
        <translation>District (city)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Contingency Console</source>
        <translation>Contingency Console</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>The settings could not be saved: %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Name recorded with saved plan revisions and approvals
(leave empty to use the login name):</source>
        <translation>Name recorded with saved plan revisions and approvals
(leave empty to use the login name):</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Open plan file…</source>
        <translation>Open plan file…</translation>
    </message>
    <message>
        <source>Reload plans</source>
        <translation>Reload plans</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>About Contingency Console</source>
        <translation>About Contingency Console</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>Your name…</source>
        <translation>Your name…</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>Available in a later version</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Plan has errors</source>
        <translation>Plan has errors</translation>
    </message>
    <message>
        <source>%1 cannot be shown until its errors are fixed:

%2</source>
        <translation>%1 cannot be shown until its errors are fixed:

%2</translation>
    </message>
    <message>
        <source>Something went wrong:
%1</source>
        <translation>Something went wrong:
%1</translation>
    </message>
    <message>
        <source>Open plan file</source>
        <translation>Open plan file</translation>
    </message>
    <message>
        <source>Plans (*.yaml *.yml)</source>
        <translation>Plans (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Loading plans…</source>
        <translation>Loading plans…</translation>
    </message>
    <message>
        <source>Plans: %1 · with errors: %2 · with warnings: %3</source>
        <translation>Plans: %1 · with errors: %2 · with warnings: %3</translation>
    </message>
    <message>
        <source>Contingency Console %1

Digital contingency plans, drills and one-click mobilisation for the Heixi town governance command centre.</source>
        <translation>Contingency Console %1

Digital contingency plans, drills and one-click mobilisation for the Heixi town governance command centre.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>The plan could not be checked:
%1</source>
        <translation>The plan could not be checked:
%1</translation>
    </message>
    <message>
        <source>The graph is shown once the plan has no errors.</source>
        <translation>The graph is shown once the plan has no errors.</translation>
    </message>
    <message>
        <source>The plan has errors: the graph shows the last version without errors.</source>
        <translation>The plan has errors: the graph shows the last version without errors.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>Problems: %1 errors, %2 warnings</source>
        <translation>Problems: %1 errors, %2 warnings</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <translation>Changes to %1</translation>
    </message>
    <message>
        <source>No changes since the previous version.</source>
        <translation>No changes since the previous version.</translation>
    </message>
    <message>
        <source>%1 (on disk)</source>
        <extracomment>Changes on disk come in bursts (an atomic replace is a create and a rename): the file is looked at once they have settled.</extracomment>
        <translation>%1 (on disk)</translation>
    </message>
    <message>
        <source>%1 (editor)</source>
        <translation>%1 (editor)</translation>
    </message>
    <message>
        <source>%1: on disk and in the editor</source>
        <translation>%1: on disk and in the editor</translation>
    </message>
    <message>
        <source>From the file on disk to the editor&apos;s text</source>
        <translation>From the file on disk to the editor&apos;s text</translation>
    </message>
    <message>
        <source>%1 was changed on disk and has been reloaded.</source>
        <translation>%1 was changed on disk and has been reloaded.</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program, and the editor has unsaved changes.</source>
        <translation>%1 was changed on disk by another program, and the editor has unsaved changes.</translation>
    </message>
    <message>
        <source>Reload (discard mine)</source>
        <translation>Reload (discard mine)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>%1 was deleted on disk. Saving creates it again.</source>
        <translation>%1 was deleted on disk. Saving creates it again.</translation>
    </message>
    <message>
        <source>%1 cannot be read:
%2</source>
        <translation>%1 cannot be read:
%2</translation>
    </message>
    <message>
        <source>Status change recorded in the revision history: %1 → %2, %3, %4</source>
        <translation>Status change recorded in the revision history: %1 → %2, %3, %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>The plan was saved, but its revision could not be recorded: %1</source>
        <translation>The plan was saved, but its revision could not be recorded: %1</translation>
    </message>
    <message>
        <source>Save with a note</source>
        <translation>Save with a note</translation>
    </message>
    <message>
        <source>A short note for the revision history:</source>
        <translation>A short note for the revision history:</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <source>%1 was changed by another program since you opened it.</source>
        <translation>%1 was changed by another program since you opened it.</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Reload from disk</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Plan editor</source>
        <translation>Plan editor</translation>
    </message>
    <message>
        <source>The plan could not be saved:
%1</source>
        <translation>The plan could not be saved:
%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Save the changes to %1?</translation>
    </message>
    <message>
        <source>Plan library</source>
        <translation>Plan library</translation>
    </message>
    <message>
        <source>Leave the editor</source>
        <translation>Leave the editor</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the plan (the previous version is kept)</source>
        <translation>Save the plan (the previous version is kept)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mark the plan draft, reviewed or approved (approving records who and when)</source>
        <translation>Mark the plan draft, reviewed or approved (approving records who and when)</translation>
    </message>
    <message>
        <source>Save with a note…</source>
        <translation>Save with a note…</translation>
    </message>
    <message>
        <source>Save, with a short note for the revision history</source>
        <translation>Save, with a short note for the revision history</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>Every saved version: who saved it, when, status changes; compare any two or restore one (Ctrl+H)</source>
        <translation>Every saved version: who saved it, when, status changes; compare any two or restore one (Ctrl+H)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Compare the text with the previous saved version (file~)</source>
        <translation>Compare the text with the previous saved version (file~)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Line:column</source>
        <translation>Line:column</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>PlanLibrary</name>
    <message>
        <source>Plan library</source>
        <translation>Plan library</translation>
    </message>
    <message>
        <source>The plans could not be listed:
%1</source>
        <translation>The plans could not be listed:
%1</translation>
    </message>
    <message>
        <source>The plan could not be written:
%1</source>
        <translation>The plan could not be written:
%1</translation>
    </message>
    <message>
        <source>Add a plan folder</source>
        <translation>Add a plan folder</translation>
    </message>
    <message>
        <source>Select a plan to see its problems.</source>
        <translation>Select a plan to see its problems.</translation>
    </message>
    <message>
        <source>Problems in %1</source>
        <translation>Problems in %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show the selected plan&apos;s graph</source>
        <translation>Show the selected plan&apos;s graph</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit the selected plan&apos;s text</source>
        <translation>Edit the selected plan&apos;s text</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>New from template</translation>
    </message>
    <message>
        <source>Start a new plan in your plans folder</source>
        <translation>Start a new plan in your plans folder</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Copy the selected plan into your plans folder under a new id</source>
        <translation>Copy the selected plan into your plans folder under a new id</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Open the folder that holds the selected plan</source>
        <translation>Open the folder that holds the selected plan</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>List the plans of another folder too</source>
        <translation>List the plans of another folder too</translation>
    </message>
</context>
<context>
    <name>PlanLibraryModel</name>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>errors: %1</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>warnings: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Plan library</source>
        <translation>Plan library</translation>
    </message>
    <message>
        <source>Back to the plan library</source>
        <translation>Back to the plan library</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit this plan&apos;s text</source>
        <translation>Edit this plan&apos;s text</translation>
    </message>
    <message>
        <source>Response level:</source>
        <translation>Response level:</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Colour by:</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Lifecycle stage</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Show other levels&apos; steps</source>
        <translation>Show other levels&apos; steps</translation>
    </message>
    <message>
        <source>Draw the steps of every level, greyed where they do not apply</source>
        <translation>Draw the steps of every level, greyed where they do not apply</translation>
    </message>
    <message>
        <source>No stage</source>
        <translation>No stage</translation>
    </message>
    <message>
        <source>Outside bodies</source>
        <translation>Outside bodies</translation>
    </message>
    <message>
        <source>Board the people come from</source>
        <translation>Board the people come from</translation>
    </message>
    <message>
        <source>after all of</source>
        <translation>after all of</translation>
    </message>
    <message>
        <source>after any of</source>
        <translation>after any of</translation>
    </message>
    <message>
        <source>decision outcome</source>
        <translation>decision outcome</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>critical path</translation>
    </message>
    <message>
        <source>Expected critical path: %1</source>
        <translation>Expected critical path: %1</translation>
    </message>
    <message>
        <source>not at this level</source>
        <translation>not at this level</translation>
    </message>
    <message>
        <source>outside body</source>
        <translation>outside body</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Something went wrong: %1</source>
        <extracomment>The command that records a drill, for the empty page. The window&apos;s settings (shared, so that saving them at exit keeps the folder).</extracomment>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>Reading the drill&apos;s timeline…</source>
        <translation>Reading the drill&apos;s timeline…</translation>
    </message>
    <message>
        <source>The summary cannot be shown: %1</source>
        <translation>The summary cannot be shown: %1</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>%1 after-action report</source>
        <translation>%1 after-action report</translation>
    </message>
    <message>
        <source>Export the after-action report</source>
        <translation>Export the after-action report</translation>
    </message>
    <message>
        <source>Writing the report (%1)…</source>
        <translation>Writing the report (%1)…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>The report could not be written:
%1</source>
        <translation>The report could not be written:
%1</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk is not full, then try again.</source>
        <translation>Check that the folder exists, that you may write there and that the disk is not full, then try again.</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Report exported</translation>
    </message>
    <message>
        <source>The after-action report was written to
%1</source>
        <translation>The after-action report was written to
%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Reading the drill records…</source>
        <translation>Reading the drill records…</translation>
    </message>
    <message>
        <source>%1 drill(s) recorded</source>
        <translation>%1 drill(s) recorded</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the drill records again (Ctrl+Shift+R)</source>
        <translation>Read the drill records again (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>Export the after-action report as a Word document (.docx)</source>
        <translation>Export the after-action report as a Word document (.docx)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Export the after-action report as PDF</source>
        <translation>Export the after-action report as PDF</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Export HTML…</translation>
    </message>
    <message>
        <source>Export the after-action report as a web page (.html)</source>
        <translation>Export the after-action report as a web page (.html)</translation>
    </message>
    <message>
        <source>the default database</source>
        <translation>the default database</translation>
    </message>
    <message>
        <source>No drills recorded yet.

A drill is recorded in the database as it runs, for example from the command line:

%1

Then choose Refresh.

Database: %2</source>
        <translation>No drills recorded yet.

A drill is recorded in the database as it runs, for example from the command line:

%1

Then choose Refresh.

Database: %2</translation>
    </message>
    <message>
        <source>The drill records cannot be read.

%1

Database: %2

Nothing was changed in it. Fix the problem (or set CONSOLE_DB_URL to another database), then choose Refresh.</source>
        <translation>The drill records cannot be read.

%1

Database: %2

Nothing was changed in it. Fix the problem (or set CONSOLE_DB_URL to another database), then choose Refresh.</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>The text in the editor (not saved)</source>
        <translation>The text in the editor (not saved)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>The backup (file~) found when the history began</source>
        <translation>The backup (file~) found when the history began</translation>
    </message>
    <message>
        <source>The file before its first recorded save</source>
        <translation>The file before its first recorded save</translation>
    </message>
    <message>
        <source>%1 → %2, %3, %4</source>
        <translation>%1 → %2, %3, %4</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (editor)</source>
        <translation>%1 (editor)</translation>
    </message>
    <message>
        <source>the editor&apos;s text</source>
        <translation>the editor&apos;s text</translation>
    </message>
    <message>
        <source>revision %1 (%2, %3)</source>
        <translation>revision %1 (%2, %3)</translation>
    </message>
    <message>
        <source>No revisions yet: saving the plan records one.</source>
        <translation>No revisions yet: saving the plan records one.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>The revision cannot be shown: %1</source>
        <translation>The revision cannot be shown: %1</translation>
    </message>
    <message>
        <source>Revisions of %1</source>
        <translation>Revisions of %1</translation>
    </message>
    <message>
        <source>Choose one revision to compare it with the editor&apos;s text, or two (Ctrl+click) to compare them. Status changes are highlighted.</source>
        <translation>Choose one revision to compare it with the editor&apos;s text, or two (Ctrl+click) to compare them. Status changes are highlighted.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Restore into the editor</source>
        <translation>Restore into the editor</translation>
    </message>
    <message>
        <source>Replace the editor&apos;s text with this revision (can be undone; saved only when you save)</source>
        <translation>Replace the editor&apos;s text with this revision (can be undone; saved only when you save)</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>Copy as unified diff</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Comes from</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>Acknowledge within</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>Contacted by</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>the incident&apos;s village</source>
        <translation>the incident&apos;s village</translation>
    </message>
    <message>
        <source>any village</source>
        <translation>any village</translation>
    </message>
    <message>
        <source>village %1</source>
        <translation>village %1</translation>
    </message>
    <message>
        <source>the incident&apos;s grid</source>
        <translation>the incident&apos;s grid</translation>
    </message>
    <message>
        <source>any grid</source>
        <translation>any grid</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>grid %1</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>tagged %1</translation>
    </message>
    <message>
        <source>post %1</source>
        <translation>post %1</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>duty</source>
        <translation>duty</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>leave</translation>
    </message>
    <message>
        <source>Import duty rota: %1</source>
        <translation>Import duty rota: %1</translation>
    </message>
    <message>
        <source>Import roster: %1</source>
        <translation>Import roster: %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>With a duty rota…</source>
        <translation>With a duty rota…</translation>
    </message>
    <message>
        <source>Choose the duty rota (值班表) to import together with this roster</source>
        <translation>Choose the duty rota (值班表) to import together with this roster</translation>
    </message>
    <message>
        <source>The roster in use is the demo roster. Import the township&apos;s roster first, then its duty rota; nothing was changed.</source>
        <translation>The roster in use is the demo roster. Import the township&apos;s roster first, then its duty rota; nothing was changed.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 problem(s). Fix them in the file and import it again; nothing was changed.</source>
        <translation>%1 cannot be imported: %2 problem(s). Fix them in the file and import it again; nothing was changed.</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problems (%1)</translation>
    </message>
    <message>
        <source>the demo roster</source>
        <translation>the demo roster</translation>
    </message>
    <message>
        <source>the roster in use</source>
        <translation>the roster in use</translation>
    </message>
    <message>
        <source>%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · removed %6 · unchanged %7. Apply replaces the roster in use.</source>
        <translation>%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · removed %6 · unchanged %7. Apply replaces the roster in use.</translation>
    </message>
    <message>
        <source>Duty rota: %1 → %2 entries.</source>
        <translation>Duty rota: %1 → %2 entries.</translation>
    </message>
    <message>
        <source>The demo rota is not carried over; add the township&apos;s with “With a duty rota…” or import it later.</source>
        <translation>The demo rota is not carried over; add the township&apos;s with “With a duty rota…” or import it later.</translation>
    </message>
    <message>
        <source>%1 entries of removed people are dropped.</source>
        <translation>%1 entries of removed people are dropped.</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>Added (%1)</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>Changed (%1)</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>Removed (%1)</translation>
    </message>
    <message>
        <source>%1: %2 duty/leave entries, all rows valid. Compared with the rota in use: added %3 · removed %4 · unchanged %5. Apply replaces the duty rota; the people stay as they are.</source>
        <translation>%1: %2 duty/leave entries, all rows valid. Compared with the rota in use: added %3 · removed %4 · unchanged %5. Apply replaces the duty rota; the people stay as they are.</translation>
    </message>
    <message>
        <source>Rota entries added (%1)</source>
        <translation>Rota entries added (%1)</translation>
    </message>
    <message>
        <source>Rota entries removed (%1)</source>
        <translation>Rota entries removed (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnings (%1)</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Id</source>
        <extracomment>Column keys and their (untranslated) headers.</extracomment>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>Off duty (can be recalled)</source>
        <translation>Off duty (can be recalled)</translation>
    </message>
    <message>
        <source>On leave / away</source>
        <translation>On leave / away</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>Loading the roster…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 people</source>
        <translation>Showing %1 of %2 people</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>Rosters (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Import duty rota</source>
        <translation>Import duty rota</translation>
    </message>
    <message>
        <source>Duty rotas (*.xlsx *.csv)</source>
        <translation>Duty rotas (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Duty rota for this roster</source>
        <translation>Duty rota for this roster</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <source>Read the roster in use from the database again</source>
        <translation>Read the roster in use from the database again</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import a roster or a duty rota from Excel (.xlsx) or CSV</source>
        <translation>Import a roster or a duty rota from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <source>Roster…</source>
        <translation>Roster…</translation>
    </message>
    <message>
        <source>Duty rota…</source>
        <translation>Duty rota…</translation>
    </message>
    <message>
        <source>Import a duty rota (值班表) for the people of the roster in use</source>
        <translation>Import a duty rota (值班表) for the people of the roster in use</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>Who imported which roster, and when</source>
        <translation>Who imported which roster, and when</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export the roster or the duty rota as Excel (.xlsx) or CSV</source>
        <translation>Export the roster or the duty rota as Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <source>Everyone…</source>
        <translation>Everyone…</translation>
    </message>
    <message>
        <source>Export the whole roster</source>
        <translation>Export the whole roster</translation>
    </message>
    <message>
        <source>Rows shown…</source>
        <translation>Rows shown…</translation>
    </message>
    <message>
        <source>Export the people the filters show, in the order shown</source>
        <translation>Export the people the filters show, in the order shown</translation>
    </message>
    <message>
        <source>Export the duty rota (值班表)</source>
        <translation>Export the duty rota (值班表)</translation>
    </message>
    <message>
        <source>%1 — synthetic names, masked phone numbers. Import the township&apos;s roster with Import ▸ Roster…</source>
        <translation>%1 — synthetic names, masked phone numbers. Import the township&apos;s roster with Import ▸ Roster…</translation>
    </message>
    <message>
        <source>Source: the demo roster — no roster imported yet in the database %1</source>
        <translation>Source: the demo roster — no roster imported yet in the database %1</translation>
    </message>
    <message>
        <source>Source: %1 (database %2)</source>
        <translation>Source: %1 (database %2)</translation>
    </message>
    <message>
        <source>Source: %1, imported %2 by %3 (import #%4) · %5 duty/leave entries · database %6</source>
        <translation>Source: %1, imported %2 by %3 (import #%4) · %5 duty/leave entries · database %6</translation>
    </message>
    <message>
        <source>Imported %1: %2 people saved in the database (import #%3).</source>
        <translation>Imported %1: %2 people saved in the database (import #%3).</translation>
    </message>
    <message>
        <source>Exported %1 duty/leave entries to %2</source>
        <translation>Exported %1 duty/leave entries to %2</translation>
    </message>
    <message>
        <source>Exported %1 people to %2</source>
        <translation>Exported %1 people to %2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>The roster in use changed since the preview (another import came in between); nothing was imported. Import the file again to see the changes against the roster now in use.</source>
        <translation>The roster in use changed since the preview (another import came in between); nothing was imported. Import the file again to see the changes against the roster now in use.</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>roster.xlsx</source>
        <translation>roster.xlsx</translation>
    </message>
    <message>
        <source>Export the rows shown</source>
        <translation>Export the rows shown</translation>
    </message>
    <message>
        <source>roster-selection.xlsx</source>
        <translation>roster-selection.xlsx</translation>
    </message>
    <message>
        <source>Export duty rota</source>
        <translation>Export duty rota</translation>
    </message>
    <message>
        <source>duty-rota.xlsx</source>
        <translation>duty-rota.xlsx</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Import a roster from Excel (.xlsx) or CSV</source>
        <translation>Import a roster from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>&amp;Skill:</source>
        <translation>&amp;Skill:</translation>
    </message>
    <message>
        <source>&amp;Availability:</source>
        <translation>&amp;Availability:</translation>
    </message>
    <message>
        <source>a&amp;t:</source>
        <translation>a&amp;t:</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Availability at the present moment</source>
        <translation>Availability at the present moment</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Id</source>
        <extracomment>The panel&apos;s fields, top to bottom; each value label is named ``step-&lt;field&gt;``.</extracomment>
        <translation>Id</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Lane</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Written at</translation>
    </message>
    <message>
        <source>Click a step in the graph to see its details here.</source>
        <translation>Click a step in the graph to see its details here.</translation>
    </message>
    <message>
        <source>any of: %1</source>
        <translation>any of: %1</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>not reached at this level</translation>
    </message>
    <message>
        <source>earliest %1, can be met</source>
        <translation>earliest %1, can be met</translation>
    </message>
    <message>
        <source>earliest %1, cannot be met</source>
        <translation>earliest %1, cannot be met</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>all levels</translation>
    </message>
    <message>
        <source>not at level %1</source>
        <translation>not at level %1</translation>
    </message>
    <message>
        <source>an outside body</source>
        <translation>an outside body</translation>
    </message>
    <message>
        <source>%1 at level %2</source>
        <translation>%1 at level %2</translation>
    </message>
    <message>
        <source>shortest %1, likeliest %2, longest %3</source>
        <translation>shortest %1, likeliest %2, longest %3</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>the alert</translation>
    </message>
    <message>
        <source>the incident site</source>
        <translation>the incident site</translation>
    </message>
    <message>
        <source>the village committee</source>
        <translation>the village committee</translation>
    </message>
    <message>
        <source>the command centre</source>
        <translation>the command centre</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Select a drill to see its summary.</source>
        <translation>Select a drill to see its summary.</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <source>A recorded real response, not an exercise: it is never compared with drills.</source>
        <translation>A recorded real response, not an exercise: it is never compared with drills.</translation>
    </message>
    <message>
        <source>Run with the demo roster (演示数据 DEMO DATA).</source>
        <translation>Run with the demo roster (演示数据 DEMO DATA).</translation>
    </message>
    <message>
        <source>The plan file has changed since the drill; the report uses the copy stored with the drill.</source>
        <translation>The plan file has changed since the drill; the report uses the copy stored with the drill.</translation>
    </message>
    <message>
        <source>%1 (%2, version %3)</source>
        <translation>%1 (%2, version %3)</translation>
    </message>
    <message>
        <source>cannot be measured: %1</source>
        <translation>cannot be measured: %1</translation>
    </message>
    <message>
        <source>%1 met · %2 missed (of %3)</source>
        <translation>%1 met · %2 missed (of %3)</translation>
    </message>
    <message>
        <source>, %1 not reached yet</source>
        <translation>, %1 not reached yet</translation>
    </message>
    <message>
        <source>no targets at this level</source>
        <translation>no targets at this level</translation>
    </message>
    <message>
        <source>intact: %1 entries, hash chain verified (head %2…)</source>
        <translation>intact: %1 entries, hash chain verified (head %2…)</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>FAILED: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>not reached yet</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>not reached</translation>
    </message>
    <message>
        <source>%1 early</source>
        <translation>%1 early</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 over</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>No earlier finished drill of this plan to compare with.</source>
        <translation>No earlier finished drill of this plan to compare with.</translation>
    </message>
    <message>
        <source>Compared with earlier drills of this plan (%1 earlier)</source>
        <translation>Compared with earlier drills of this plan (%1 earlier)</translation>
    </message>
    <message>
        <source>(this drill)</source>
        <translation>(this drill)</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>↓ faster</source>
        <translation>↓ faster</translation>
    </message>
    <message>
        <source>↑ slower</source>
        <translation>↑ slower</translation>
    </message>
    <message>
        <source>→ same</source>
        <translation>→ same</translation>
    </message>
    <message>
        <source>%1
Id %2 · scenario %3 · level %4 · run on %5</source>
        <translation>%1
Id %2 · scenario %3 · level %4 · run on %5</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Started:</translation>
    </message>
    <message>
        <source>Scenario time:</source>
        <translation>Scenario time:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Close-loop time:</source>
        <translation>Close-loop time:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Targets:</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Timeline:</translation>
    </message>
    <message>
        <source>From the alert to the end of the response (drill time)</source>
        <translation>From the alert to the end of the response (drill time)</translation>
    </message>
    <message>
        <source>When the feedback stage (反馈) finished, from the alert</source>
        <translation>When the feedback stage (反馈) finished, from the alert</translation>
    </message>
</context>
<context>
    <name>Tag</name>
    <message>
        <source>Commander</source>
        <extracomment>The skills/tags of ``TAG_NAMES`` in English; the Chinese catalogue holds ``TAG_NAMES``&apos; own names (a test keeps them equal).</extracomment>
        <translation>Commander</translation>
    </message>
    <message>
        <source>Deputy commander</source>
        <translation>Deputy commander</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>Duty officer</translation>
    </message>
    <message>
        <source>Town emergency team</source>
        <translation>Town emergency team</translation>
    </message>
    <message>
        <source>Forest fire squad</source>
        <translation>Forest fire squad</translation>
    </message>
    <message>
        <source>Flood patrol</source>
        <translation>Flood patrol</translation>
    </message>
    <message>
        <source>Geological hazard monitor</source>
        <translation>Geological hazard monitor</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>Village cadre</source>
        <translation>Village cadre</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>Medic</source>
        <translation>Medic</translation>
    </message>
    <message>
        <source>Legal adviser</source>
        <translation>Legal adviser</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>Petition officer</source>
        <translation>Petition officer</translation>
    </message>
    <message>
        <source>Police liaison</source>
        <translation>Police liaison</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>Relief officer</source>
        <translation>Relief officer</translation>
    </message>
    <message>
        <source>Forestry officer</source>
        <translation>Forestry officer</translation>
    </message>
    <message>
        <source>Water officer</source>
        <translation>Water officer</translation>
    </message>
    <message>
        <source>Electrician</source>
        <translation>Electrician</translation>
    </message>
    <message>
        <source>Road clearing crew</source>
        <translation>Road clearing crew</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>Earliest</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>the alert</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s start</source>
        <translation>from %1 to the step&apos;s start</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s finish</source>
        <translation>from %1 to the step&apos;s finish</translation>
    </message>
    <message>
        <source>no step at this level</source>
        <translation>no step at this level</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>not reached at this level</translation>
    </message>
    <message>
        <source>can be met</source>
        <translation>can be met</translation>
    </message>
    <message>
        <source>cannot be met</source>
        <translation>cannot be met</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>Town leadership</source>
        <translation>Town leadership</translation>
    </message>
    <message>
        <source>Command centre</source>
        <translation>Command centre</translation>
    </message>
    <message>
        <source>Party building</source>
        <translation>Party building</translation>
    </message>
    <message>
        <source>Economic development</source>
        <translation>Economic development</translation>
    </message>
    <message>
        <source>Livelihood services</source>
        <translation>Livelihood services</translation>
    </message>
    <message>
        <source>Safety and rule of law</source>
        <translation>Safety and rule of law</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>District departments</source>
        <translation>District departments</translation>
    </message>
</context>
</TS>
