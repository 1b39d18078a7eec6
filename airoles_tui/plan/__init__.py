"""The org plan: its model and analysis, file format, stamps, store, recovery copies, reports."""
