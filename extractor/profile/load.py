"""Loading a profile: the vocabulary of one family of action plans, and the alias tables."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.model.kinds import Stage
from extractor.profile.phrases import PatternSet, PhraseSet
from extractor.profile.styles import StatusStyles, status_styles
from normalizers.directory import Countries, Directory
from normalizers.leader_words import LeaderVocabulary, leader_vocabulary
from normalizers.meetings import MeetingVocabulary, vocabulary_from_profile
from normalizers.status import StatusVocabulary, status_vocabulary

DATA = Path(__file__).parent / "data"
DEFAULT_PROFILE = DATA / "profiles" / "u4ssc.toml"
ORGANISATIONS = DATA / "organisations.csv"
PEOPLE = DATA / "people.csv"
LEADER_WORDS = DATA / "leader_words.toml"
COUNTRIES = DATA / "countries.csv"

PEOPLE_COLUMNS = ("id", "name", "aliases")
ORGANISATION_COLUMNS = ("id", "name", "acronym", "aliases", "kind", "parent", "country")
SECTION_KEYS = (
    "group_reference", "proposed_working_groups", "working_group_heading", "scope",
    "objectives", "primary_objectives", "secondary_objectives", "deliverables",
    "deliverable_prefixes", "contact", "working_groups",
)  # fmt: skip


class ProfileError(Exception):
    """A profile or alias file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Profile:
    """Everything the extractor knows about one family of decks."""

    name: str
    edition_title: PhraseSet
    stages: Mapping[Stage, PatternSet]
    approved: PhraseSet
    sections: Mapping[str, PatternSet]
    facts: Mapping[str, PhraseSet]
    columns: Mapping[str, PhraseSet]
    working_group_cell: PatternSet
    empty: PhraseSet
    pointers: PhraseSet
    meetings: MeetingVocabulary
    status: StatusVocabulary
    leaders: LeaderVocabulary
    directory: Directory
    report_statuses: StatusStyles
    min_text_used: float = 0.8
    min_text_to_accept: float = 0.4


def load_profile(path: Path = DEFAULT_PROFILE, alias_files: Iterable[Path] = ()) -> Profile:
    """Read a profile and the alias tables; extra alias files add to or override the defaults.

    ProfileError names the file: "profile FILE: ..." or "aliases FILE: ...".
    """
    label = f"profile {path}"
    data = _read_toml(path, label)
    directory = load_directory(tuple(alias_files))
    try:
        return _build(data, directory, _read_toml(LEADER_WORDS))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ProfileError(f"{label}: incomplete or malformed profile ({err})") from err


def load_status_styles(path: Path = DEFAULT_PROFILE) -> StatusStyles:
    """How the report shows a profile's statuses, read without the rest of the profile."""
    label = f"profile {path}"
    data = _read_toml(path, label)
    try:
        return _status_styles(data, status_vocabulary(data["status"]))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ProfileError(f"{label}: incomplete or malformed profile ({err})") from err


def load_directory(alias_files: tuple[Path, ...] = ()) -> Directory:
    """The default alias tables plus extra ones (with acronym/kind columns: organisations)."""
    organisations = _read_csv(ORGANISATIONS)
    people = _read_csv(PEOPLE)
    for extra in alias_files:
        is_people, rows = read_alias_table(extra)
        (people if is_people else organisations).extend(rows)
    try:
        return Directory.from_rows(organisations, people, load_countries())
    except (KeyError, TypeError, ValueError) as err:
        extras = ", ".join(str(p) for p in alias_files)
        where = f"aliases {extras}" if extras else f"{ORGANISATIONS}, {PEOPLE}"
        raise ProfileError(f"{where}: alias tables do not agree ({err})") from err


