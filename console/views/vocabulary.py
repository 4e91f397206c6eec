"""The plan format's closed vocabularies as UI labels, through Qt's translation.

Keys are the values written in plans (``forest_fire``, ``town`` …). The Chinese
catalogue holds the same names as ``console.plans.vocabulary`` (a test keeps them
equal); this module does not import the plan package, so the library table can show
labels before the plan loader is imported.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["KINDS", "label"]

KINDS: dict[str, dict[str, str]] = {
    "Hazard": {
        "flood_drought": QT_TRANSLATE_NOOP("Hazard", "Flood and drought"),
        "forest_fire": QT_TRANSLATE_NOOP("Hazard", "Forest fire"),
        "petition": QT_TRANSLATE_NOOP("Hazard", "Petitions"),
        "geological": QT_TRANSLATE_NOOP("Hazard", "Geological hazard"),
        "snow_ice": QT_TRANSLATE_NOOP("Hazard", "Snow, ice and cold"),
        "earthquake": QT_TRANSLATE_NOOP("Hazard", "Earthquake"),
        "public_health": QT_TRANSLATE_NOOP("Hazard", "Public health emergency"),
        "work_safety": QT_TRANSLATE_NOOP("Hazard", "Work safety"),
        "traffic": QT_TRANSLATE_NOOP("Hazard", "Road traffic"),
        "hazmat": QT_TRANSLATE_NOOP("Hazard", "Hazardous chemicals"),
        "other": QT_TRANSLATE_NOOP("Hazard", "Other"),
    },
    "Status": {
        "draft": QT_TRANSLATE_NOOP("Status", "Draft"),
        "reviewed": QT_TRANSLATE_NOOP("Status", "Reviewed"),
        "approved": QT_TRANSLATE_NOOP("Status", "Approved"),
        "retired": QT_TRANSLATE_NOOP("Status", "Retired"),
    },
    "Lane": {
        "city": QT_TRANSLATE_NOOP("Lane", "District (city)"),
        "town": QT_TRANSLATE_NOOP("Lane", "Town"),
        "village": QT_TRANSLATE_NOOP("Lane", "Village (community)"),
        "grid": QT_TRANSLATE_NOOP("Lane", "Grid"),
    },
    "Stage": {
        "report": QT_TRANSLATE_NOOP("Stage", "Report"),
        "accept": QT_TRANSLATE_NOOP("Stage", "Accept"),
        "assign": QT_TRANSLATE_NOOP("Stage", "Assign"),
        "handle": QT_TRANSLATE_NOOP("Stage", "Handle"),
        "feedback": QT_TRANSLATE_NOOP("Stage", "Feedback"),
    },
    "Unit": {
        "leadership": QT_TRANSLATE_NOOP("Unit", "Town leadership"),
        "command_centre": QT_TRANSLATE_NOOP("Unit", "Command centre"),
        "party_building": QT_TRANSLATE_NOOP("Unit", "Party building"),
        "economic_development": QT_TRANSLATE_NOOP("Unit", "Economic development"),
        "livelihood_services": QT_TRANSLATE_NOOP("Unit", "Livelihood services"),
        "safety_rule_of_law": QT_TRANSLATE_NOOP("Unit", "Safety and rule of law"),
        "village": QT_TRANSLATE_NOOP("Unit", "Village (community)"),
        "district": QT_TRANSLATE_NOOP("Unit", "District departments"),
    },
    "Channel": {
        "phone": QT_TRANSLATE_NOOP("Channel", "Phone"),
        "sms": QT_TRANSLATE_NOOP("Channel", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("Channel", "WeChat group"),
        "radio": QT_TRANSLATE_NOOP("Channel", "Radio"),
        "broadcast": QT_TRANSLATE_NOOP("Channel", "Emergency broadcast"),
    },
}


def label(kind: str, value: str | None) -> str:
    """The UI label of a vocabulary value (``label("Hazard", "forest_fire")``).

    An unknown value is shown as written; None as an empty string.
    """
    if value is None:
        return ""
    source = KINDS[kind].get(str(value))
    return QCoreApplication.translate(kind, source) if source else str(value)
