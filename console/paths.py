"""Where the console finds what it ships: plans and resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["APP_NAME", "resources_dir", "shipped_plans_dir", "user_data_dir"]

APP_NAME = "contingency-console"

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def shipped_plans_dir() -> Path:
    """The shipped plans: ``plans/`` in a checkout, ``console/_shipped/plans`` in a wheel."""
    return _first_existing(_PACKAGE.parent / "plans", _PACKAGE / "_shipped" / "plans")


def resources_dir() -> Path:
    """Templates, translations, demo data and the plan schema."""
    return _first_existing(_PACKAGE.parent / "resources", _PACKAGE / "_shipped" / "resources")


def user_data_dir() -> Path:
    """The user's data (the default database, plan revisions, own plans):
    ``$CONSOLE_DATA_DIR`` or the platform's user data folder."""
    override = os.environ.get("CONSOLE_DATA_DIR", "").strip()
    return Path(override) if override else platformdirs.user_data_path(APP_NAME)
