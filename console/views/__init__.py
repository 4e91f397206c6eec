"""The desktop console's Qt widgets and QtWebEngine pages: the only place Qt lives.

Modules import cheaply on purpose: the main window shows before the plan loader
(pydantic, networkx) or QtWebEngineWidgets are imported, and the plan view and its web
page are built the first time they are needed. See docs/desktop.md.
"""
