"""The store: the roster, import history and drill records (timelines, observations,
corrective actions) in SQLite or PostgreSQL, behind versioned schema migrations. No Qt here.

    with open_store() as store:     # the argument, $CONSOLE_DB_URL, or the user's console.db
        save_roster(store, roster, source=Path("花名册.xlsx"))
        assert load_roster(store) == roster

See docs/store.md.
"""

# The drill tables join the shared metadata here, so migrations always see them.
from console.store import drill_tables as drill_tables
from console.store.engine import ENV_VAR, database_url, default_database_path
from console.store.errors import (
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
)
from console.store.roster_repo import (
    ImportRecord,
    ImportSource,
    import_history,
    load_roster,
    save_roster,
)
from console.store.store import Store, open_store

__all__ = [
    "ENV_VAR",
    "ForeignDatabaseError",
    "ImportRecord",
    "ImportSource",
    "NewerSchemaError",
    "NotADatabaseError",
    "Store",
    "StoreError",
    "database_url",
    "default_database_path",
    "import_history",
    "load_roster",
    "open_store",
    "save_roster",
]
