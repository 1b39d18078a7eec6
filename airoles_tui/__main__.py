"""`python -m airoles_tui` runs the same entry point as the `airoles-tui` script."""

from .cli.main import main

raise SystemExit(main())
