"""Deck to plan: read the blocks, finish each group's facts, then list people and organisations."""

from __future__ import annotations

import re
from pathlib import Path

from extractor.model.plan import Edition, EditionSource, LeaderRole, Plan, ThematicGroup
from extractor.profile.load import Profile
from extractor.recognise.people import collect_organisations, collect_people
from extractor.recognise.reader import DeckReader, GroupDraft
from extractor.recognise.records import Normalizer
from normalizers.text import slugify
from parsers.deck import Deck

LEADER_FACTS = frozenset(LeaderRole)
SECRETARIAT_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")
MIN_FACTS = 2


class NoPlanError(Exception):
    """A deck in which no action plan was recognised."""


def extract_plan(deck: Deck, profile: Profile) -> Plan:
    """Recognise the plan in a deck."""
    normalizer = Normalizer(profile)
    for message in deck.warnings:
        normalizer.warn(message, "", None)
    reader = DeckReader(normalizer)
    reader.read(deck)
    drafts = [draft for draft in reader.drafts if _looks_like_a_group(draft, normalizer)]
    if not drafts:
        raise NoPlanError(
            f"no thematic group found (profile '{profile.name}' expects fact lists such as "
            "'Leader: ...' and 'Timeline: ...' under a group name); is this an action plan of "
            "this family?"
        )
    groups = [finish_group(draft, normalizer) for draft in drafts]
    return Plan(
        edition=_edition(reader, deck),
        thematic_groups=groups,
        people=collect_people(groups),
        organisations=collect_organisations(groups, profile.directory),
        contacts=reader.contacts,
        warnings=normalizer.warnings,
    )


def _looks_like_a_group(draft: GroupDraft, normalizer: Normalizer) -> bool:
    """A group has working groups or two facts with values; a lone "Label: value" is text."""
    facts = {name: values for name, (values, _) in draft.facts.items()}
    said = [name for name, values in facts.items() if not normalizer.is_blank(" ".join(values))]
    if draft.group.working_groups or len(said) >= MIN_FACTS:
        return True
    for name, (values, location) in draft.facts.items():
        raw = f"{draft.group.name}: {name}: {' '.join(values)}".rstrip(": ")
        normalizer.warn("too few facts for a thematic group; kept as text", raw, location)
    return False


def _edition(reader: DeckReader, deck: Deck) -> Edition:
    title = reader.edition.title or Path(deck.source.path).stem
    period = reader.edition.period
    return Edition(
        id=slugify(f"{title} {period.raw}" if period else title),
        title=title,
        period=period,
        source=EditionSource(deck.source.path, deck.source.sha256, deck.source.format),
    )


def finish_group(draft: GroupDraft, normalizer: Normalizer) -> ThematicGroup:
    """Normalise a group's raw facts into its fields."""
    group = draft.group
    for name, (values, location) in draft.facts.items():
        text = " ".join(values)
        if name in LEADER_FACTS:
            group.leaders += normalizer.leaders(text, LeaderRole(name), location)
        elif name in ("timeline", "expected_publication"):
            setattr(group, name, normalizer.years(text, location))
        elif name == "secretariat" and not normalizer.is_blank(text):
            group.secretariat = [s for s in SECRETARIAT_SPLIT.split(text.strip(" .")) if s]
        elif name == "scope" and not normalizer.is_blank(text):
            group.scope = text
        elif name == "meetings":
            group.meetings, group.meetings_note = normalizer.meetings(text, location)
        elif not normalizer.is_blank(text):
            normalizer.warn(f"'{name}' fact not understood", text, location)
    return group
