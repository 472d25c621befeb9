"""The actionplan command through its real entry points, on real files."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from sample_paths import OLD_DECK, ROOT

from extractor.cli.main import main
from extractor.writers.tables import TABLE_COLUMNS

SEED = OLD_DECK
SEED_HTML = OLD_DECK.with_suffix(".html")
EDITION = "u4ssc-action-plan-2024-2025"
SCHEMA = json.loads((ROOT / "extractor/model/schema/plan.schema.json").read_text())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_writes_plan_and_every_csv(tmp_path: Path) -> None:
    code, out, err = run("extract", str(SEED), "-o", str(tmp_path))
    assert code == 0, err
    assert out == ""  # the log goes to stderr
    folder = tmp_path / EDITION
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["plan.json", "meetings.ics"] + [f"{name}.csv" for name in TABLE_COLUMNS]
    )
    assert (
        "9 thematic groups, 22 working groups, 27 meetings, 23 people, 100% of text used, 0 warnings"
        in err
    )


def test_plan_json_matches_the_schema(tmp_path: Path) -> None:
    run("extract", str(SEED), "-o", str(tmp_path))
    plan = json.loads((tmp_path / EDITION / "plan.json").read_text(encoding="utf-8"))
    jsonschema.validate(plan, SCHEMA, format_checker=jsonschema.FormatChecker())


def test_schema_rejects_a_renamed_field(tmp_path: Path) -> None:
    run("extract", str(SEED), "-o", str(tmp_path))
    plan = json.loads((tmp_path / EDITION / "plan.json").read_text(encoding="utf-8"))
    group = plan["thematic_groups"][0]
    group["working_groups"][0]["state"] = group["working_groups"][0].pop("status")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plan, SCHEMA)


def test_csv_columns_and_row_counts(tmp_path: Path) -> None:
    run("extract", str(SEED), "-o", str(tmp_path))
    folder = tmp_path / EDITION
    counts = {}
    for name, columns in TABLE_COLUMNS.items():
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames) == columns
            counts[name] = len(list(reader))
    assert counts["thematic_groups"] == 9
    assert counts["working_groups"] == 22
    assert counts["meetings"] == 27
    assert counts["people"] == 23
    assert counts["warnings"] == 0
    # 3+1+1+4+1+1+2+1+1 thematic-group leader entries, 11+4+8 working-group ones
    assert counts["leaders"] == 15 + 23


def test_leaders_csv_has_one_row_per_group_and_leader(tmp_path: Path) -> None:
    run("extract", str(SEED), "-o", str(tmp_path))
    with (tmp_path / EDITION / "leaders.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wg5 = [
        r
        for r in rows
        if r["working_group_id"].endswith(
            "enabling-people-centred-cities-through-digital-transformation/wg5"
        )
    ]
    assert [(r["name"], r["organisation_ids"]) for r in wg5] == [
        ("Warren Smith", "dangersmith-sarl; curshaw"),
        ("John Davies", "department-for-business-and-trade"),
    ]


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run("extract", str(SEED), "-o", str(first))
    run("extract", str(SEED), "-o", str(second))
    names = sorted(p.name for p in (first / EDITION).iterdir())
    for name in names:
        assert (first / EDITION / name).read_bytes() == (second / EDITION / name).read_bytes()


def test_format_selects_writers(tmp_path: Path) -> None:
    code, _, _ = run("extract", str(SEED), "-o", str(tmp_path), "--format", "json")
    assert code == 0
    assert [p.name for p in (tmp_path / EDITION).iterdir()] == ["plan.json"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("extract", str(SEED), "-o", str(tmp_path), "--format", "xml")
    assert code == 2
    assert "choose from json, csv" in err


def test_bad_inputs_get_one_line_each_and_others_still_run(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    pdf_named_md = tmp_path / "fake.md"
    pdf_named_md.write_bytes(b"%PDF-1.7\n...")
    unsupported = tmp_path / "notes.docx"
    unsupported.write_bytes(b"x")
    code, out, err = run(
        "extract", str(empty), str(pdf_named_md), str(unsupported), str(SEED),
        "-o", str(tmp_path / "out"), "--quiet",
    )  # fmt: skip
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"actionplan: error: {empty}: ") and "empty" in lines[0]
    assert lines[1].startswith(f"actionplan: error: {pdf_named_md}: ") and "PDF" in lines[1]
    assert lines[2].startswith(f"actionplan: error: {unsupported}: ") and "unsupported" in lines[2]
    assert "Traceback" not in err
    assert (tmp_path / "out" / EDITION / "plan.json").is_file()


def test_a_document_without_a_plan_is_an_error(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text("# Minutes\n\nWe met and talked about the weather.\n")
    code, _, err = run("extract", str(essay), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "no thematic group found" in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["manifest.json"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [e["status"] for e in manifest["inputs"]] == ["error"]


def test_folder_source_with_two_renditions_writes_the_edition_once(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(SEED, decks)
    shutil.copy(SEED_HTML, decks)
    code, _, err = run("extract", str(decks), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "same edition and content" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "actionplans.sqlite", "manifest.json", EDITION,
    ]  # fmt: skip


def test_a_rendition_with_different_content_is_kept_apart(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(SEED, decks / "a.md")
    text = SEED.read_text(encoding="utf-8").replace("Kick off", "Ongoing")
    (decks / "b.md").write_text(text, encoding="utf-8")
    code, _, err = run("extract", str(decks), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "different content" in err
    folders = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert folders == [EDITION, f"{EDITION}--markdown"]


def test_rerun_replaces_the_snapshot_and_leaves_no_staging_folders(tmp_path: Path) -> None:
    run("extract", str(SEED), "-o", str(tmp_path))
    (tmp_path / EDITION / "plan.json").write_text("old")
    (tmp_path / EDITION / "notes.csv").write_text("mine")  # not the run's: carried over
    run("extract", str(SEED), "-o", str(tmp_path), "--force")
    assert (tmp_path / EDITION / "plan.json").read_text() != "old"
    assert (tmp_path / EDITION / "notes.csv").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actionplans.sqlite", "manifest.json", EDITION,
    ]  # fmt: skip


def test_extra_alias_file_resolves_a_new_spelling(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    text = SEED.read_text(encoding="utf-8")
    deck.write_text(text.replace("(Indra Minsait)", "(Minsait Labs)"), encoding="utf-8")
    aliases = tmp_path / "orgs.csv"
    aliases.write_text(
        "id,name,acronym,aliases,kind,parent,country\n"
        "indra-minsait,Indra Minsait,,Minsait|Minsait Labs,company,,Spain\n",
        encoding="utf-8",
    )

    def organisations(*extra: str) -> dict[str, bool]:
        out = tmp_path / f"out{len(extra)}"
        code, _, err = run("extract", str(deck), "-o", str(out), *extra)
        assert code == 0, err
        plan = json.loads((out / EDITION / "plan.json").read_text(encoding="utf-8"))
        return {o["id"]: o["known"] for o in plan["organisations"]}

    assert organisations()["minsait-labs"] is False
    with_aliases = organisations("--aliases", str(aliases))
    assert with_aliases["indra-minsait"] is True and "minsait-labs" not in with_aliases


def test_conflicting_alias_file_is_one_line_naming_it(tmp_path: Path) -> None:
    aliases = tmp_path / "orgs.csv"
    aliases.write_text(
        "id,name,acronym,aliases,kind,parent,country\n"
        "oasc-network,OASC Network,OASC,,association,,\n",
        encoding="utf-8",
    )
    code, _, err = run("extract", str(SEED), "-o", str(tmp_path / "out"), "--aliases", str(aliases))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert str(aliases) in err and "OASC" in err


def test_broken_alias_file_is_one_line(tmp_path: Path) -> None:
    aliases = tmp_path / "orgs.csv"
    aliases.write_bytes(b"\xff\xfe\x00broken")
    code, _, err = run("extract", str(SEED), "-o", str(tmp_path / "out"), "--aliases", str(aliases))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and str(aliases) in err


def test_console_script_runs_and_help_is_fast() -> None:
    script = Path(sys.executable).with_name("actionplan")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert "extract" in result.stdout
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys, extractor.cli.main; "
         "print(sorted(m for m in ('pandas', 'dateparser', 'lxml', 'pdfplumber') "
         "if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.strip() == "[]"
