"""Drills (演练): sessions, the recorded timeline, evaluation and the after-action report.
No Qt; the store holds what is recorded."""
