"""The command line: `main` parses and dispatches; one module per sub-command group."""
