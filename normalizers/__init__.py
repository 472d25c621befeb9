"""Normalizers: pure functions from deck strings to normalised values (no I/O)."""
