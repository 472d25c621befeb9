"""The actionplan command line: extract, report, diff and history."""
