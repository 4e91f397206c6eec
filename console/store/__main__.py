"""``python -m console.store``: the schema migration helper (see console.store.migrate)."""

import sys

from console.store.migrate import main

if __name__ == "__main__":
    sys.exit(main())
