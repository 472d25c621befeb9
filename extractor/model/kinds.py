"""The closed vocabularies of the plan that no normalizer produces."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """The stage of a thematic group; a profile's [stages] patterns name one of these."""

    ONGOING = "ongoing"
    NEW = "new"
