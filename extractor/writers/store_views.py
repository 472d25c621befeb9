"""The store's views for dashboards: schedules, statuses, who leads what, the latest edition."""

from __future__ import annotations

LEADERS_OF = """(SELECT group_concat(who, '; ') FROM (
    SELECT coalesce(l.name, l.organisation_names, l.raw) AS who FROM leaders AS l
    WHERE l.edition_id = {owner}.edition_id AND l.group_id = {owner}.group_id
      AND l.working_group_id IS {owner}.working_group_id ORDER BY l.seq))"""

# The edition with the latest period (editions without one only when no edition has one).
LATEST = """(SELECT edition_id FROM editions
    ORDER BY period_start IS NULL, period_start DESC, period_end DESC, edition_id DESC LIMIT 1)"""

VIEWS = {
    "meeting_schedule": f"""
SELECT m.edition_id, e.label AS edition_label, m.group_id, g.name AS group_name,
       m.working_group_id, w.number AS working_group_number, w.title AS working_group_title,
       {LEADERS_OF.format(owner="m")} AS leaders,
       m.start, m."end", m.start_utc, m.end_utc, m.start_local, m.end_local, m.timezone, m.raw,
       m.source_location
FROM meetings AS m
JOIN editions AS e ON e.edition_id = m.edition_id
JOIN thematic_groups AS g ON g.edition_id = m.edition_id AND g.group_id = m.group_id
LEFT JOIN working_groups AS w
  ON w.edition_id = m.edition_id AND w.working_group_id = m.working_group_id""",
    "working_group_status": f"""
SELECT w.edition_id, e.label AS edition_label, e.period_start, e.period_end,
       w.group_id, g.name AS group_name, g.stage AS group_stage, w.working_group_id,
       w.lineage_id, w.number, w.title, w.status, w.status_raw,
       {LEADERS_OF.format(owner="w")} AS leaders,
       w.timeline_raw, w.expected_publication_raw, w.meetings, w.deliverables
FROM working_groups AS w
JOIN editions AS e ON e.edition_id = w.edition_id
JOIN thematic_groups AS g ON g.edition_id = w.edition_id AND g.group_id = w.group_id""",
    "leadership": """
SELECT l.edition_id, e.label AS edition_label, l.group_id, g.name AS group_name,
       l.working_group_id, w.title AS working_group_title, l.role, l.person_id, l.name,
       l.organisation_ids, l.organisation_names, l.country, l.position
FROM leaders AS l
JOIN editions AS e ON e.edition_id = l.edition_id
JOIN thematic_groups AS g ON g.edition_id = l.edition_id AND g.group_id = l.group_id
LEFT JOIN working_groups AS w
  ON w.edition_id = l.edition_id AND w.working_group_id = l.working_group_id""",
    "edition_summary": """
SELECT e.edition_id, e.label, e.title, e.period_start, e.period_end, e.source_format,
       (SELECT count(*) FROM thematic_groups AS t WHERE t.edition_id = e.edition_id)
           AS thematic_groups,
       (SELECT count(*) FROM working_groups AS t WHERE t.edition_id = e.edition_id)
           AS working_groups,
       (SELECT count(*) FROM meetings AS t WHERE t.edition_id = e.edition_id) AS meetings,
       (SELECT count(*) FROM people AS t WHERE t.edition_id = e.edition_id) AS people,
       (SELECT count(*) FROM warnings AS t WHERE t.edition_id = e.edition_id) AS warnings
FROM editions AS e""",
    "latest_edition": f"SELECT * FROM editions WHERE edition_id = {LATEST}",
    "latest_thematic_groups": f"SELECT * FROM thematic_groups WHERE edition_id = {LATEST}",
    "latest_working_groups": f"SELECT * FROM working_group_status WHERE edition_id = {LATEST}",
}
