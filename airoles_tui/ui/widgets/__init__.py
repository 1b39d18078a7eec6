"""Widgets more than one pane or screen uses, and the one road from data to text."""
