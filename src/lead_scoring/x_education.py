"""The X Education leads (../shared/datasets/x_education/Leads.csv) as raw files of this project.

The file has one row per lead and its outcome (`Converted`), but no dates and no event log. The
mapping:

- `leads.csv`: `lead_id` = `Prospect ID`; every lead created at 09:00 on the day before the
  cut-off (an earlier cut-off has no leads); every other column under its own name (spaces
  included), a rule names it in lower case (`lead origin`, `total time spent on website`).
  `Select` (the form's default, the data set's "unknown") becomes blank. The columns that
  sales fill in after the first contact leak the outcome and are left out: `Tags`,
  `Lead Quality`, `Lead Profile` and the four `Asymmetrique` columns; so is `Converted`.
- `conversions.csv`: a lead with `Converted` = 1 converts at 09:00 `converts_after` (30) days
  after the cut-off, inside the evaluation's 90-day horizon.
- `lead_events.csv`: empty (the visits and the last activity are attributes of the lead).

So the evaluation at the cut-off judges every lead on its attributes against its outcome.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

LEAKING = frozenset(
    {
        "Tags",
        "Lead Quality",
        "Lead Profile",
        "Asymmetrique Activity Index",
        "Asymmetrique Profile Index",
        "Asymmetrique Activity Score",
        "Asymmetrique Profile Score",
    }
)
ID, OUTCOME, UNKNOWN = "Prospect ID", "Converted", "Select"
DEFAULT_CUTOFF = date(2025, 12, 15)


class XEducationError(ValueError):
    """A file that is not the X Education leads file."""


def convert(
    source: Path,
    out_dir: Path,
    cutoff: date = DEFAULT_CUTOFF,
    converts_after: int = 30,
) -> dict[str, int]:
    """Writes leads.csv, lead_events.csv and conversions.csv into `out_dir`; returns the
    counts of leads and conversions."""
    with source.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    # headers are matched trimmed and in any case, like the project's raw files
    by_name = {column.strip().lower(): column for column in header}
    missing = [column for column in (ID, OUTCOME) if column.lower() not in by_name]
    if missing:
        raise XEducationError(f"{source}: no column {', '.join(missing)} (header: {header})")
    lead_id, converted_column = by_name[ID.lower()], by_name[OUTCOME.lower()]
    left_out = {column.lower() for column in LEAKING | {ID, OUTCOME}}
    kept = [column for column in header if column.strip().lower() not in left_out]
    created_at = f"{cutoff - timedelta(days=1)} 09:00:00"
    converted_at = f"{cutoff + timedelta(days=converts_after)} 09:00:00"
    out_dir.mkdir(parents=True, exist_ok=True)
    conversions = 0
    with (
        (out_dir / "leads.csv").open("w", newline="", encoding="utf-8") as leads_file,
        (out_dir / "conversions.csv").open("w", newline="", encoding="utf-8") as conversions_file,
    ):
        leads = csv.writer(leads_file, lineterminator="\n")
        converted = csv.writer(conversions_file, lineterminator="\n")
        leads.writerow(["lead_id", "created_at", *kept])
        converted.writerow(["lead_id", "converted_at"])
        for line, row in enumerate(rows, start=2):
            outcome = (row[converted_column] or "").strip()
            if outcome not in {"0", "1"}:
                raise XEducationError(
                    f"{source}, line {line}: Converted is {row[converted_column]!r}, not 0 or 1"
                )
            values = ["" if row[column] == UNKNOWN else row[column] for column in kept]
            leads.writerow([row[lead_id], created_at, *values])
            if outcome == "1":
                converted.writerow([row[lead_id], converted_at])
                conversions += 1
    with (out_dir / "lead_events.csv").open("w", newline="", encoding="utf-8") as events:
        events.write("event_id,lead_id,event_type,occurred_at,event_detail\n")
    return {"leads": len(rows), "conversions": conversions}
