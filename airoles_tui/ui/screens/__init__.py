"""Full screens and modal dialogs pushed over the panes."""
