"""Comparing editions: matching records, the diff, its change files, and history."""
