"""Planned e-meetings: dates, clock times and time zones to ISO 8601 instants."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from normalizers.problems import Problem
from normalizers.text import fold, normalize_dashes

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"),
            ("thursday", "thurs", "thur", "thu"), ("friday", "fri"), ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}  # fmt: skip
LABEL_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})")
SURROUNDING = " .,;:!?()[]"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_MONTH = rf"(?:{_alternation(MONTHS)})(?![a-z])\.?"
_WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})(?![a-z])\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"(?:(?<![a-z])(?P<weekday>{_WEEKDAY})\s*,?\s*)?(?<![\d.])"
    rf"(?:(?P<d1>\d{{1,2}}){_ORDINAL}\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})\.(?P<y3>\d{{4}})"
    rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}}))(?!\d)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PIECE_BREAK = re.compile(r"[;\n]")
CLOCK_LIKE = re.compile(r"\d[:h.]\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)


def _clock(prefix: str) -> str:
    return (
        rf"(?P<{prefix}h>\d{{1,2}})"
        rf"(?:[:.h](?P<{prefix}m>\d{{2}})(?!\.?\d)|h(?![a-z\d])|(?=\s*[ap]\.?m(?![a-z])))"
        rf"(?:\s*(?P<{prefix}ap>[ap])\.?m(?![a-z])\.?)?"
    )


_CONNECTOR = r"(?:\s*[,:-]\s*|\s+|T)(?:(?:at|from)\s+)?"
_RANGE = rf"{_clock('s')}(?:\s*(?:-|\bto\b|\buntil\b|\btill\b)\s*{_clock('e')})?"
_HOURS = r"(?:\s*(?:hours|hour|hrs|hr|h)(?![a-z])\.?)?"
_OFFSET = r"(?:(?P<sign>[+-])(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?(?!\d))?"


@dataclass(frozen=True, kw_only=True)
class MeetingVocabulary:
    """The zone phrases, announcement phrases and placeholders of one family of decks.

    Phrases are folded. label_offsets gives the zone phrases that name one fixed offset from
    UTC ("cet": one hour); a meeting labelled with one is checked against its date.
    """

    zones: Mapping[str, str]
    default_zone: str | None
    announcements: tuple[str, ...]
    empty_values: tuple[str, ...]
    pointers: tuple[str, ...]
    label_offsets: Mapping[str, timedelta]

    @cached_property
    def tail(self) -> re.Pattern[str]:
        """What may follow a date: a clock time or range, "hours", and a zone phrase."""
        stated = ""
        if self.zones:
            zone = rf"(?P<zone>{_alternation(self.zones)})(?![a-z])\s*{_OFFSET}"
            stated = rf"(?:\s*,?\s*(?P<paren>\()?\s*{zone}\s*(?(paren)\)))?"
        return re.compile(_CONNECTOR + _RANGE + _HOURS + stated, re.IGNORECASE)

    @cached_property
    def zone_by_phrase(self) -> dict[str, str]:
        """The zone name of each folded zone phrase."""
        return {fold(phrase): name for phrase, name in self.zones.items()}

    @cached_property
    def announcement(self) -> re.Pattern[str] | None:
        """Any announcement phrase as whole words in folded text; None when there are none."""
        if not self.announcements:
            return None
        phrases = "|".join(re.escape(phrase) for phrase in self.announcements)
        return re.compile(rf"(?<![a-z0-9])(?:{phrases})(?![a-z0-9])")


@dataclass(frozen=True, kw_only=True)
class Meeting:
    """One scheduled meeting: local and UTC instants in ISO 8601, and the text it came from."""

    start: str
    end: str | None
    start_utc: str
    end_utc: str | None
    timezone: str
    raw: str


@dataclass(frozen=True)
class MeetingParse:
    """Everything read from one meetings cell: meetings, an announcement note, and problems."""

    meetings: list[Meeting]
    note: str | None
    problems: list[Problem]


@dataclass
class _Result:
    meetings: list[Meeting] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def vocabulary_from_profile(
    section: Mapping[str, Any], empty_values: Iterable[str], pointers: Iterable[str]
) -> MeetingVocabulary:
    """Build the vocabulary from a profile's [meetings] table and its empty and pointer values."""
    zones = {fold(phrase): str(name) for phrase, name in section.get("zones", {}).items()}
    default_zone = section.get("default_zone") or None
    for name in [*zones.values(), *([default_zone] if default_zone else [])]:
        _check_zone(name)
    announcements = section.get("announcements", ())
    if isinstance(announcements, Mapping):
        announcements = announcements.get("phrases", ())
    return MeetingVocabulary(
        zones=zones,
        default_zone=default_zone,
        announcements=tuple(fold(p) for p in announcements),
        empty_values=tuple(fold(v) for v in empty_values),
        pointers=tuple(fold(v) for v in pointers),
        label_offsets=_label_offsets(section.get("label_offsets", {}), zones),
    )


