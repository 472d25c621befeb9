"""Recognition: a Deck read into a Plan, with the normalizers doing the strings."""
