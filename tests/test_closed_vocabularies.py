"""The closed vocabularies as str enums: the schema agrees with them, and they write as text."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from enum import StrEnum

import orjson
import pytest
from sample_paths import ROOT

from extractor.batch.manifest import Entry, EntryStatus, Manifest
from extractor.compare.kinds import ChangeKind, EntityKind, Presence
from extractor.model.dump import plan_to_dict
from extractor.model.kinds import Stage
from extractor.model.load import PlanFileError, load_plan
from extractor.model.plan import DeliverableStatus, LeaderRole, Plan, WorkingGroupStatus

SCHEMA = json.loads((ROOT / "extractor/model/schema/plan.schema.json").read_text("utf-8"))


def schema_enum(definition: str, field: str) -> set[str]:
    """The values the plan schema allows for a field, null left out."""
    allowed = SCHEMA["$defs"][definition]["properties"][field]["enum"]
    return {value for value in allowed if value is not None}


@pytest.mark.parametrize(
    ("kind", "definition", "field"),
    [
        (Stage, "thematic_group", "stage"),
        (WorkingGroupStatus, "working_group", "status"),
        (LeaderRole, "leader", "role"),
        (DeliverableStatus, "deliverable", "status"),
    ],
)
def test_the_schema_allows_exactly_the_enum_values(
    kind: type[StrEnum], definition: str, field: str
) -> None:
    assert schema_enum(definition, field) == {member.value for member in kind}


def test_the_values_are_the_strings_of_the_output_contract() -> None:
    assert [s.value for s in WorkingGroupStatus] == [
        "completed",
        "ongoing",
        "kick-off",
        "proposed",
        "other",
    ]
    assert [c.value for c in ChangeKind] == ["added", "removed", "renamed", "modified"]
    assert [e.value for e in EntityKind] == [
        "thematic_group", "working_group", "leader", "meeting", "deliverable"
    ]  # fmt: skip
    assert [p.value for p in Presence] == ["added", "kept", "removed"]
    assert [s.value for s in EntryStatus] == ["ok", "error", "skipped-unchanged"]


def test_every_writer_writes_an_enum_as_its_plain_value(tmp_path) -> None:
    status = WorkingGroupStatus.KICK_OFF
    assert json.dumps({status: status}) == '{"kick-off": "kick-off"}'
    assert orjson.dumps([status]) == b'["kick-off"]'
    buffer = io.StringIO()
    csv.writer(buffer).writerow([status, f"{status}"])
    assert buffer.getvalue() == "kick-off,kick-off\r\n"
    with sqlite3.connect(tmp_path / "t.sqlite") as db:
        db.execute("create table t (status text)")
        db.execute("insert into t values (?)", (status,))
        assert db.execute("select status, typeof(status) from t").fetchall() == [
            ("kick-off", "text")
        ]


def test_a_loaded_plan_holds_enums(old_plan: Plan, tmp_path) -> None:
    (tmp_path / "plan.json").write_bytes(orjson.dumps(plan_to_dict(old_plan)))
    plan = load_plan(tmp_path)
    group = plan.thematic_groups[0]
    assert group.stage is Stage.ONGOING
    assert all(isinstance(leader.role, LeaderRole) for leader in group.leaders)
    wg = group.working_groups[-1]
    assert (wg.status, type(wg.status)) == ("kick-off", WorkingGroupStatus)
    assert plan == old_plan


def test_a_plan_with_a_status_outside_the_vocabulary_is_not_this_tools(
    old_plan: Plan, tmp_path
) -> None:
    data = plan_to_dict(old_plan)
    data["thematic_groups"][0]["working_groups"][0]["status"] = "paused"
    (tmp_path / "plan.json").write_bytes(orjson.dumps(data))
    with pytest.raises(PlanFileError, match="not a plan.json of this tool"):
        load_plan(tmp_path)


def test_manifest_counts_are_keyed_by_the_status_strings() -> None:
    entries = [
        Entry(input="a.md", status=EntryStatus.OK),
        Entry(input="b.md", status=EntryStatus.ERROR, error="no plan"),
    ]
    manifest = Manifest(settings={}, started="then", entries=entries)
    data = json.loads(json.dumps(manifest.to_dict()))
    assert data["counts"] == {"ok": 1, "error": 1, "skipped-unchanged": 0}
    assert [entry["status"] for entry in data["inputs"]] == ["ok", "error"]