def _check_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(f"unknown time zone {name!r} in [meetings]") from err


def _label_offsets(table: Mapping[str, Any], zones: Mapping[str, str]) -> dict[str, timedelta]:
    """[meetings.label_offsets]: each label a zone phrase, each offset written "+01:00"."""
    offsets = {}
    for label, written in table.items():
        if fold(label) not in zones:
            raise ValueError(
                f"[meetings.label_offsets] {label!r} is not a phrase of [meetings.zones]"
            )
        found = LABEL_OFFSET.fullmatch(written) if isinstance(written, str) else None
        if found is None:
            raise ValueError(f'[meetings.label_offsets] {label!r}: write the offset as "+01:00"')
        size = timedelta(hours=int(found["hours"]), minutes=int(found["minutes"]))
        offsets[fold(label)] = size if found["sign"] == "+" else -size
    return offsets


def parse_meetings(text: str, vocabulary: MeetingVocabulary) -> MeetingParse:
    """Read every dated meeting of a cell, keep announcements as the note, report the rest."""
    normalized = normalize_dashes(text)
    tail = vocabulary.tail
    result = _Result()
    position = 0
    while found := DATE.search(normalized, position):
        _read_leftover(text[position : found.start()], vocabulary, result)
        clock = tail.match(normalized, found.end())
        end = clock.end() if clock else found.end()
        _read_meeting(found, clock, text[found.start() : end].strip(), vocabulary, result)
        position = end
    _read_leftover(text[position:], vocabulary, result)
    note = " ".join(result.notes) or None
    return MeetingParse(meetings=result.meetings, note=note, problems=result.problems)


def _read_meeting(
    found: re.Match[str],
    clock: re.Match[str] | None,
    raw: str,
    vocabulary: MeetingVocabulary,
    result: _Result,
) -> None:
    day = _date(found)
    if day is None:
        result.problems.append(Problem("meeting date not valid", raw))
        return
    _check_weekday(found["weekday"], day, raw, result)
    if clock is None:
        result.problems.append(Problem("meeting date without a time", raw))
        return
    span = _span(clock)
    if span is None:
        result.problems.append(Problem("meeting time not valid", raw))
        return
    zone = _zone(clock, vocabulary, raw, result)
    if zone is not None:
        _add_meeting(day, span, zone, _fixed_label(clock, vocabulary), raw, result)


def _date(found: re.Match[str]) -> date | None:
    for form in "1234":
        day, month, year = f"d{form}", f"m{form}", f"y{form}"
        if found[year]:
            text = found[month]
            number = int(text) if text.isdigit() else MONTHS[fold(text).rstrip(".")]
            try:
                return date(int(found[year]), number, int(found[day]))
            except ValueError:
                return None
    return None


def _check_weekday(weekday: str | None, day: date, raw: str, result: _Result) -> None:
    if weekday and WEEKDAYS[fold(weekday).rstrip(".")] != day.weekday():
        message = f"weekday {weekday.rstrip('.')} does not match {day.isoformat()}"
        result.problems.append(Problem(message, raw))


def _span(clock: re.Match[str]) -> tuple[int, int | None] | None:
    start = _minutes(clock["sh"], clock["sm"], clock["sap"])
    if start is None or start >= 24 * 60:
        return None
    if clock["eh"] is None:
        return start, None
    end = _minutes(clock["eh"], clock["em"], clock["eap"])
    if end is None or end > 24 * 60:
        return None
    return start, end if end >= start else end + 24 * 60


