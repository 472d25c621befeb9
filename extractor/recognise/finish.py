"""Finishing groups and working groups: raw facts normalised into fields, duplicates settled."""

from __future__ import annotations

import re
from dataclasses import fields

from extractor.model.plan import LeaderRole, ThematicGroup, WorkingGroup
from extractor.profile.phrases import clean
from extractor.recognise.drafts import GroupDraft, WorkingGroupDraft
from extractor.recognise.records import Normalizer
from normalizers.text import fold

LEADER_FACTS = frozenset(LeaderRole)
SECRETARIAT_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")


def finish_group(draft: GroupDraft, normalizer: Normalizer) -> ThematicGroup:
    """Normalise a group's raw facts into its fields, then its working groups'."""
    group = draft.group
    for name, (values, location) in draft.facts.items():
        text = joined(name, values)
        if name in LEADER_FACTS:
            group.leaders += normalizer.leaders(text, LeaderRole(name), location)
        elif name in ("timeline", "expected_publication"):
            setattr(group, name, normalizer.years(text, location, name.replace("_", " ")))
        elif name == "secretariat" and not normalizer.is_blank(text):
            group.secretariat = [s for s in SECRETARIAT_SPLIT.split(text.strip(" .")) if s]
        elif name == "scope" and not normalizer.is_blank(text):
            group.scope = text
        elif name == "meetings":
            group.meetings, group.meetings_note = normalizer.meetings(text, location)
        elif not normalizer.is_blank(text):
            normalizer.warn(f"'{name}' fact not understood", text, location)
    for working in draft.working:
        finish_working_group(working, normalizer)
    group.working_groups = settle_numbers(group.working_groups, normalizer)
    return group


def finish_working_group(draft: WorkingGroupDraft, normalizer: Normalizer) -> None:
    """Normalise the facts met under a working group's item, heading or tile."""
    wg = draft.wg
    for name, (values, location) in draft.facts.items():
        text = joined(name, values)
        if name in LEADER_FACTS:
            wg.leaders += normalizer.leaders(text, LeaderRole(name), location)
        elif name in ("timeline", "expected_publication"):
            setattr(wg, name, normalizer.years(text, location, name.replace("_", " ")))
        elif name == "meetings":
            wg.meetings, wg.meetings_note = normalizer.meetings(text, location)
        elif name == "status":
            wg.status, found = normalizer.status(text, draft.links.get(name, []), location)
            wg.status_raw = clean(text) or None
            wg.deliverables += found
        elif name == "scope" and not normalizer.is_blank(text):
            wg.scope.append(text)
        elif not normalizer.is_blank(text):
            normalizer.warn(f"'{name}' fact not understood", text, location)


def joined(name: str, values: list[str]) -> str:
    """A fact's value from its lines: leaders one per line are kept apart by "; "."""
    return ("; " if name in LEADER_FACTS else " ").join(values)


def settle_numbers(wgs: list[WorkingGroup], normalizer: Normalizer) -> list[WorkingGroup]:
    """One working group per number: a repeat with the same title adds what the first lacks;
    one with another title is kept apart, under a distinct id, with a warning."""
    kept: list[WorkingGroup] = []
    for wg in wgs:
        same = [k for k in kept if k.number == wg.number]
        twin = next((k for k in same if _same_title(k.title, wg.title)), None)
        if twin is not None:
            _fill(twin, wg)
            continue
        if same:
            wg.id = f"{wg.id}-{len(same) + 1}"
            raw = f"WG{wg.number} {wg.title}".strip()
            message = "working group number used twice in one group; both kept"
            normalizer.warn_at(message, raw, wg.source.location)
        kept.append(wg)
    return kept


def _same_title(a: str, b: str) -> bool:
    return not a or not b or fold(a) == fold(b)


def _fill(first: WorkingGroup, second: WorkingGroup) -> None:
    """Give the first record what only the second has."""
    for field in fields(WorkingGroup):
        if field.name in ("id", "number", "source"):
            continue
        if not getattr(first, field.name) and getattr(second, field.name):
            setattr(first, field.name, getattr(second, field.name))
