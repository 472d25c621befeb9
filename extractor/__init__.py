"""Extractor: recognises the plan in a Deck and writes it out."""

__version__ = "0.1.0"
