"""Recognition rules one at a time: edition identity, repeated numbers, headings, text used."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from helpers import run_cli

from extractor.model.plan import Plan
from extractor.profile.load import load_profile
from extractor.recognise.extract import extract_plan
from parsers.markdown import parse_markdown

PROFILE = load_profile()

GROUP = """## Smart Water

- **Leader:** Jane Roe (ITU)
- **Timeline:** 2025-2026
- **Secretariat:** ITU
"""
TABLE = """Smart Water Working Groups\tLeader\tStatus
<b>WG1 - Leak detection</b>\tJane Roe (ITU)\tOngoing
"""


def extract(path: Path, text: str) -> Plan:
    path.write_text(text, encoding="utf-8")
    return extract_plan(parse_markdown(path), PROFILE)


def test_a_period_in_a_subtitle_names_the_edition(tmp_path: Path) -> None:
    text = "# Water Action Plan\n\nPeriod covered: 2025–2026\n\n" + GROUP
    plan = extract(tmp_path / "deck.md", text)
    assert plan.edition.id == "water-action-plan-2025-2026"
    assert (plan.edition.period.start_year, plan.edition.period.end_year) == (2025, 2026)


def test_a_period_in_the_file_name_names_the_edition(tmp_path: Path) -> None:
    plan = extract(tmp_path / "water_plan_2025_26.md", "# Water Action Plan\n\n" + GROUP)
    assert plan.edition.id == "water-action-plan-2025-26"
    assert (plan.edition.period.start_year, plan.edition.period.end_year) == (2025, 2026)


def test_without_a_period_the_id_carries_the_file_digest(tmp_path: Path) -> None:
    text = "# Water Action Plan\n\n" + GROUP
    plan = extract(tmp_path / "deck.md", text)
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    assert plan.edition.id == f"water-action-plan-{digest}"
    assert [w.message.split(";")[0] for w in plan.warnings] == [
        "no period (such as 2024-2025) found in the title, the first slides or the file name"
    ]
    other = extract(tmp_path / "other.md", text.replace("Jane Roe", "John Doe"))
    assert other.edition.id != plan.edition.id


def test_a_title_without_latin_letters_still_gives_an_id(tmp_path: Path) -> None:
    plan = extract(tmp_path / "行动计划.md", "# 行动计划 Action Plan 2025-2026\n\n" + GROUP)
    assert plan.edition.id == "action-plan-2025-2026"
    bare = extract(tmp_path / "行动计划.md", GROUP)
    assert bare.edition.id.startswith("edition-") and len(bare.edition.id) == len("edition-") + 8


def test_numbered_and_continued_headings_name_one_group(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n## 3.2 Smart Water\n\n- **Leader:** Jane Roe (ITU)\n"
        "- **Timeline:** 2025-2026\n\n# Thematic Group on Smart Water (cont.)\n\n"
        + TABLE
        + "\n# Thematic Group on Smart Water (2/2)\n\n"
        + TABLE.replace("WG1 - Leak detection", "WG2 - Metering")
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert group.name == "Smart Water"
    assert [w.id for w in group.working_groups] == ["smart-water/wg1", "smart-water/wg2"]
    assert plan.warnings == []


def test_a_repeated_number_with_another_title_is_kept_apart(tmp_path: Path) -> None:
    second = TABLE.replace("Leak detection", "Metering").splitlines()[1]
    plan = extract(tmp_path / "d-2025-2026.md", GROUP + "\n" + TABLE + second + "\n")
    wgs = plan.thematic_groups[0].working_groups
    assert [(w.id, w.title) for w in wgs] == [
        ("smart-water/wg1", "Leak detection"),
        ("smart-water/wg1-2", "Metering"),
    ]
    assert [w.message for w in plan.warnings] == [
        "working group number used twice in one group; both kept"
    ]


def test_a_working_group_listed_twice_is_one(tmp_path: Path) -> None:
    overview = "- WG1 - Leak detection\n\n"
    plan = extract(tmp_path / "d-2025-2026.md", GROUP + overview + "# Details\n\n" + TABLE)
    (wg,) = plan.thematic_groups[0].working_groups
    assert (wg.id, wg.title, wg.status) == ("smart-water/wg1", "Leak detection", "ongoing")


def test_repeated_numbers_reach_the_store(tmp_path: Path) -> None:
    second = TABLE.replace("Leak detection", "Metering").splitlines()[1]
    deck = tmp_path / "d-2025-2026.md"
    deck.write_text("# Water Action Plan\n\n" + GROUP + "\n" + TABLE + second + "\n")
    code, _, _ = run_cli("extract", str(deck), "-o", str(tmp_path / "out"))
    assert code == 0
    with sqlite3.connect(tmp_path / "out" / "actionplans.sqlite") as store:
        ids = [r[0] for r in store.execute("select working_group_id from working_groups")]
    assert ids == ["smart-water/wg1", "smart-water/wg1-2"]


def test_text_that_goes_nowhere_lowers_the_text_used(tmp_path: Path) -> None:
    chatter = "\n".join(f"Remark number {n} about the weather." for n in range(12))
    plan = extract(tmp_path / "d-2025-2026.md", GROUP + "\n" + chatter + "\n")
    assert plan.edition.source.text_used < 0.8
    assert any("of the deck's text went into the plan" in w.message for w in plan.warnings)


def test_other_words_for_the_same_facts(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n# Thematic Group: Smart Water\n\n"
        "- **Led by:** Jane Roe (ITU)\n- **Time frame:** 2025-2026\n"
        "- **Description:** Water in cities.\n\n"
        "- WG #1: Leak detection\n  - Status: Underway\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert (group.name, group.timeline.raw, group.scope) == (
        "Smart Water",
        "2025-2026",
        "Water in cities.",
    )
    assert [x.role for x in group.leaders] == ["leader"]
    (wg,) = group.working_groups
    assert (wg.id, wg.title, wg.status, wg.status_raw) == (
        "smart-water/wg1",
        "Leak detection",
        "ongoing",
        "Underway",
    )
    assert plan.warnings == []


def test_a_fact_can_name_the_group(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n"
        "| Thematic group | Smart Water |\n|---|---|\n| Leader | Jane Roe (ITU) |\n"
        "| Timeline | 2025-2026 |\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert (group.id, [x.person_id for x in group.leaders]) == ("smart-water", ["jane-roe"])
    assert plan.warnings == []


def test_a_plain_line_above_a_fact_list_names_the_group(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n# Ongoing Thematic Groups\n\n- Smart Water\n"
        "- Leader: Jane Roe (ITU)\n- Timeline: 2025-2026\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert (group.name, group.stage) == ("Smart Water", "ongoing")
    assert plan.warnings == [] and plan.edition.source.text_used == 1.0


def test_labels_and_values_on_lines_of_their_own(tmp_path: Path) -> None:
    rows = "Leader:\n\nJane Roe (ITU)\n\nTimeline\n\n2025-2026\n\nSecretariat\n\nITU\n"
    columns = "Leader\n\nTimeline\n\nSecretariat\n\nJane Roe (ITU)\n\n2025-2026\n\nITU\n"
    for layout in (rows, columns):
        plan = extract(
            tmp_path / "deck.md", "# Water Action Plan 2025-2026\n\n## Smart Water\n\n" + layout
        )
        (group,) = plan.thematic_groups
        assert [x.person_id for x in group.leaders] == ["jane-roe"], layout
        assert (group.timeline.raw, group.secretariat) == ("2025-2026", ["ITU"]), layout
        assert plan.warnings == [], layout


def test_facts_in_one_row_under_their_labels(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n## Smart Water\n\n"
        "| Leader | Timeline | Secretariat |\n|---|---|---|\n| Jane Roe (ITU) | 2025-2026 | ITU |\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert ([x.person_id for x in group.leaders], group.timeline.raw, group.secretariat) == (
        ["jane-roe"],
        "2025-2026",
        ["ITU"],
    )
    assert plan.warnings == []


def test_working_groups_without_numbers_are_numbered_in_order(tmp_path: Path) -> None:
    table = (
        "| Working group | Leader | Status |\n|---|---|---|\n"
        "| Leak detection | Jane Roe (ITU) | Ongoing |\n| Metering | Jane Roe (ITU) | Kick off |\n"
    )
    plan = extract(tmp_path / "d-2025-2026.md", GROUP + "\n" + table)
    wgs = plan.thematic_groups[0].working_groups
    assert [(w.id, w.title, w.status) for w in wgs] == [
        ("smart-water/wg1", "Leak detection", "ongoing"),
        ("smart-water/wg2", "Metering", "kick-off"),
    ]
    assert plan.warnings == []


def test_facts_given_on_lines_of_one_block(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n## Smart Water\n\n"
        "Leader: Jane Roe (ITU)<br>Timeline: 2025-2026<br>Secretariat: ITU\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert ([x.person_id for x in group.leaders], group.timeline.raw, group.secretariat) == (
        ["jane-roe"],
        "2025-2026",
        ["ITU"],
    )


def test_unreadable_years_and_statuses_keep_their_words(tmp_path: Path) -> None:
    table = (
        "Smart Water Working Groups\tLeader\tExpected publication date\tStatus\n"
        "<b>WG1 - Leak detection</b>\tJane Roe (ITU)\tQ4 2027\tOn hold\n"
    )
    plan = extract(tmp_path / "d-2025-2026.md", GROUP + "\n" + table)
    (wg,) = plan.thematic_groups[0].working_groups
    assert (wg.expected_publication.raw, wg.expected_publication.start_year) == ("Q4 2027", None)
    assert (wg.status, wg.status_raw) == ("other", "On hold")
    assert sorted(w.message for w in plan.warnings) == [
        "expected publication not understood; expected a year or a range like 2024-2025",
        "status not understood; kept as 'other'",
    ]


def test_working_groups_listed_under_their_label_with_facts_on_one_line(tmp_path: Path) -> None:
    text = (
        "# Water Action Plan 2025-2026\n\n## Smart Water\n\n"
        "- Leader: Jane Roe (ITU)\n- Timeline: 2025-2026\n- Working groups:\n"
        "  - WG1: Leak detection – Leader: Jane Roe (ITU) – Status: Ongoing\n"
        "  - WG2: Metering | Status: Kick off | Planned e-meetings: 3 March 2025, 10:00 - 11:00 hours, Geneva time\n"
    )
    plan = extract(tmp_path / "deck.md", text)
    (group,) = plan.thematic_groups
    assert [(w.number, w.title, w.status) for w in group.working_groups] == [
        (1, "Leak detection", "ongoing"),
        (2, "Metering", "kick-off"),
    ]
    assert [x.person_id for x in group.working_groups[0].leaders] == ["jane-roe"]
    assert [m.start_utc for m in group.working_groups[1].meetings] == ["2025-03-03T09:00:00Z"]
    assert plan.warnings == []


def test_a_slide_number_set_as_text_is_not_content(tmp_path: Path) -> None:
    from parsers.deck import Deck, Heading, Location, Paragraph, RichText, Slide, Source

    def para(text: str, page: int) -> Paragraph:
        return Paragraph(RichText(text), Location("page", page))

    slides = [
        Slide(Heading(RichText("Water Action Plan 2025-2026"), 1, Location("page", 1)), [], Location("page", 1)),
        Slide(Heading(RichText("Smart Water"), 1, Location("page", 2)),
              [para("Leader: Jane Roe (ITU)", 2), para("Timeline: 2025", 2), para("3", 2)],
              Location("page", 2)),
        Slide(None, [para("5", 3)], Location("page", 3)),  # a picture slide; one hidden before
    ]  # fmt: skip
    deck = Deck(slides, Source("deck.pdf", "0" * 64, "pdf"))
    plan = extract_plan(deck, PROFILE)
    assert plan.warnings == []
    assert plan.edition.source.text_used == 1.0
