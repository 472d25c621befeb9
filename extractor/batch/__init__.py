"""Batch runs: inputs collected, decks read in sandboxed workers, outputs committed."""
