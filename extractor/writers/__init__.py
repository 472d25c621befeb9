"""Writers: plan.json, CSV, Parquet, meetings.ics, the SQLite store, atomic replacement."""
