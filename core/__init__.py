"""The bottom layer: settings, errors, SQLite helper, shared records and tuned thresholds.
Imports nothing of ours; everything else may import it."""
