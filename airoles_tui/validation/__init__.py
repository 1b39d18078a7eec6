"""Reading TOML for validation and checking it against a declared spec, with file:line."""
