"""Deterministic, realistic benchmark data for lead scoring, generated inside DuckDB.

    uv run python benchmarks/generate.py --leads 1000000 --out DIR --seed 42 --as-of 2026-03-15

writes DIR/leads.parquet and DIR/lead_events.parquet with the columns of SCORING.md §1 in
their contract types (text, integer, decimal, timestamp):

    leads(lead_id, email, job_title, industry, company_name, company_size, annual_revenue,
          country, created_at)
    lead_events(event_id, lead_id, event_type, occurred_at, event_detail)

Everything is computed by one DuckDB SQL pipeline (range(), hash()-based pseudo-random draws
seeded by --seed, COPY ... TO parquet): no Python loop touches a row, so 1M leads / ~50M events
take well under a minute on 2 cores. The same arguments give the same rows (with the same DuckDB
version: hash() is stable within a version).

What the data looks like (the default scorecard's rules all fire on it):

- leads: B2B contacts created over the two years before --as-of (lead ids grow with time);
  personas with job titles (CEO / founder, directors, VPs, heads of, managers, "Gerente",
  analysts, engineers, students, interns, researchers, professors, blanks), industries,
  ISO-2 countries (a few lower case, blank or not ISO), company sizes from 1 to 50,000 (and
  blanks), revenues, e-mails at company domains, personal domains, universities (.edu),
  competitors (rivalscore.io, leadrival.com, scoremonkey.com) and our own staff
  (northwind-analytics.com). Text has the CRM's usual mixed case and stray spaces.
- events: a long-tailed number per lead (log-normal, mean ~--events-per-lead, from 0 to
  several thousand), spread between the lead's creation and --as-of, each lead more active
  recently or long ago; the event-type mix of the demo data (page views of '/', '/blog/...',
  '/pricing', '/product/...', '/docs/...', '/careers...', e-mail opens and clicks, newsletter
  subscriptions, e-guide / ebook / whitepaper downloads, webinars, trade shows, contact / demo
  / trial requests, unanswered calls, unsubscribes), weighted by the lead's interest profile
  (reader, buyer, newsletter reader, job seeker). The file is in time order, as an event log
  export is, and event ids grow with time.
- the usual dirt, in small doses so that every data-quality path is exercised: duplicate lead
  rows (CRM re-imports), leads created after as_of, events after as_of (export lag), exact
  duplicate event rows, event ids reused by a different row, events of unknown leads, missing
  keys, event types in odd case.

--delta-day D also writes DIR/lead_events_delta.parquet: the events of one more day D (about
0.2% of the history, same profiles) for the daily incremental run of benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from pathlib import Path

import duckdb


def words(text: str) -> list[str]:
    """A list of words written as one text."""
    return text.split()


# --- vocabulary (weights are small integers: a choice is a list with repeats) ----------------

FIRST_NAMES = words(
    "james mary john patricia robert jennifer michael linda david elizabeth william barbara "
    "richard susan joseph jessica thomas sarah chris karen daniel lisa matthew nancy anthony "
    "sandra mark ashley steven emily paul michelle andrew amanda jonas lena felix anna marie "
    "lukas julia pierre camille jordi laia marc marta pau nuria carlos lucia javier elena pablo "
    "sofia diego ana joao beatriz rahul priya arjun wei mei hiroshi yuki sean aoife daan thabo"
)
LAST_NAMES = words(
    "smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez "
    "wilson anderson taylor thomas moore jackson martin lee thompson white harris clark lewis "
    "walker hall allen young king wright scott green baker adams nelson hill campbell mitchell "
    "murphy obrien kelly byrne muller schmidt schneider fischer weber dubois moreau puig soler "
    "vila ferrer serra fernandez gonzalez sanchez silva santos costa sharma patel gupta singh "
    "tan lim wong chen nakamura sato jansen bakker nkosi novak rossi bianchi"
)
COMPANY_A = words(
    "Blue Bright North Silver Quantum Apex Cedar Nova Orbit Pixel Summit Vertex Harbor Iron "
    "Lumen Maple Nimbus Oak Pioneer Red Sage Terra Urban Vivid Willow Zen Atlas Beacon Cobalt "
    "Delta Ember Falcon Granite Helix Indigo Juniper Kestrel Lattice Meridian Onyx Polar Quill"
)
COMPANY_B = words("wave stone field point bridge works line path forge gate leaf peak scale sight")
COMPANY_KIND = ("", "", "", " Labs", " Systems", " Group", " Solutions", " Digital", " Inc.")
PERSONAL_DOMAINS = {"gmail.com": 6, "outlook.com": 2, "yahoo.com": 1, "hotmail.com": 1}
UNIVERSITIES = {
    "Westbrook University|westbrook.edu": 1,
    "State University of Lakeland|lakeland.edu": 1,
    "Harborview College|harborview.edu": 1,
    "Universitat de Barcelona|ub.edu": 1,
    "Kingsbridge University|kingsbridge.edu": 1,
    "Rheinland Technical University|rheinland-tu.edu": 1,
}
COMPETITORS = {
    "RivalScore|rivalscore.io": 1,
    "LeadRival|leadrival.com": 1,
    "ScoreMonkey|scoremonkey.com": 1,
    "LeadRival Ltd|leadrival.com": 1,
}

TITLES_CEO = {"CEO": 4, "Founder": 2, "Co-Founder & CEO": 2, "Chief Executive Officer": 2}
TITLES_DIRECTOR = {
    "Marketing Director": 4, "Director of Marketing": 4, "Head of Growth": 3, "VP Marketing": 3,
    "Vice President, Sales": 2, "Sales Director": 3, "Head of Revenue Operations": 2,
    "Director Comercial": 1, "Chief Marketing Officer": 2,
}  # fmt: skip
TITLES_MANAGER = {
    "Marketing Manager": 6, "Product Manager": 4, "Account Manager": 3, "Sales Manager": 4,
    "Marketing Operations Manager": 3, "Gerente de Ventas": 1, "Gerente de Marketing": 1,
    "General Manager": 2, "IT Manager": 2,
}  # fmt: skip
TITLES_OTHER = {
    "Data Analyst": 5, "Marketing Analyst": 4, "Business Analyst": 4, "Software Engineer": 5,
    "Data Engineer": 3, "Marketing Coordinator": 4, "Sales Representative": 3,
    "Account Executive": 4, "Consultant": 4, "Marketing Specialist": 4, "Content Writer": 2,
    "Sales Development Representative": 3, "Developer": 2, "Freelancer": 2,
}  # fmt: skip
TITLES_STUDENT = {"Student": 6, "MBA Student": 2, "Marketing Intern": 3, "Estudiante": 2}
TITLES_RESEARCHER = {
    "Researcher": 4, "Research Scientist": 3, "PhD Candidate": 3, "Professor": 3,
    "Lecturer": 2, "Postdoctoral Researcher": 2,
}  # fmt: skip

INDUSTRIES = {
    "Technology": 14, "Software": 12, "SaaS": 7, "Information Technology": 4, "Finance": 5,
    "Financial Services": 4, "Healthcare": 7, "Retail": 6, "Manufacturing": 8, "Education": 3,
    "Higher Education": 1, "E-learning": 1, "Government": 3, "Non-profit": 3,
    "Marketing & Advertising": 7, "Consulting": 6, "Telecommunications": 3, "Media": 3,
    "Logistics": 3, "Energy": 2, "": 10,
}  # fmt: skip
COUNTRIES = {
    "US": 30, "CA": 6, "GB": 9, "DE": 7, "FR": 5, "ES": 6, "NL": 4, "IE": 2, "IN": 6, "BR": 4,
    "MX": 3, "AU": 4, "SG": 2, "ZA": 2, "IT": 2, "SE": 1, "CH": 1, "PT": 1, "PL": 1, "AR": 1,
    "JP": 1, "us": 1, "UK": 1, "": 4,
}  # fmt: skip

EVENT_TYPES = (
    "page_view", "email_open", "email_click", "newsletter_subscribe", "eguide_download",
    "ebook_download", "whitepaper_download", "webinar_attended", "event_attended",
    "contact_request", "demo_request", "trial_request", "call_unanswered", "unsubscribe",
)  # fmt: skip
# weights per interest profile, in the order of EVENT_TYPES (sum 1000 each)
PROFILE_MIX = {
    "reader": (560, 280, 60, 8, 20, 22, 12, 14, 5, 2, 2, 1, 6, 8),
    "buyer": (640, 180, 60, 5, 20, 25, 15, 15, 6, 8, 10, 6, 8, 2),
    "newsletter": (200, 640, 120, 10, 6, 8, 4, 4, 1, 0, 0, 0, 1, 6),
    "jobseeker": (800, 150, 30, 5, 4, 4, 2, 2, 1, 0, 0, 0, 0, 2),
}
PROFILE_SHARE = {"reader": 60, "buyer": 10, "newsletter": 25, "jobseeker": 5}
PAGES = {
    "/": 10, "blog": 35, "/pricing": 6, "product": 8, "/features": 6, "docs": 10, "careers": 2,
    "/about": 4, "/customers": 5, "/demo": 2, "/contact": 2, "/integrations": 3, "/webinars": 2,
}  # fmt: skip
PAGES_JOBSEEKER = {"careers": 40, "/about": 15, "/": 15, "blog": 20, "/customers": 10}
PAGES_BUYER = {"/pricing": 20, "product": 22, "/features": 12, "/customers": 8, "/": 10,
               "blog": 14, "docs": 10, "/demo": 4}  # fmt: skip
BLOG_SLUGS = words(
    "what-is-lead-scoring mql-vs-sql fit-vs-engagement-matrix b2b-email-benchmarks "
    "ideal-customer-profile-template lead-nurturing-workflows intent-data-explained "
    "marketing-attribution-models scoring-decay abm-for-small-teams crm-data-hygiene-checklist "
    "webinar-follow-up-emails sales-marketing-sla negative-scoring-examples gdpr-consent-for-b2b "
    "landing-page-conversion-tips predictive-vs-rule-based-scoring lead-routing-best-practices"
)
PRODUCT_PAGES = ("lead-scoring", "attribution", "integrations", "analytics", "enrichment")
DOCS_PAGES = ("getting-started", "scoring-rules", "api/authentication", "api/leads", "faq")
CAREERS_PAGES = ("", "/senior-data-engineer", "/account-executive", "/marketing-intern")
CAMPAIGNS = (
    "Newsletter", "Newsletter", "Newsletter", "Product Update", "Customer Stories",
    "Pricing Offer", "Content Roundup", "Webinar Invite", "Ebook Launch", "New Resource",
)  # fmt: skip
EBOOKS = (
    "The Complete Guide to Lead Scoring", "B2B Marketing Benchmarks",
    "Sales and Marketing Alignment Playbook", "Account-Based Marketing 101",
    "Email Nurturing That Converts", "The Demand Generation Handbook",
)  # fmt: skip
WHITEPAPERS = ("Predictive Scoring with Machine Learning", "The ROI of Marketing Automation",
               "GDPR and B2B Lead Data", "Data Quality in the CRM")  # fmt: skip
EGUIDES = ("Lead Scoring Template", "Buyer Persona Worksheet", "Webinar Checklist",
           "ICP Scorecard", "SLA Template for Sales and Marketing")  # fmt: skip
WEBINARS = ("Lead Scoring 101", "From MQL to Revenue", "Scoring With Intent Data",
            "ABM in Practice", "Fixing Your CRM Data", "Decay: Why Old Clicks Fade")  # fmt: skip
TRADE_SHOWS = ("B2B Marketing Expo", "SaaStr Europa", "INBOUND", "Web Summit",
               "MarTech Day Madrid")  # fmt: skip

SITE = "https://www.northwind-analytics.com"


# --- SQL helpers ------------------------------------------------------------------------------


def lit(text: str) -> str:
    """A SQL text literal."""
    return "'" + text.replace("'", "''") + "'"


def choice(values, draw: str) -> str:
    """One of `values` (a sequence: equal weights; a dict: value -> integer weight), drawn by
    `draw`, a uniform number in [0, 1)."""
    items = list(values.items()) if isinstance(values, dict) else [(v, 1) for v in values]
    expanded = [value for value, weight in items for _ in range(weight)]
    listed = "[" + ", ".join(lit(v) for v in expanded) + "]"
    return f"{listed}[1 + floor({draw} * {len(expanded)})::integer]"


def u(key: str, salt: int) -> str:
    """A uniform pseudo-random number in [0, 1) for `key` (a bigint expression) and `salt`."""
    return f"u({key}, {salt})"


def lead_columns_sql() -> str:
    """The select list that turns lead index `i` (and the lead's draws) into a lead row."""
    first = choice(FIRST_NAMES, u("i", 11))
    last = choice(LAST_NAMES, u("i", 12))
    company = (
        f"{choice(COMPANY_A, u('i', 13))} || {choice(COMPANY_B, u('i', 14))} || "
        f"{choice(COMPANY_KIND, u('i', 15))}"
    )
    company_domain = f"regexp_replace(lower({choice(COMPANY_A, u('i', 13))} || "
    company_domain += f"{choice(COMPANY_B, u('i', 14))}), '[^a-z]', '', 'g') || '.com'"
    university = choice(UNIVERSITIES, u("i", 16))
    competitor = choice(COMPETITORS, u("i", 17))
    personal = choice(PERSONAL_DOMAINS, u("i", 18))
    general_title = (
        f"case when {u('i', 20)} < 0.05 then {choice(TITLES_CEO, u('i', 21))} "
        f"when {u('i', 20)} < 0.17 then {choice(TITLES_DIRECTOR, u('i', 21))} "
        f"when {u('i', 20)} < 0.37 then {choice(TITLES_MANAGER, u('i', 21))} "
        f"when {u('i', 20)} < 0.80 then {choice(TITLES_OTHER, u('i', 21))} "
        f"when {u('i', 20)} < 0.82 then {choice(TITLES_STUDENT, u('i', 21))} "
        f"when {u('i', 20)} < 0.84 then {choice(TITLES_RESEARCHER, u('i', 21))} "
        f"when {u('i', 20)} < 0.96 then null when {u('i', 20)} < 0.98 then '' else '  ' end"
    )
    # persona: competitor 1%, our own staff 0.1%, academic 4%, student 3%, general otherwise
    return f"""
        i,
        persona,
        case
            when persona = 'competitor' then {choice(TITLES_OTHER, u("i", 21))}
            when persona = 'internal' then {choice(TITLES_MANAGER, u("i", 21))}
            when persona = 'academic' then case when {u("i", 22)} < 0.6
                then {choice(TITLES_RESEARCHER, u("i", 21))}
                else {choice(TITLES_STUDENT, u("i", 21))} end
            when persona = 'student' then {choice(TITLES_STUDENT, u("i", 21))}
            else {general_title}
        end as title_raw,
        {first} as first_name,
        {last} as last_name,
        case
            when persona = 'competitor' then split_part({competitor}, '|', 2)
            when persona = 'internal' then 'northwind-analytics.com'
            when persona = 'academic' then split_part({university}, '|', 2)
            when persona = 'student' or {u("i", 23)} < 0.30 then {personal}
            else {company_domain}
        end as email_domain,
        case
            when persona = 'competitor' then case when {u("i", 24)} < 0.6
                then split_part({competitor}, '|', 1) else {company} end
            when persona = 'internal' then 'Northwind Analytics'
            when persona = 'academic' then split_part({university}, '|', 1)
            when persona = 'student' then case when {u("i", 24)} < 0.5 then null
                else split_part({university}, '|', 1) end
            when {u("i", 24)} < 0.04 then null
            else {company}
        end as company_name,
        case
            when persona = 'academic' then {choice(["Education", "Higher Education"], u("i", 25))}
            when persona = 'internal' then 'Software'
            else {choice(INDUSTRIES, u("i", 25))}
        end as industry,
        {choice(COUNTRIES, u("i", 26))} as country,
        case
            when persona = 'internal' then 240
            when {u("i", 27)} < 0.08 then null
            when {u("i", 27)} < 0.22 then 1 + floor({u("i", 28)} * 9)::integer
            when {u("i", 27)} < 0.40 then 10 + floor({u("i", 28)} * 40)::integer
            when {u("i", 27)} < 0.90 then floor(50 * pow(100, {u("i", 28)}))::integer
            else 5001 + floor({u("i", 28)} * 45000)::integer
        end as company_size
    """


def generate(
    leads: int,
    out: Path,
    seed: int,
    as_of: dt.date,
    events_per_lead: float = 50.0,
    delta_day: dt.date | None = None,
    threads: int | None = None,
    memory_limit: str = "4GB",
    quiet: bool = False,
) -> dict:
    """Write out/leads.parquet and out/lead_events.parquet (and the delta day's events)."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute(f"set temp_directory = '{out / '.tmp'}'")
    con.execute("set preserve_insertion_order = true")
    if threads:
        con.execute(f"set threads = {int(threads)}")
    con.execute(f"create macro u(k, salt) as (hash(k, salt, {int(seed)}) / 18446744073709551616.0)")
    day_us = 86_400 * 1_000_000
    as_of_end_us = (as_of + dt.timedelta(days=1) - dt.date(1970, 1, 1)).days * day_us
    history_us = 730 * day_us

    def log(message: str) -> None:
        if not quiet:
            print(f"[generate {time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr)

    # --- leads: index i, creation time, persona, interest profile, event count ----------------
    # log-normal event counts: mu chosen so that the mean over leads is ~events_per_lead once
    # scaled by the lead's lifetime factor (0.3 + 0.7 * lifetime share, mean ~0.65)
    sigma = 1.3
    mu = math.log(events_per_lead / 0.65) - sigma * sigma / 2
    profiles = list(PROFILE_SHARE)
    con.execute(f"""
        create table lead_base as
        with drawn as (
            select
                i,
                -- created over the two years before as_of, in lead_id order; 0.1% after as_of
                case
                    when u(i, 1) < 0.001
                        then {as_of_end_us} + floor(u(i, 2) * 5 * {day_us})::bigint
                    else {as_of_end_us} - {history_us}
                        + floor((i + u(i, 2)) / {leads} * {history_us})::bigint
                end as created_us,
                case
                    when u(i, 3) < 0.010 then 'competitor'
                    when u(i, 3) < 0.011 then 'internal'
                    when u(i, 3) < 0.051 then 'academic'
                    when u(i, 3) < 0.081 then 'student'
                    else 'general'
                end as persona,
                {choice(PROFILE_SHARE, "u(i, 4)")} as profile,
                -- activity shape: > 1 active lately, < 1 active early on (gone quiet)
                exp((u(i, 5) - 0.35) * 2.5) as recency_alpha,
                sqrt(-2 * ln(1 - u(i, 6))) * cos(2 * pi() * u(i, 7)) as z
            from range({leads}) t(i)
        )
        select
            *,
            least(
                floor(
                    exp({mu} + {sigma} * z)
                    * (0.3 + 0.7 * least(1.0, greatest(0, {as_of_end_us} - created_us)
                        / {history_us}))
                )::bigint,
                20000
            ) as n_events,
            greatest({as_of_end_us} - created_us, 3 * {day_us}) as span_us
        from drawn
    """)
    con.execute("""
        create or replace table lead_base as
        select *, sum(n_events) over (order by i rows unbounded preceding) - n_events as first_e
        from lead_base
    """)
    log("lead draws done")

    # --- leads.parquet ------------------------------------------------------------------------
    lead_rows = f"""
        with people as (
            select {lead_columns_sql()}, created_us
            from lead_base
        ),
        rows as (
            select
                'L' || (10000000 + i)::varchar as lead_id,
                case
                    when email_domain is null or u(i, 30) < 0.04 then null
                    else (case when u(i, 31) < 0.1
                        then upper(first_name[1]) || first_name[2:] || '.'
                            || upper(last_name[1]) || last_name[2:]
                        else first_name || '.' || last_name end)
                        || case when u(i, 32) < 0.3 then (floor(u(i, 33) * 99))::integer::varchar
                            else '' end
                        || '@'
                        || case when u(i, 34) < 0.05 then upper(email_domain)
                            else email_domain end
                end as email,
                case
                    when title_raw is null or title_raw = '' then title_raw
                    when u(i, 35) < 0.05 then lower(title_raw)
                    when u(i, 35) < 0.08 then upper(title_raw)
                    when u(i, 35) < 0.10 then '  ' || title_raw || ' '
                    else title_raw
                end as job_title,
                nullif(industry, '') as industry,
                company_name,
                company_size,
                case
                    when company_size is null or u(i, 36) < 0.2 then null
                    else round(company_size * (60000 + u(i, 37) * 240000), -3)::decimal(18, 2)
                end as annual_revenue,
                nullif(country, '') as country,
                case when u(i, 38) < 0.0001 then null
                    else make_timestamp(created_us - created_us % 1000000) end as created_at
            from people
        )
        select * from rows
        union all
        -- CRM re-imports: a second row for 0.2% of leads, later (or, 1 in 10, the same time)
        select
            lead_id, lower(email), coalesce(job_title, 'Marketing Manager'), industry,
            company_name, company_size, annual_revenue, country,
            case when u(hash(lead_id), 39) < 0.1 then created_at
                else created_at + to_days(1 + floor(u(hash(lead_id), 40) * 300)::integer) end
        from rows
        where u(hash(lead_id), 41) < 0.002 and created_at is not null
    """
    con.execute(
        f"copy ({lead_rows}) to '{out / 'leads.parquet'}' "
        "(format parquet, compression snappy, row_group_size 122880)"
    )
    log("leads.parquet written")

    # --- events -------------------------------------------------------------------------------
    type_lists = ", ".join(
        "["
        + ", ".join(
            lit(t) for t, w in zip(EVENT_TYPES, PROFILE_MIX[p], strict=False) for _ in range(w)
        )
        + "]"
        for p in profiles
    )
    profile_index = "list_position(" + "[" + ", ".join(lit(p) for p in profiles) + "], profile)"

    def page(pages: dict, draw: str) -> str:
        kind = choice(pages, draw)
        return f"""(case {kind}
            when 'blog' then '/blog/' || {choice(BLOG_SLUGS, u("e", 61))}
            when 'product' then '/product/' || {choice(PRODUCT_PAGES, u("e", 61))}
            when 'docs' then '/docs/' || {choice(DOCS_PAGES, u("e", 61))}
            when 'careers' then '/careers' || {choice(CAREERS_PAGES, u("e", 61))}
            else {kind} end)"""

    path = f"""(case profile
            when 'jobseeker' then {page(PAGES_JOBSEEKER, u("e", 60))}
            when 'buyer' then {page(PAGES_BUYER, u("e", 60))}
            else {page(PAGES, u("e", 60))} end)"""
    detail = f"""case event_type
            when 'page_view' then
                case when u(e, 62) < 0.1 then '{SITE}' else '' end
                || case when u(e, 63) < 0.01 then upper({path}) else {path} end
                || case when u(e, 64) < 0.05 then '?utm_source=newsletter&utm_medium=email'
                    else '' end
            when 'email_open' then {choice(CAMPAIGNS, u("e", 65))}
            when 'email_click' then {choice(CAMPAIGNS, u("e", 65))}
            when 'unsubscribe' then {choice(CAMPAIGNS, u("e", 65))}
            when 'newsletter_subscribe' then {choice(["Footer form", "Blog sidebar"], u("e", 65))}
            when 'ebook_download' then {choice(EBOOKS, u("e", 65))}
            when 'whitepaper_download' then {choice(WHITEPAPERS, u("e", 65))}
            when 'eguide_download' then {choice(EGUIDES, u("e", 65))}
            when 'webinar_attended' then 'Webinar: ' || {choice(WEBINARS, u("e", 65))}
            when 'event_attended' then {choice(TRADE_SHOWS, u("e", 65))}
            when 'contact_request' then '/contact'
            when 'demo_request' then '/demo'
            when 'trial_request' then '/trial'
            when 'call_unanswered' then 'SDR call'
        end"""

    # every event row is drawn once; `copy` 1 and 2 add the dirt: an exact duplicate of 0.05%
    # of rows (delivered twice) and, for 0.01%, a different row reusing the event id
    events_sql = f"""
        with expanded as (
            select b.i, b.profile, b.created_us, b.span_us, b.recency_alpha, b.first_e + r.j as e
            from lead_base b
            cross join range(b.n_events) r(j)
        ),
        copies as (
            select expanded.*, k.copy
            from expanded
            cross join (values (0), (1), (2)) k(copy)
            where k.copy = 0
                or (k.copy = 1 and u(e, 56) < 0.0005)
                or (k.copy = 2 and u(e, 57) < 0.0001)
        ),
        timed as (
            select
                *,
                case
                    -- export lag: 0.2% of events fall in the two days after as_of
                    when u(e, 50) < 0.002
                        then {as_of_end_us} + floor(u(e, 51) * 2 * {day_us})::bigint
                    else created_us + floor(pow(u(e, 51), 1 / recency_alpha) * span_us)::bigint
                end
                + case when copy = 2 then (floor(u(e, 58) * 2880) - 1440)::bigint * 60000000
                    else 0 end as t_us,
                case when copy = 2 then 'email_open'
                    else ([{type_lists}])[{profile_index}][1 + floor(u(e, 52) * 1000)::integer]
                end as event_type
            from copies
        ),
        events as (
            select
                'E' || (10000000000 + e)::varchar as event_id,
                case when u(e, 53) < 0.0002 then 'X' || (10000000 + i)::varchar
                    when u(e, 53) < 0.00025 then null
                    else 'L' || (10000000 + i)::varchar end as lead_id,
                case when u(e, 54) < 0.00005 then null
                    when u(e, 54) < 0.002 then upper(event_type)
                    when u(e, 54) < 0.003 then ' ' || event_type || ' '
                    else event_type end as event_type,
                case when u(e, 55) < 0.00005 then null
                    else make_timestamp(t_us - t_us % 1000000) end as occurred_at,
                {detail} as event_detail
            from timed
        )
        select * from events
        order by occurred_at nulls first
    """

    con.execute(
        f"copy ({events_sql}) to '{out / 'lead_events.parquet'}' "
        "(format parquet, compression snappy, row_group_size 122880)"
    )
    log("lead_events.parquet written")
    stats = {
        "leads": leads,
        "seed": seed,
        "as_of": as_of.isoformat(),
        "lead_rows": con.sql(
            f"select count(*) from read_parquet('{out / 'leads.parquet'}')"
        ).fetchall()[0][0],
        "event_rows": con.sql(
            f"select count(*) from read_parquet('{out / 'lead_events.parquet'}')"
        ).fetchall()[0][0],
    }

    if delta_day is not None:
        # one more day of events: the same leads, about 0.2% of the history, new event ids
        delta_start_us = (delta_day - dt.date(1970, 1, 1)).days * day_us
        delta_rows = f"""
            with picked as (
                select b.i, b.profile, 100000000000 + b.first_e + r.j as e
                from lead_base b
                cross join range(b.n_events) r(j)
                where u(b.first_e + r.j, 70) < 0.002
            ),
            events as (
                select
                    'D' || (e - 100000000000 + 10000000000)::varchar as event_id,
                    'L' || (10000000 + i)::varchar as lead_id,
                    ([{type_lists}])[{profile_index}][1 + floor(u(e, 52) * 1000)::integer]
                        as event_type,
                    make_timestamp(
                        {delta_start_us} + floor(u(e, 51) * 86400)::bigint * 1000000
                    ) as occurred_at,
                    e, profile
                from picked
            )
            select event_id, lead_id, event_type, occurred_at, {detail} as event_detail
            from events
            order by occurred_at
        """
        con.execute(
            f"copy ({delta_rows}) to '{out / 'lead_events_delta.parquet'}' "
            "(format parquet, compression snappy, row_group_size 122880)"
        )
        stats["delta_day"] = delta_day.isoformat()
        stats["delta_event_rows"] = con.sql(
            f"select count(*) from read_parquet('{out / 'lead_events_delta.parquet'}')"
        ).fetchall()[0][0]
        log("lead_events_delta.parquet written")

    stats["seconds"] = round(time.perf_counter() - started, 1)
    (out / "manifest.json").write_text(json.dumps(stats, indent=2) + "\n")
    log(f"done: {stats}")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, required=True, help="number of leads")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 3, 15))
    parser.add_argument("--events-per-lead", type=float, default=50.0, help="mean (~)")
    parser.add_argument(
        "--delta-day",
        type=dt.date.fromisoformat,
        help="also write lead_events_delta.parquet: one more day of events (~0.2%%)",
    )
    parser.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    parser.add_argument("--memory-limit", default="4GB", help="DuckDB memory_limit")
    args = parser.parse_args(argv)
    generate(
        args.leads,
        args.out,
        args.seed,
        args.as_of,
        events_per_lead=args.events_per_lead,
        delta_day=args.delta_day,
        threads=args.threads,
        memory_limit=args.memory_limit,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
