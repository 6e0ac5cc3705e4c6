"""The X Education loader (lead_scoring.x_education) and the hand scorecard of
examples/x_education, on rows written under the real Leads.csv header.

Hand scorecard points (examples/x_education/scorecard_rules.csv; one rule per group counts,
the one with the most points): form +30 / landing page +10 (origin), referred +20 (source),
working professional +25 / student -5 (occupation), time on site >= 1000 +25 / >= 500 +15 /
>= 200 +5, visits >= 5 +5, last activity phone +20 / SMS +15 / email opened +5 / bounced -15,
do not email -10. Hot from 60, warm from 40.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import background
import pytest
from scenario import PROJECT_DIR, Row, copy_project, dbt_env, dbt_or_fail, read_mart

from lead_scoring import x_education

HEADER = next(
    csv.reader(
        [
            "Prospect ID,Lead Number,Lead Origin,Lead Source,Do Not Email,Do Not Call,Converted,"
            "TotalVisits,Total Time Spent on Website,Page Views Per Visit,Last Activity,Country,"
            "Specialization,How did you hear about X Education,What is your current occupation,"
            "What matters most to you in choosing a course,Search,Magazine,Newspaper Article,"
            "X Education Forums,Newspaper,Digital Advertisement,Through Recommendations,"
            "Receive More Updates About Our Courses,Tags,Lead Quality,"
            "Update me on Supply Chain Content,"
            "Get updates on DM Content,Lead Profile,City,Asymmetrique Activity Index,"
            "Asymmetrique Profile Index,Asymmetrique Activity Score,Asymmetrique Profile Score,"
            "I agree to pay the amount through cheque,A free copy of Mastering The Interview,"
            "Last Notable Activity"
        ]
    )
)

ROWS = [
    # 30 form + 20 referred + 25 professional + 25 time + 5 visits + 15 SMS = 120 -> 100, hot
    {"Prospect ID": "X1", "Lead Origin": "Lead Add Form", "Lead Source": "Reference",
     "What is your current occupation": "Working Professional", "TotalVisits": "6",
     "Total Time Spent on Website": "1200", "Last Activity": "SMS Sent", "Do Not Email": "No",
     "Converted": "1", "Tags": "Closed by Horizzon", "Lead Quality": "High in Relevance"},
    # 10 landing page + 15 time (600) + 5 email opened = 30, cold
    {"Prospect ID": "X2", "Lead Origin": "Landing Page Submission", "Lead Source": "Google",
     "What is your current occupation": "Unemployed", "TotalVisits": "2",
     "Total Time Spent on Website": "600", "Last Activity": "Email Opened", "Do Not Email": "No",
     "Converted": "0", "Tags": "Will revert after reading the email"},
    # -5 student - 15 bounced - 10 do not email = -30 -> 0
    {"Prospect ID": "X3", "Lead Origin": "API", "Lead Source": "Olark Chat",
     "What is your current occupation": "Student", "TotalVisits": "0",
     "Total Time Spent on Website": "100", "Last Activity": "Email Bounced",
     "Do Not Email": "Yes", "Converted": "0"},
    # `Select` is unknown (no rule matches a blank); 250 s: +5
    {"Prospect ID": "X4", "Lead Origin": "API", "Lead Source": "Select",
     "What is your current occupation": "Select", "TotalVisits": "",
     "Total Time Spent on Website": "250", "Last Activity": "Select", "Do Not Email": "No",
     "Converted": "1", "Lead Profile": "Select"},
]  # fmt: skip
EXPECTED = {"X1": (100, "hot"), "X2": (30, "cold"), "X3": (0, "cold"), "X4": (5, "cold")}


def write_leads(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_mapping(tmp_path: Path) -> None:
    write_leads(tmp_path / "Leads.csv", ROWS)
    counts = x_education.convert(tmp_path / "Leads.csv", tmp_path / "raw")
    assert counts == {"leads": 4, "conversions": 2}
    with (tmp_path / "raw" / "leads.csv").open(newline="", encoding="utf-8") as handle:
        leads = list(csv.DictReader(handle))
    left_out = {"Prospect ID", "Converted", "Tags", "Lead Quality", "Lead Profile"}
    assert list(leads[0]) == [
        "lead_id",
        "created_at",
        *(c for c in HEADER if c not in left_out and not c.startswith("Asymmetrique")),
    ]
    # the day before the shipped cut-off (2025-12-15); Select is blank
    assert {lead["created_at"] for lead in leads} == {"2025-12-14 09:00:00"}
    assert (leads[3]["Lead Source"], leads[3]["What is your current occupation"]) == ("", "")
    with (tmp_path / "raw" / "conversions.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["lead_id", "converted_at"],
            ["X1", "2026-01-14 09:00:00"],  # 30 days after the cut-off
            ["X4", "2026-01-14 09:00:00"],
        ]


def test_odd_headers_and_only_the_required_columns(tmp_path: Path) -> None:
    """A file with only the two columns the mapping needs, spelled with spaces and in
    another case, maps: a lead without attributes, its conversion."""
    (tmp_path / "Leads.csv").write_text(" prospect id ,CONVERTED\nP1,1\nP2,0\n")
    assert x_education.convert(tmp_path / "Leads.csv", tmp_path / "raw") == {
        "leads": 2,
        "conversions": 1,
    }
    leads = (tmp_path / "raw" / "leads.csv").read_text().splitlines()
    assert leads == ["lead_id,created_at", "P1,2025-12-14 09:00:00", "P2,2025-12-14 09:00:00"]


def test_a_bad_outcome_names_the_line(tmp_path: Path) -> None:
    write_leads(tmp_path / "Leads.csv", [ROWS[0], {**ROWS[1], "Converted": "yes"}])
    with pytest.raises(x_education.XEducationError, match=r"Leads.csv, line 3: Converted is 'yes'"):
        x_education.convert(tmp_path / "Leads.csv", tmp_path / "raw")


@background.job("x_education_scores")
def build_x_education(workdir: Path) -> list[Row]:
    project, source = workdir / "project", workdir / "Leads.csv"
    project.mkdir()
    copy_project(project)
    for seed in ("scorecards", "scorecard_rules"):
        target = project / "seeds" / f"{seed}.csv"
        target.write_bytes((PROJECT_DIR / "examples" / "x_education" / f"{seed}.csv").read_bytes())
    write_leads(source, ROWS)
    x_education.convert(source, workdir / "raw")
    env = dbt_env(project, workdir)
    dbt_vars = {"as_of": "2025-12-15", "raw_path": str(workdir / "raw"), "history_days": 0}
    dbt_or_fail(project, ["build", "--vars", json.dumps(dbt_vars)], env, "x_education")
    return read_mart("duckdb", "lead_scores", env)


@pytest.fixture(scope="module")
def x_education_scores() -> list[Row]:
    result: list[Row] = background.result("x_education_scores")
    return result


def test_the_hand_scorecard_names_the_columns_as_the_file_does(
    x_education_scores: list[Row],
) -> None:
    assert {
        row["lead_id"]: (row["total_score"], row["tier"]) for row in x_education_scores
    } == EXPECTED
