"""Why a database could not be opened or written."""

from __future__ import annotations

__all__ = ["ForeignDatabaseError", "NewerSchemaError", "NotADatabaseError", "StoreError"]


class StoreError(Exception):
    """The store cannot do what was asked; the message says why, for the operator."""


class NotADatabaseError(StoreError):
    """The file is not a database (a text file, random bytes, a damaged database)."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the program; it is left untouched."""

    def __init__(self, found: str, known: str, location: str) -> None:
        self.found = found
        self.known = known
        super().__init__(
            f"this database was written by a newer version of Contingency Console "
            f"(schema {found}); this version knows up to {known} (database: {location})"
        )


class ForeignDatabaseError(StoreError):
    """The database holds tables this program did not create; it is left untouched."""
