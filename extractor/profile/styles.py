"""How the report shows working-group statuses: a label and a colour each, from the profile."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from normalizers.values import WorkingGroupStatus

# The colour of a status the profile gives none: a neutral grey, apart from "status not given".
FALLBACK_COLOUR = "#6b7485"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class StatusStyle:
    """The words and the colour the report shows for one status."""

    label: str
    colour: str


@dataclass(frozen=True)
class StatusStyles:
    """The styles of a profile's statuses, in the order its legend lists them."""

    styles: Mapping[WorkingGroupStatus, StatusStyle]

    def of(self, status: WorkingGroupStatus) -> StatusStyle:
        """A status's style; one the profile does not style is its name in the fallback colour."""
        return self.styles.get(status) or StatusStyle(str(status), FALLBACK_COLOUR)

    def __iter__(self) -> Iterator[StatusStyle]:
        return iter(self.styles.values())


def status_styles(table: Mapping[str, Any], statuses: Iterable[WorkingGroupStatus]) -> StatusStyles:
    """The styles of a profile's [report.status] table, then those of its other statuses."""
    styles = {_status(key): _style(key, value) for key, value in table.items()}
    for status in statuses:
        styles.setdefault(status, StatusStyle(str(status), FALLBACK_COLOUR))
    return StatusStyles(styles)


def _status(key: str) -> WorkingGroupStatus:
    try:
        return WorkingGroupStatus(key)
    except ValueError:
        choices = ", ".join(WorkingGroupStatus)
        raise ValueError(
            f"[report.status] {key!r} is not a working-group status ({choices})"
        ) from None


def _style(key: str, value: Any) -> StatusStyle:
    label = value.get("label") if isinstance(value, Mapping) else None
    colour = value.get("colour", FALLBACK_COLOUR) if isinstance(value, Mapping) else None
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f'[report.status] {key}: give a label, as {{label = "..."}}')
    if not isinstance(colour, str) or not COLOUR.fullmatch(colour):
        raise ValueError(f'[report.status] {key}: the colour must be written "#rrggbb"')
    return StatusStyle(label.strip(), colour)
