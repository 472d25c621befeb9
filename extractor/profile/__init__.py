"""Profiles: the vocabulary of a family of decks, phrase sets, alias tables (data/)."""
