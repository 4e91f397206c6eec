"""``python -m console``: the command-line entry point."""

from console.cli import main

raise SystemExit(main())