def read_alias_table(path: Path) -> tuple[bool, list[dict[str, str]]]:
    """An extra alias table: whether it lists people (else organisations), and its rows.

    A table with acronym or kind columns lists organisations; one without a name column, or
    with a column neither kind of table has, is refused.
    """
    label = f"aliases {path}"
    columns, rows = _read_table(path, label)
    is_people = not {"acronym", "kind"} & set(columns)
    expected = PEOPLE_COLUMNS if is_people else ORGANISATION_COLUMNS
    table = f"a table of {'people' if is_people else 'organisations'} ({','.join(expected)})"
    if "name" not in columns:
        found = ", ".join(repr(c) for c in columns) or "none"
        raise ProfileError(f"{label}: not an alias table: no 'name' column (found {found}); "
                           f"expected {table}")  # fmt: skip
    unknown = [c for c in columns if c not in expected]
    if unknown:
        raise ProfileError(f"{label}: unknown columns {', '.join(map(repr, unknown))} for {table}")
    return is_people, rows


def load_countries(path: Path = COUNTRIES) -> Countries:
    """Country names with the everyday aliases of countries.csv (alias,country)."""
    try:
        return Countries({row["alias"]: row["country"] for row in _read_csv(path)})
    except (KeyError, ValueError) as err:
        raise ProfileError(f"{path}: not a table of country aliases ({err})") from err


def _build(
    data: Mapping[str, Any], directory: Directory, leader_words: Mapping[str, Any]
) -> Profile:
    sections = data["sections"]
    table = dict(data["table"])
    values, status = data["values"], status_vocabulary(data["status"])
    empty, pointers = PhraseSet.of(values["empty"]), PhraseSet.of(values["pointers"])
    return Profile(
        name=data["profile"]["name"],
        edition_title=PhraseSet.of(data["edition"]["title_words"]),
        stages={_stage(k): PatternSet.of(v) for k, v in data["stages"].items()},
        approved=PhraseSet.of(data.get("approval", {}).get("words", ())),
        sections={key: PatternSet.of(sections.get(key, ())) for key in SECTION_KEYS},
        facts={k: PhraseSet.of(v) for k, v in data["facts"].items()},
        working_group_cell=PatternSet.of(table.pop("working_group_cell")),
        columns={k: PhraseSet.of(v) for k, v in table.items()},
        empty=empty,
        pointers=pointers,
        meetings=vocabulary_from_profile(data["meetings"], empty.phrases, pointers.phrases),
        status=status,
        leaders=leader_vocabulary(leader_words),
        directory=directory,
        report_statuses=_status_styles(data, status),
        min_text_used=float(data.get("recognition", {}).get("min_text_used", 0.8)),
        min_text_to_accept=float(data.get("recognition", {}).get("min_text_to_accept", 0.4)),
    )


def _status_styles(data: Mapping[str, Any], status: StatusVocabulary) -> StatusStyles:
    return status_styles(data.get("report", {}).get("status", {}), status.words)


def _stage(key: str) -> Stage:
    """The stage a [stages] key names; another key is an error naming the choices."""
    try:
        return Stage(key)
    except ValueError:
        raise ValueError(f"[stages] {key!r} is not a stage ({', '.join(Stage)})") from None


def _read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    label = label or str(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise ProfileError(f"{label}: cannot be read ({err.strerror or err})") from err
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{label}: not valid TOML ({err})") from err


def _read_csv(path: Path) -> list[dict[str, str]]:
    return _read_table(path)[1]


def _read_table(path: Path, label: str | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV file's column names (stripped, empty ones left out) and rows."""
    label = label or str(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            rows = [
                {k.strip(): (v or "").strip() for k, v in row.items() if k and k.strip()}
                for row in reader
            ]
            columns = [c.strip() for c in reader.fieldnames or () if c and c.strip()]
    except OSError as err:
        raise ProfileError(f"{label}: cannot be read ({err.strerror or err})") from err
    except (UnicodeDecodeError, csv.Error) as err:
        raise ProfileError(f"{label}: not a readable UTF-8 CSV file ({err})") from err
    return columns, rows
