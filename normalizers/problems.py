"""What a normalizer reports about text it could not fully understand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A message for the user and the raw text it is about, which is never dropped."""

    message: str
    raw: str
