"""Test-wide settings: Qt runs offscreen, so a bare ``pytest`` works on any machine."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to run as root with its sandbox; tests run as root in CI.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
