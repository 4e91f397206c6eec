"""Drills (演练): sessions, the recorded timeline, evaluation and the after-action report.
No Qt; the store holds what is recorded (docs/drills.md).

The API, by module (imported from there, so that importing one part stays light):

- ``prepare.DrillSpec``, ``prepare.drill_values`` — set a drill up;
- ``session.DrillSession`` — ``create`` / ``open`` (resume after a pause or a crash),
  ``start``, ``advance``, ``inject``, ``pause``, ``finish``, ``abort``, ``run``;
- ``records`` — ``find_drill``, ``list_drills``, ``entries``, ``Follower``;
- ``entries`` — ``log_entry``, ``observe``, ``request_inject``, ``add_action``,
  ``update_action``, ``actions``;
- ``verify.verify_drill``; ``evaluation.evaluate`` → ``report_model.ReportData``;
  ``compare.compare``, ``compare.render_comparison``, ``compare.revision_closes``.
"""