def _minutes(hour_text: str, minute_text: str | None, meridiem: str | None) -> int | None:
    hour, minute = int(hour_text), int(minute_text or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    if hour > 24 or minute > 59:
        return None
    return hour * 60 + minute


def _zone(
    clock: re.Match[str], vocabulary: MeetingVocabulary, raw: str, result: _Result
) -> ZoneInfo | None:
    phrase = clock.groupdict().get("zone")
    if phrase is None:
        return _default_zone(vocabulary, raw, result)
    name: str | None = vocabulary.zone_by_phrase[fold(phrase)]
    if clock["sign"]:
        name = _offset_zone(name, clock)
    if name is None:
        result.problems.append(Problem("time zone offset not understood", raw))
        return None
    return _zone_info(name, raw, result)


def _default_zone(vocabulary: MeetingVocabulary, raw: str, result: _Result) -> ZoneInfo | None:
    if vocabulary.default_zone is None:
        result.problems.append(Problem("no time zone stated", raw))
        return None
    message = f"no time zone stated; assumed {vocabulary.default_zone}"
    result.problems.append(Problem(message, raw))
    return _zone_info(vocabulary.default_zone, raw, result)


def _offset_zone(name: str | None, clock: re.Match[str]) -> str | None:
    hours, minutes = int(clock["oh"]), int(clock["om"] or 0)
    if name != "UTC" or minutes or hours > 14:
        return None
    # IANA's Etc/GMT names count westwards: UTC+2 is "Etc/GMT-2".
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if clock['sign'] == '+' else '+'}{hours}"


def _zone_info(name: str, raw: str, result: _Result) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        result.problems.append(Problem(f"unknown time zone {name}", raw))
        return None


def _fixed_label(
    clock: re.Match[str], vocabulary: MeetingVocabulary
) -> tuple[str, timedelta] | None:
    """The zone phrase as written and its offset, when it names one fixed offset ("CET")."""
    label = clock.groupdict().get("zone")
    offset = vocabulary.label_offsets.get(fold(label)) if label else None
    return (label, offset) if label and offset is not None else None


def _add_meeting(
    day: date,
    span: tuple[int, int | None],
    zone: ZoneInfo,
    label: tuple[str, timedelta] | None,
    raw: str,
    result: _Result,
) -> None:
    midnight = datetime(day.year, day.month, day.day)
    start = _localize(midnight + timedelta(minutes=span[0]), zone)
    end = None if span[1] is None else _localize(midnight + timedelta(minutes=span[1]), zone)
    if isinstance(start, str) or isinstance(end, str):
        failures = [moment for moment in (start, end) if isinstance(moment, str)]
        result.problems.extend(Problem(message, raw) for message in failures)
        return
    _check_label(label, start, zone, raw, result)
    result.meetings.append(
        Meeting(
            start=start.isoformat(timespec="seconds"),
            end=None if end is None else end.isoformat(timespec="seconds"),
            start_utc=_utc(start),
            end_utc=None if end is None else _utc(end),
            timezone=zone.key,
            raw=raw,
        )
    )


def _localize(local: datetime, zone: ZoneInfo) -> datetime | str:
    earlier, later = local.replace(tzinfo=zone, fold=0), local.replace(tzinfo=zone, fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return earlier
    when = f"local time {local:%Y-%m-%d %H:%M} in {zone.key}"
    if earlier.utcoffset() > later.utcoffset():  # type: ignore[operator]
        return f"{when} is ambiguous: clocks go back at the DST switch; not guessed"
    return f"{when} does not exist: clocks go forward at the DST switch; not guessed"


def _check_label(
    label: tuple[str, timedelta] | None, start: datetime, zone: ZoneInfo, raw: str, result: _Result
) -> None:
    if label is not None and start.utcoffset() != label[1]:
        offset = start.isoformat()[-6:]
        message = (
            f"time zone label {label[0]} disagrees with the date: {zone.key} is at "
            f"UTC{offset} on {start.date().isoformat()}; used UTC{offset}"
        )
        result.problems.append(Problem(message, raw))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_leftover(piece: str, vocabulary: MeetingVocabulary, result: _Result) -> None:
    for part in PIECE_BREAK.split(piece):
        for sentence in SENTENCE_END.split(part):
            sentence = sentence.strip().strip(",").strip()
            if any(ch.isalnum() for ch in sentence):
                _read_sentence(sentence, vocabulary, result)


def _read_sentence(sentence: str, vocabulary: MeetingVocabulary, result: _Result) -> None:
    key = fold(sentence)
    if key.strip(SURROUNDING) in (*vocabulary.empty_values, *vocabulary.pointers):
        return
    if vocabulary.announcement and vocabulary.announcement.search(key):
        result.notes.append(sentence)
        return
    understood = "meeting date without a time" if _lone_date(sentence) else None
    result.problems.append(Problem(understood or "meeting text not understood", sentence))


def _lone_date(sentence: str) -> bool:
    if len(sentence) > 40 or not re.search(r"\d{4}", sentence) or CLOCK_LIKE.search(sentence):
        return False
    import dateparser  # lazily: importing it takes long, and it is only a fallback

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        return dateparser.parse(sentence, languages=["en"], settings=settings) is not None
    except Exception:  # dateparser raises assorted errors on odd text; it is only a hint here
        return False
