"""The Streamlit dashboard over a scored DuckDB file: `lead-scoring dashboard` runs it
(`streamlit run app.py -- DATABASE`). Pages: overview, matrix, call now, scorecard health,
data quality. A chart is drawn only over rows; where a mart has none, the page says why."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from lead_scoring.dashboard.queries import SEGMENTS, Marts

SEGMENT_COLOURS = {"red": "#c0392b", "purple": "#7d3c98", "blue": "#2e86c1"}


def marts() -> Marts:
    return Marts(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("target/lead_scoring.duckdb"))


def chart(spec: alt.Chart | alt.LayerChart, key: str) -> None:
    """An Altair chart drawn as SVG (its marks are in the page, for the browser test)."""
    st.altair_chart(spec.properties(usermeta={"embedOptions": {"renderer": "svg"}}), key=key)


def pick_scorecard(data: Marts, key: str) -> str:
    scorecards = data.scorecards()
    if not scorecards:
        st.warning("lead_scores has no row: score some leads first (./scripts/demo.sh).")
        st.stop()
    return str(st.selectbox("Scorecard", scorecards, key=key))


def overview() -> None:
    st.title("Lead scoring")
    data = marts()
    scorecard_id = pick_scorecard(data, "overview_scorecard")
    totals = data.totals(scorecard_id)
    st.caption(f"Scores as of {totals['as_of_date']:%Y-%m-%d}, scorecard {scorecard_id}.")
    columns = st.columns(5)
    for column, (label, name) in zip(
        columns,
        [
            ("Leads scored", "leads"),
            ("Hot leads", "hot_leads"),
            ("MQLs", "mqls"),
            ("SQLs", "sqls"),
            ("Red segment (sales now)", "red_leads"),
        ],
        strict=True,
    ):
        column.metric(label, f"{int(totals[name]):,}")

    st.header("Tiers and segments")
    tiers = data.tiers(scorecard_id)
    segments = data.segments(scorecard_id)
    left, right = st.columns(2)
    with left:
        chart(
            alt.Chart(tiers, title="Leads per tier")
            .mark_bar()
            .encode(x=alt.X("tier:N", sort=list(tiers["tier"])), y="leads:Q", tooltip=["leads"]),
            "tiers_chart",
        )
    with right:
        chart(
            alt.Chart(segments, title="Leads per segment")
            .mark_bar()
            .encode(
                x=alt.X("segment:N", sort=list(SEGMENTS)),
                y="leads:Q",
                color=alt.Color(
                    "segment:N",
                    scale=alt.Scale(
                        domain=list(SEGMENT_COLOURS), range=list(SEGMENT_COLOURS.values())
                    ),
                    legend=None,
                ),
                tooltip=["leads"],
            ),
            "segments_chart",
        )
    st.table(tiers.rename(columns={"mqls": "MQLs"}).set_index("tier"))

    st.header("New MQLs and SQLs per week, last quarter")
    st.caption(
        "A lead counts once, in the week (from Monday) of its first MQL or SQL day in the "
        "score history (lead_funnel)."
    )
    weekly = data.weekly(scorecard_id)
    long = weekly.melt("week_on", var_name="stage", value_name="leads")
    chart(
        alt.Chart(long, title="New MQLs and SQLs per week")
        .mark_bar()
        .encode(
            x=alt.X("yearmonthdate(week_on):O", title="week"),
            xOffset="stage:N",
            y="leads:Q",
            color="stage:N",
            tooltip=["week_on:T", "stage", "leads"],
        ),
        "weekly_chart",
    )


def matrix_grid(cells: pd.DataFrame) -> str:
    """The matrix as an HTML grid: grades down, levels across, each cell in its segment's
    colour with its leads and pooled conversion rate."""
    parts = ['<div class="matrix"><div class="head">fit \\ engagement</div>']
    parts += [f'<div class="head">level {level}</div>' for level in range(1, 5)]
    for cell in cells.itertuples():
        if cell.engagement_level == 1:
            parts.append(f'<div class="head">grade {html.escape(cell.fit_grade)}</div>')
        rate = (
            "not evaluated"
            if pd.isna(cell.conversion_rate)
            else f"{cell.conversion_rate:.1%} converted"
        )
        segment = html.escape(str(cell.segment))
        parts.append(
            f'<div class="cell" data-cell="{html.escape(cell.matrix_cell)}" '
            f'data-leads="{cell.leads}" title="{html.escape(str(cell.segment_action))}" '
            f'style="background:{SEGMENT_COLOURS.get(str(cell.segment), "#777")}">'
            f"<b>{html.escape(cell.matrix_cell)} · {segment}</b>"
            f'<div class="leads">{cell.leads:,} leads</div><div>{rate}</div></div>'
        )
    parts.append("</div>")
    style = (
        "<style>.matrix{display:grid;grid-template-columns:7rem repeat(4,1fr);gap:4px}"
        ".matrix .head{font-size:.8rem;color:#555;align-self:center;text-align:center}"
        ".matrix .cell{border-radius:4px;padding:.5rem;color:#fff;font-size:.85rem}"
        ".matrix .leads{font-size:1.2rem}</style>"
    )
    return style + "".join(parts)


def matrix() -> None:
    st.title("Fit x engagement matrix")
    data = marts()
    scorecard_id = pick_scorecard(data, "matrix_scorecard")
    st.markdown(
        "Each cell is a fit grade (A best .. D) and an engagement level (1 most engaged .. 4), "
        "coloured by its segment (the `matrix_segments` seed): **red** sales now, **purple** "
        "nurture, **blue** low priority. The conversion rate is the share of the cell's leads "
        "at the evaluation's past cut-off days that converted within the horizon "
        "(`scorecard_evaluation_bands`, all cut-offs pooled)."
    )
    cells = data.matrix(scorecard_id)
    st.html(matrix_grid(cells))
    base = alt.Chart(cells).encode(
        x=alt.X("engagement_level:O", title="engagement level"),
        y=alt.Y("fit_grade:O", title="fit grade"),
    )
    chart(
        (
            base.mark_rect().encode(color=alt.Color("leads:Q", scale=alt.Scale(scheme="blues")))
            + base.mark_text().encode(text="leads:Q")
        ).properties(title="Leads per cell"),
        "matrix_leads_chart",
    )
    evaluated = cells.dropna(subset=["conversion_rate"])
    if evaluated.empty:
        st.info("No evaluation of this scorecard yet: no conversion rate per cell.")
    else:
        rates = alt.Chart(evaluated).encode(
            x=alt.X("engagement_level:O", title="engagement level"),
            y=alt.Y("fit_grade:O", title="fit grade"),
        )
        chart(
            (
                rates.mark_rect().encode(
                    color=alt.Color("conversion_rate:Q", scale=alt.Scale(scheme="greens"))
                )
                + rates.mark_text().encode(text=alt.Text("conversion_rate:Q", format=".1%"))
            ).properties(title="Conversion rate per cell (evaluation)"),
            "matrix_rates_chart",
        )


def call_now() -> None:
    st.title("Call now")
    st.markdown(
        "The leads for sales today: every lead of the **red** segment (high fit, high "
        "engagement) and every **SQL** (a sales trigger such as a demo request), SQLs first, "
        "then by score, with the reasons of each score."
    )
    data = marts()
    scorecard_id = pick_scorecard(data, "call_scorecard")
    segments = st.multiselect("Segments", list(SEGMENTS), default=list(SEGMENTS))
    leads = data.call_now(scorecard_id, segments)
    left, right = st.columns(2)
    left.metric("Leads to call", f"{len(leads):,}")
    right.metric("of which SQLs", f"{int(leads['is_sql'].sum()):,}")
    if leads.empty:
        st.info("No red-segment lead and no SQL among the segments chosen.")
        return
    st.dataframe(leads, hide_index=True, width="stretch")


def scorecard_health() -> None:
    st.title("Scorecard health")
    st.markdown(
        "Does the scorecard still predict conversions? Each lead is scored as it stood at past "
        "cut-off days (the score history) and followed for the horizon: did it convert? "
        "`scorecard_evaluation` has the figures per cut-off and pooled; this page shows the "
        "pooled ones."
    )
    data = marts()
    evaluation = data.evaluation()
    if evaluation.empty:
        st.info(
            "No evaluation yet: it needs conversions and a score history that covers a cut-off "
            "day and its horizon (vars evaluation_cutoffs, evaluation_horizon_days, "
            "history_days)."
        )
    else:
        st.table(evaluation.set_index("scorecard_id"))
        chart(
            alt.Chart(evaluation, title="AUC per scorecard (0.5 is a coin toss)")
            .mark_bar()
            .encode(x="scorecard_id:N", y=alt.Y("auc:Q", scale=alt.Scale(domain=[0, 1]))),
            "auc_chart",
        )
        scorecard_id = st.selectbox("Scorecard", list(evaluation["scorecard_id"]))
        tiers = data.bands(scorecard_id, "tier")
        chart(
            alt.Chart(tiers, title="Conversion rate per tier")
            .mark_bar()
            .encode(
                x=alt.X("band:N", title="tier", sort=list(tiers["band"])),
                y=alt.Y("conversion_rate:Q", axis=alt.Axis(format="%")),
                tooltip=["leads", "conversions", "conversion_rate"],
            ),
            "tier_rates_chart",
        )
        deciles = data.bands(scorecard_id, "score_decile")
        gains = pd.concat(
            [
                pd.DataFrame({"lead_share": [0.0], "conversion_share": [0.0]}),
                deciles.rename(
                    columns={
                        "cumulative_lead_share": "lead_share",
                        "cumulative_conversion_share": "conversion_share",
                    }
                )[["lead_share", "conversion_share"]],
            ]
        )
        gains["random"] = gains["lead_share"]
        chart(
            alt.Chart(
                gains.melt("lead_share", var_name="line", value_name="share"),
                title="Gains: share of conversions among the best-scored share of leads",
            )
            .mark_line(point=True)
            .encode(
                x=alt.X("lead_share:Q", axis=alt.Axis(format="%")),
                y=alt.Y("share:Q", axis=alt.Axis(format="%")),
                color="line:N",
            ),
            "gains_chart",
        )
        st.subheader("Rules that point the wrong way")
        wrong = data.wrong_way_rules(scorecard_id)
        if wrong.empty:
            st.success("No rule of this scorecard points the wrong way.")
        else:
            st.caption("Their points push against what the conversions say: candidates to change.")
            st.table(wrong.set_index("rule_id"))

    st.header("The last scorecard change")
    comparison = data.comparison()
    if comparison.empty:
        st.info(
            "No scorecard names a baseline_scorecard_id, so there is no change to show. Give "
            "the new scorecard of a change its predecessor as baseline in the scorecards seed "
            "(both active), or run `lead-scoring diff --against HEAD~1`."
        )
        return
    st.table(comparison.set_index("scorecard_id"))
    for scorecard_id in comparison["scorecard_id"]:
        transitions = data.tier_transitions(scorecard_id)
        base = alt.Chart(transitions).encode(
            x=alt.X("tier:N", sort=list(transitions.sort_values("tier_rank")["tier"].unique())),
            y=alt.Y(
                "baseline_tier:N",
                sort=list(transitions.sort_values("baseline_tier_rank")["baseline_tier"].unique()),
            ),
        )
        chart(
            (
                base.mark_rect().encode(color="leads:Q") + base.mark_text().encode(text="leads:Q")
            ).properties(title=f"{scorecard_id}: leads by baseline tier (rows) and new tier"),
            f"transitions_chart_{scorecard_id}",
        )


def data_quality() -> None:
    st.title("Data quality")
    st.markdown(
        "Every input row is scored or reported: `data_quality_reconciliation` adds them up per "
        "source (input rows = scored + reported + exact duplicates + after as_of), "
        "`data_quality_issues` names each row left out of scoring, and each value that could "
        "not be read, and why."
    )
    data = marts()
    st.table(data.reconciliation().set_index("source_name"))
    counts = data.issue_counts()
    if counts.empty:
        st.success("No issue: every input row was scored.")
        return
    chart(
        alt.Chart(counts, title="Issues per source and code")
        .mark_bar()
        .encode(y=alt.Y("issue_code:N", sort="-x"), x="issues:Q", color="source_name:N"),
        "issues_chart",
    )
    st.dataframe(data.issues(), hide_index=True, width="stretch")


PAGES = [
    st.Page(overview, title="Overview", url_path="overview", default=True),
    st.Page(matrix, title="Fit x engagement matrix", url_path="matrix"),
    st.Page(call_now, title="Call now", url_path="call-now"),
    st.Page(scorecard_health, title="Scorecard health", url_path="scorecard-health"),
    st.Page(data_quality, title="Data quality", url_path="data-quality"),
]

st.set_page_config(page_title="Lead scoring", layout="wide")
st.navigation(PAGES).run()
# the page's last element: its script ran to the end (the browser test waits for it)
st.markdown('<span id="page-rendered"></span>', unsafe_allow_html=True)
