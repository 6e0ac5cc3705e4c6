"""A plain-text report of the scores for a marketer: per scorecard, how many leads are hot,
warm, cold or dead, what each priority segment should get, the MQL / SQL counts and the top
leads with their reasons. Reads the marts of a DuckDB file built by `dbt build`."""

from collections.abc import Sequence
from pathlib import Path

import duckdb

TIERS = ("hot", "warm", "cold", "dead")
SEGMENTS = ("red", "purple", "blue")
TOP_N = 10
REASONS_WIDTH = 72
QUARTER_WEEKS = 13


class SummaryError(Exception):
    """The database does not hold scores to summarise."""


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def table_exists(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    row = connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    return bool(row and row[0])


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: str) -> list[str]:
    """Aligned columns; `right` has one letter per column, "r" for right-aligned."""
    cells = [[str(value) for value in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        parts = [
            value.rjust(width) if align == "r" else value.ljust(width)
            for value, width, align in zip(row, widths, right, strict=True)
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def segment_actions(connection: duckdb.DuckDBPyConnection, schema: str) -> dict[str, str]:
    """Segment -> the action it calls for, from the matrix_segments seed (if it is there)."""
    seed_schema = f"{schema}_scorecard"
    if not table_exists(connection, seed_schema, "matrix_segments"):
        return {}
    rows = connection.execute(
        f"select lower(trim(segment)), min(segment_action) "
        f"from {quote(seed_schema)}.matrix_segments where segment is not null group by 1"
    ).fetchall()
    return {segment: action or "" for segment, action in rows}


def scorecard_report(
    connection: duckdb.DuckDBPyConnection, scores: str, scorecard_id: str, actions: dict[str, str]
) -> list[str]:
    as_of, leads, mql, sql, excluded = connection.execute(
        f"select max(as_of_date), count(*), count(*) filter (where is_mql),"
        f" count(*) filter (where is_sql), count(*) filter (where is_excluded)"
        f" from {scores} where scorecard_id = ?",
        [scorecard_id],
    ).fetchone() or (None, 0, 0, 0, 0)
    tiers = dict(
        connection.execute(
            f"select tier, count(*) from {scores} where scorecard_id = ? group by 1",
            [scorecard_id],
        ).fetchall()
    )
    segments = dict(
        connection.execute(
            f"select coalesce(lower(segment), '(none)'), count(*) from {scores}"
            f" where scorecard_id = ? group by 1",
            [scorecard_id],
        ).fetchall()
    )
    top = connection.execute(
        f"select lead_id, total_score, tier, matrix_cell, coalesce(score_reasons, '')"
        f" from {scores} where scorecard_id = ?"
        # clamped scores tie at 100: the points before clamping rank them
        f" order by total_score desc, fit_points + engagement_points desc, lead_id limit {TOP_N}",
        [scorecard_id],
    ).fetchall()

    lines = [
        f"Scorecard {scorecard_id} - scores as of {as_of}",
        "=" * len(f"Scorecard {scorecard_id} - scores as of {as_of}"),
        f"{leads:,} leads scored",
        "",
    ]
    tier_rows = [
        (tier, f"{tiers.get(tier, 0):,}", percent(tiers.get(tier, 0), leads)) for tier in TIERS
    ]
    tier_rows += [
        (tier or "(none)", f"{count:,}", percent(count, leads))
        for tier, count in sorted(tiers.items(), key=lambda item: str(item[0]))
        if tier not in TIERS
    ]
    lines += format_table(("Tier", "Leads", "%"), tier_rows, "lrr")
    lines.append("")
    ordered = [s for s in SEGMENTS if s in segments] + sorted(
        s for s in segments if s not in SEGMENTS
    )
    segment_rows = [
        (
            segment,
            f"{segments[segment]:,}",
            percent(segments[segment], leads),
            actions.get(segment, ""),
        )
        for segment in ordered
    ]
    lines += format_table(("Segment", "Leads", "%", "Action"), segment_rows, "lrrl")
    lines.append("")
    lines.append(
        f"  MQL: {mql:,} ({percent(mql, leads)})   SQL: {sql:,} ({percent(sql, leads)})"
        f"   Excluded: {excluded:,} ({percent(excluded, leads)})"
    )
    lines.append("")
    lines.append(f"Top {len(top)} leads")
    top_rows = [
        (lead_id, score, tier, cell, shorten(reasons, REASONS_WIDTH))
        for lead_id, score, tier, cell, reasons in top
    ]
    lines += format_table(("Lead", "Score", "Tier", "Cell", "Reasons"), top_rows, "lrlll")
    return lines


def new_mql_report(
    connection: duckdb.DuckDBPyConnection, schema: str, scorecard_id: str
) -> list[str]:
    """New MQLs (leads whose first MQL episode of the history starts that week) per week of
    the last quarter up to as_of, and re-MQLs (later episodes), from lead_stage_episodes."""
    rows = connection.execute(
        f"""
        with weeks as (
            select
                cast(date_trunc('week', started_on) as date) as week,
                count(*) filter (where episode_number = 1 and not is_started_before_history)
                    as new_mqls,
                count(*) filter (where episode_number > 1) as re_mqls
            from {quote(schema)}.lead_stage_episodes
            where stage = 'mql' and scorecard_id = ?
            group by 1
        )
        select week, new_mqls, re_mqls from weeks
        where week > (select max(week) from weeks) - interval {QUARTER_WEEKS} week
        order by week
        """,
        [scorecard_id],
    ).fetchall()
    if not rows:
        return ["  New MQLs per week: none in the history"]
    return [
        "  New MQLs per week (first MQL day in the history; a re-MQL is an MQL again after it"
        " dropped out)",
        *format_table(
            ("Week of", "New MQLs", "Re-MQLs"),
            [(week, f"{new:,}", f"{again:,}") for week, new, again in rows],
            "lrr",
        ),
    ]


def evaluation_report(
    connection: duckdb.DuckDBPyConnection, schema: str, scorecard_id: str
) -> list[str]:
    """How the scorecard's past scores predicted conversions: the pooled row of
    scorecard_evaluation and the conversion by tier (scorecard_evaluation_bands)."""
    pooled = connection.execute(
        f"select cutoffs, horizon_days, leads, conversions, auc, gini, ks, mql_lift,"
        f" mql_recall, top_decile_lift from {quote(schema)}.scorecard_evaluation"
        " where scorecard_id = ? and is_pooled",
        [scorecard_id],
    ).fetchone()
    if pooled is None:
        return ["  Evaluation: no cut-off with a full horizon in the history"]
    cutoffs, horizon, leads, conversions, auc, gini, ks, mql_lift, recall, top_lift = pooled
    if auc is None:
        return [
            f"  Evaluation ({cutoffs} cut-offs, {leads:,} lead-days): no conversion within"
            f" {horizon} days of a cut-off (file conversions), nothing to judge"
        ]

    def figure(value: float | None, digits: int = 2) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    tiers = connection.execute(
        f"select band, leads, conversions, conversion_rate, lift"
        f" from {quote(schema)}.scorecard_evaluation_bands"
        " where scorecard_id = ? and is_pooled and band_type = 'tier' order by band_rank",
        [scorecard_id],
    ).fetchall()
    return [
        f"  Evaluation: conversions within {horizon} days of {cutoffs} past cut-offs"
        f" ({leads:,} lead-days, {conversions:,} converted; scorecard_evaluation)",
        f"  AUC {figure(auc, 3)}   Gini {figure(gini, 3)}   KS {figure(ks, 3)}"
        f"   MQL lift {figure(mql_lift)} (recall {recall:.0%})"
        f"   top-decile lift {figure(top_lift)}",
        *format_table(
            ("Tier then", "Leads", "Converted", "Rate", "Lift"),
            [
                (band, f"{count:,}", f"{converted:,}", percent(converted, count), figure(lift))
                for band, count, converted, _, lift in tiers
            ],
            "lrrrr",
        ),
    ]


def data_quality_report(connection: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    """Input rows left out of scoring (or with an unreadable number), per source and reason."""
    rows = connection.execute(
        f"select source_name, issue_code, count(*), count(*) filter (where is_row_left_out) "
        f"from {quote(schema)}.data_quality_issues group by 1, 2 order by 1, 2"
    ).fetchall()
    if not rows:
        return ["Data-quality issues: none"]
    total = sum(row[2] for row in rows)
    left_out = sum(row[3] for row in rows)
    return [
        f"Data-quality issues: {total:,} ({left_out:,} input rows left out of scoring; "
        "see table data_quality_issues)",
        *format_table(
            ["Source", "Issue", "Rows"],
            [(source, code, f"{count:,}") for source, code, count, _ in rows],
            "llr",
        ),
    ]


def summarize(duckdb_path: Path, schema: str = "main") -> str:
    """The report, one block per scorecard, read from `<schema>.lead_scores` (and the seeds in
    `<schema>_scorecard`)."""
    if not Path(duckdb_path).is_file():
        raise SummaryError(f"{duckdb_path}: no such DuckDB file (run `dbt build` first)")
    connection = duckdb.connect(str(duckdb_path), read_only=True)
    try:
        if not table_exists(connection, schema, "lead_scores"):
            raise SummaryError(f"{duckdb_path}: no table {schema}.lead_scores (run `dbt build`)")
        scores = f"{quote(schema)}.lead_scores"
        scorecards = [
            row[0]
            for row in connection.execute(
                f"select distinct scorecard_id from {scores} order by 1"
            ).fetchall()
        ]
        if not scorecards:
            return f"No leads scored: {schema}.lead_scores is empty."
        actions = segment_actions(connection, schema)
        history = table_exists(connection, schema, "lead_stage_episodes")
        evaluation = table_exists(connection, schema, "scorecard_evaluation")
        blocks = [
            "\n".join(
                scorecard_report(connection, scores, scorecard_id, actions)
                + (["", *new_mql_report(connection, schema, scorecard_id)] if history else [])
                + (["", *evaluation_report(connection, schema, scorecard_id)] if evaluation else [])
            )
            for scorecard_id in scorecards
        ]
        if table_exists(connection, schema, "data_quality_issues"):
            blocks.append("\n".join(data_quality_report(connection, schema)))
        return "\n\n".join(blocks) + "\n"
    finally:
        connection.close()
