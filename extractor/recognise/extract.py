"""Deck to plan: read the blocks, finish each group's facts, then list people and organisations."""

from __future__ import annotations

from extractor.model.plan import Plan
from extractor.profile.load import Profile
from extractor.recognise.drafts import GroupDraft
from extractor.recognise.edition import edition_of
from extractor.recognise.finish import finish_group
from extractor.recognise.people import collect_organisations, collect_people
from extractor.recognise.reader import DeckReader
from extractor.recognise.records import Normalizer
from parsers.deck import Deck

MIN_FACTS = 2
LOW_USE = (
    "only {share:.0%} of the deck's text went into the plan (at least {least:.0%} expected); "
    "groups or working groups may be missing: check the warnings and the deck's layout"
)


class NoPlanError(Exception):
    """A deck in which no action plan was recognised."""


def extract_plan(deck: Deck, profile: Profile) -> Plan:
    """Recognise the plan in a deck."""
    normalizer = Normalizer(profile)
    for message in deck.warnings:
        normalizer.warn(message, "", None)
    reader = DeckReader(normalizer)
    reader.read(deck)
    drafts = [draft for draft in reader.drafts if _looks_like_a_group(draft, reader)]
    if not drafts:
        raise NoPlanError(
            f"no thematic group found (profile '{profile.name}' expects fact lists such as "
            "'Leader: ...' and 'Timeline: ...' under a group name); is this an action plan of "
            "this family?"
        )
    groups = [finish_group(draft, normalizer) for draft in drafts]
    share = reader.usage.share
    if share < profile.min_text_used:
        normalizer.warn(LOW_USE.format(share=share, least=profile.min_text_used), "", None)
    return Plan(
        edition=edition_of(reader.edition, deck.source, normalizer, share),
        thematic_groups=groups,
        people=collect_people(groups),
        organisations=collect_organisations(groups, profile.directory),
        contacts=reader.contacts,
        warnings=normalizer.warnings,
    )


def _looks_like_a_group(draft: GroupDraft, reader: DeckReader) -> bool:
    """A group has working groups or two facts with values; a lone "Label: value" is text."""
    normalizer = reader.n
    facts = {name: values for name, (values, _) in draft.facts.items()}
    said = [name for name, values in facts.items() if not normalizer.is_blank(" ".join(values))]
    if draft.group.working_groups or len(said) >= MIN_FACTS:
        return True
    for name, (values, location) in draft.facts.items():
        raw = f"{draft.group.name}: {name}: {' '.join(values)}".rstrip(": ")
        normalizer.warn("too few facts for a thematic group; kept as text", raw, location)
        reader.usage.unuse(len(raw))
    return False
