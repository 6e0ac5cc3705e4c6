"""The SHIPPED default scorecard (seeds/scorecards.csv, seeds/scorecard_rules.csv) end to end.

Rules of the default scorecard used below (points; group):
  fit_title_ceo         job_title contains ceo|chief executive|founder      +15  job_title
  fit_title_director    job_title contains director|head of|vice president  +10  job_title
  fit_persona_student   job_title contains student|estudiant|intern         -10  persona
  fit_persona_researcher job_title contains research|phd|professor|lecturer -15  persona
  fit_industry_technology industry in technology|software|saas|...         +10
  fit_industry_education  industry in education|e-learning|higher education +5
  fit_region_north_america region = north america +10; fit_region_europe region = europe +5
  fit_size_target company_size between 50|5000 +10; fit_size_micro company_size lt 10 -5
  excl_competitor_domain  email_domain in rivalscore.io|leadrival.com|scoremonkey.com
  excl_competitor_company company_name in rivalscore|leadrival|scoremonkey
  eng_email_opened     each email_open 5, max 1, window 90, half-life 30
  eng_no_email_opened  none email_open -10, window 90
  eng_frequent_visitor at_least 4 page_view (any path) 10, window 30
  eng_ebook_download   each ebook_download 15, max 2, window 365, half-life 60
  eng_pricing_page     each page_view like %/pricing% 20, max 1, window 90, half-life 14
  eng_demo_request     each demo_request 20, max 1, half-life 30
Scorecard `default`: MQL total >= 30 and fit >= 10, SQL total >= 60 or a
contact/demo/trial request or a meeting within 14 days; hot >= 60, warm >= 30; grades
A >= 30, B >= 20, C >= 10 fit; levels 1 >= 50, 2 >= 30, 3 >= 10 engagement; dead below -10
fit points.

Every event below happens on the as_of day (age 0), so 0.5 ^ (0 / half-life) = 1: no decay.
Unless told, leads are created 10 days before as_of: younger than the 90-day window of
`eng_no_email_opened`, which therefore never applies to them.
"""

from __future__ import annotations

from scenario import (
    AS_OF,
    FixturePart,
    ScenarioResult,
    assert_row,
    day,
    event,
    lead,
)

SC = "default"
YOUNG = day(10)  # created 10 days before as_of: `none` rules with a 90-day window skip it

DEFAULT_SCORECARD_FIXTURE = FixturePart(
    leads=[
        # 1. the worked example of the source documents
        lead(
            "D_WORKED",
            YOUNG,
            email="w@example.com",
            job_title="Marketing Director",
            industry="Technology",
            company_name="Acme",
        ),
        # 2. a competitor (both exclusion rules match), otherwise a hot SQL
        lead(
            "D_COMPETITOR",
            YOUNG,
            email="ana@RivalScore.io",
            job_title="Head of Marketing",
            industry="SaaS",
            company_name="LeadRival",
            company_size="200",
            country="US",
        ),
        # 3. researchers: negative fit
        lead("D_RESEARCH_DIRECTOR", YOUNG, job_title="Research Director", industry="Technology"),
        lead("D_PHD_STUDENT", YOUNG, job_title="PhD Student"),
        lead(
            "D_RESEARCHER_OLD",
            day(400),
            job_title="PhD Researcher",
            industry="Higher Education",
            company_size="3",
            country="DE",
        ),
        lead("D_PROFESSOR", YOUNG, job_title="Professor"),
        # 11. as_of boundaries
        lead("D_FUTURE_EVENTS", YOUNG, job_title="CEO", industry="Software"),
        lead("D_CREATED_LATE", day(0, "23:59:00")),
        lead("D_CREATED_TOMORROW", day(-1, "00:00:00"), job_title="CEO"),
        # 12. exact duplicate event rows
        lead("D_DUPLICATES", YOUNG),
        # 13. case and spaces
        lead(
            "D_CASE_SPACES",
            YOUNG,
            job_title="  head OF Sales  ",
            industry="  TECHNOLOGY ",
            country=" us ",
        ),
        # 14. accented text
        lead("D_ACCENTED", YOUNG, job_title="Directora de Màrqueting"),
    ],
    events=[
        # D_WORKED: opens emails, 4 website visits on pages no other rule looks at, an ebook
        event("W1", "D_WORKED", "email_open", day(0, "08:00:00"), "newsletter-march"),
        event("W2", "D_WORKED", "page_view", day(0, "08:10:00"), "/"),
        event("W3", "D_WORKED", "page_view", day(0, "08:11:00"), "/about"),
        event("W4", "D_WORKED", "page_view", day(0, "08:12:00"), "/"),
        event("W5", "D_WORKED", "page_view", day(0, "08:13:00"), "/about"),
        event("W6", "D_WORKED", "ebook_download", day(0, "08:20:00"), "lead-scoring-ebook"),
        # D_COMPETITOR: opens an email and asks for a demo (a trigger) today
        event("X1", "D_COMPETITOR", "email_open", day(0), "newsletter-march"),
        event("X2", "D_COMPETITOR", "demo_request", day(0), "/demo"),
        # D_RESEARCH_DIRECTOR: opens an email, downloads an ebook
        event("R1", "D_RESEARCH_DIRECTOR", "email_open", day(0)),
        event("R2", "D_RESEARCH_DIRECTOR", "ebook_download", day(0), "lead-scoring-ebook"),
        # D_PROFESSOR: email, demo request, pricing page: 45 engagement points
        event("P1", "D_PROFESSOR", "email_open", day(0)),
        event("P2", "D_PROFESSOR", "demo_request", day(0), "/demo"),
        event("P3", "D_PROFESSOR", "page_view", day(0), "/pricing"),
        # D_FUTURE_EVENTS: one email open today; everything else after as_of
        event("F1", "D_FUTURE_EVENTS", "email_open", day(0, "09:00:00")),
        event("F2", "D_FUTURE_EVENTS", "email_open", day(-1, "00:00:00")),
        event("F3", "D_FUTURE_EVENTS", "demo_request", day(-1, "08:00:00"), "/demo"),
        event("F4", "D_FUTURE_EVENTS", "ebook_download", day(-5), "lead-scoring-ebook"),
        # D_CREATED_TOMORROW: its event today does not make it scored
        event("T1", "D_CREATED_TOMORROW", "email_open", day(0)),
        # D_DUPLICATES: 3 identical rows of one ebook download, 4 identical rows of one visit
        *[event("DUP1", "D_DUPLICATES", "ebook_download", day(0, "10:00:00"), "ebook")] * 3,
        *[event("DUP2", "D_DUPLICATES", "page_view", day(0, "10:05:00"), "/")] * 4,
        event("DUP3", "D_DUPLICATES", "email_open", day(0, "10:10:00")),
        # D_CASE_SPACES: event types in another case and with spaces
        event("C1", "D_CASE_SPACES", " Email_Open ", day(0)),
        *[
            event(f"C{n}", "D_CASE_SPACES", " PAGE_VIEW ", day(0, f"11:0{n}:00"), "/")
            for n in range(2, 6)
        ],
    ],
)


def test_worked_example_of_the_source_documents(default_build: ScenarioResult) -> None:
    # Director (job title contains 'director') +10, Technology +10, opens emails 5 * 0.5^0 = 5,
    # more than 3 visits (4 page views >= 4 in 30 days) +10, ebook download 15 * 0.5^0 = 15:
    # fit 10 + 10 = 20, engagement 5 + 10 + 15 = 30, total 50.
    # fit_score 20 -> grade B (>= 20, < 30); engagement 30 -> level 2 (>= 30, < 50) -> B2, red.
    # 50 >= warm 30 and < hot 60 -> warm; 50 >= mql 30 -> MQL; 50 < sql 60, no trigger -> not SQL.
    assert_row(
        default_build.score("D_WORKED", SC),
        "D_WORKED",
        as_of_date=AS_OF,
        fit_points=20,
        engagement_points=30,
        fit_score=20,
        engagement_score=30,
        total_score=50,
        fit_grade="B",
        engagement_level=2,
        matrix_cell="B2",
        segment="red",
        tier="warm",
        is_excluded=False,
        exclusion_reason=None,
        is_mql=True,
        is_sql=False,
        # by |points| desc then rule_id: 15 ebook; then the three 10s by rule_id
        # (eng_frequent_visitor < fit_industry_technology < fit_title_director); at most 3
        score_reasons="Ebook download +15, More than 3 visits in 30 days +10, Technology +10",
    )
    rules = default_build.rules("D_WORKED", SC)
    assert set(rules) == {
        "fit_title_director",
        "fit_industry_technology",
        "eng_email_opened",
        "eng_frequent_visitor",
        "eng_ebook_download",
    }
    assert_row(rules["fit_title_director"], "director", points=10, occurrences=1)
    assert_row(rules["fit_industry_technology"], "technology", points=10, occurrences=1)
    assert_row(rules["eng_email_opened"], "email", points=5, occurrences=1, last_event_date=AS_OF)
    # at_least: occurrences = the 4 matching page views in the window
    assert_row(
        rules["eng_frequent_visitor"], "visits", points=10, occurrences=4, last_event_date=AS_OF
    )
    assert_row(
        rules["eng_ebook_download"], "ebook", points=15, occurrences=1, last_event_date=AS_OF
    )


def test_competitor_is_excluded(default_build: ScenarioResult) -> None:
    # Fit: 'Head of Marketing' contains 'head of' -> Director +10; SaaS +10; US -> North
    # America +10; 200 employees in 50..5000 +10 = 40. Engagement: email 5 + demo request
    # 20 * 0.5^0 = 20 -> 25. Both exclusion rules match (email domain rivalscore.io, lower-cased
    # from 'RivalScore.io'; company 'leadrival'): exclusion_reason is the smallest rule_id,
    # excl_competitor_company < excl_competitor_domain (the seed lists domain first).
    # Excluded: total 0, tier dead, not MQL/SQL (despite the demo request trigger);
    # fit_score 40 and engagement_score 25 are kept -> grade A (>= 30), level 3 (>= 10, < 30).
    assert_row(
        default_build.score("D_COMPETITOR", SC),
        "D_COMPETITOR",
        fit_points=40,
        engagement_points=25,
        fit_score=40,
        engagement_score=25,
        total_score=0,
        fit_grade="A",
        engagement_level=3,
        matrix_cell="A3",
        segment="purple",
        tier="dead",
        is_excluded=True,
        exclusion_reason="excl_competitor_company",
        is_mql=False,
        is_sql=False,
        score_reasons="Excluded: Competitor (company)",
    )
    rules = default_build.rules("D_COMPETITOR", SC)
    # exclusion rules are listed with 0 points, occurrences 1
    assert_row(
        rules["excl_competitor_company"], "company", dimension="exclusion", points=0, occurrences=1
    )
    assert_row(
        rules["excl_competitor_domain"], "domain", dimension="exclusion", points=0, occurrences=1
    )
    assert set(rules) == {
        "fit_title_director",
        "fit_industry_technology",
        "fit_region_north_america",
        "fit_size_target",
        "excl_competitor_company",
        "excl_competitor_domain",
        "eng_email_opened",
        "eng_demo_request",
    }


def test_researcher_is_pulled_down_by_negative_fit(default_build: ScenarioResult) -> None:
    # 'Research Director': Director +10 (group job_title) and Researcher -15 (group persona:
    # another group, both count); Technology +10 -> fit 5. Engagement: email 5 + ebook 15 = 20.
    # Total 25 < mql 30 -> cold, not MQL (without the -15 it would be 40, an MQL).
    # fit_score 5 -> D (< 10); engagement 20 -> level 3 -> D3, blue.
    assert_row(
        default_build.score("D_RESEARCH_DIRECTOR", SC),
        "D_RESEARCH_DIRECTOR",
        fit_points=5,
        engagement_points=20,
        fit_score=5,
        engagement_score=20,
        total_score=25,
        fit_grade="D",
        engagement_level=3,
        matrix_cell="D3",
        segment="blue",
        tier="cold",
        is_mql=False,
        # |15| twice: eng_ebook_download < fit_persona_researcher; then Technology 10 before
        # Director 10 (fit_industry_technology < fit_title_director)
        score_reasons="Ebook download +15, Researcher -15, Technology +10",
    )
    assert set(default_build.rules("D_RESEARCH_DIRECTOR", SC)) == {
        "fit_title_director",
        "fit_persona_researcher",
        "fit_industry_technology",
        "eng_email_opened",
        "eng_ebook_download",
    }


def test_researcher_group_keeps_the_rule_with_the_most_points(
    default_build: ScenarioResult,
) -> None:
    # 'PhD Student' matches Student -10 and Researcher -15 ('phd'), both of group persona:
    # only the one with the most points counts, -10 > -15 -> fit -10.
    # -10 is not below dead_below_fit_points -10 -> not dead; total clamp(-10) = 0 -> cold.
    rules = default_build.rules("D_PHD_STUDENT", SC)
    assert set(rules) == {"fit_persona_student"}
    assert_row(
        default_build.score("D_PHD_STUDENT", SC),
        "D_PHD_STUDENT",
        fit_points=-10,
        engagement_points=0,
        fit_score=0,
        total_score=0,
        tier="cold",
        score_reasons="Student -10",
    )


def test_old_researcher_without_email_opens(default_build: ScenarioResult) -> None:
    # 'PhD Researcher' -15, Higher Education +5, DE -> Europe +5, 3 employees < 10 -> -5:
    # fit -10. Created 400 days ago, no email open in 90 days -> none rule -10 (occurrences 0).
    # Total clamp(round(-10 + -10)) = 0; fit_points -10 is not below -10 -> cold, not dead.
    assert_row(
        default_build.score("D_RESEARCHER_OLD", SC),
        "D_RESEARCHER_OLD",
        fit_points=-10,
        engagement_points=-10,
        fit_score=0,
        engagement_score=0,
        total_score=0,
        fit_grade="D",
        engagement_level=4,
        matrix_cell="D4",
        segment="blue",
        tier="cold",
        is_mql=False,
        # |15|, then |10| (the none rule), then |5| x3 by rule_id: fit_industry_education first
        score_reasons="Researcher -15, No email opened in 90 days -10, Education +5",
    )
    assert_row(
        default_build.rules("D_RESEARCHER_OLD", SC)["eng_no_email_opened"],
        "none rule",
        points=-10,
        occurrences=0,
        last_event_date=None,
    )


def test_dead_professor_is_not_an_mql(default_build: ScenarioResult) -> None:
    # 'Professor' -15 -> fit -15 < dead_below_fit_points -10 -> dead. Engagement: email 5 +
    # demo request 20 + pricing page 20 = 45. Total round(-15 + 45) = 30 >= mql 30 and no fit
    # minimum, but dead -> not MQL, and so not SQL despite the demo request. Not excluded:
    # the total stays 30. fit 0 -> D; engagement 45 -> level 2 -> D2 blue.
    assert_row(
        default_build.score("D_PROFESSOR", SC),
        "D_PROFESSOR",
        fit_points=-15,
        engagement_points=45,
        fit_score=0,
        engagement_score=45,
        total_score=30,
        matrix_cell="D2",
        segment="blue",
        tier="dead",
        is_excluded=False,
        exclusion_reason=None,
        is_mql=False,
        is_sql=False,
        # |20| twice by rule_id (eng_demo_request < eng_pricing_page), then |15|
        score_reasons="Demo request +20, Pricing page +20, Researcher -15",
    )


def test_events_after_as_of_are_ignored(default_build: ScenarioResult) -> None:
    # CEO +15, Software +10 -> fit 25. Only the email open of the as_of day counts: 5 * 0.5^0
    # = 5 (the open of the next day would be the most recent one of max_count 1, worth
    # 5 * 0.5^(-1/30) > 5); the demo request and the ebook after as_of count for nothing.
    # Total 30 = mql 30 -> MQL; the demo request after as_of is no trigger -> not SQL.
    # fit 25 -> B; engagement 5 -> level 4 -> B4 blue; 30 >= warm 30 -> warm.
    assert_row(
        default_build.score("D_FUTURE_EVENTS", SC),
        "D_FUTURE_EVENTS",
        fit_points=25,
        engagement_points=5,
        total_score=30,
        matrix_cell="B4",
        segment="blue",
        tier="warm",
        is_mql=True,
        is_sql=False,
    )
    rules = default_build.rules("D_FUTURE_EVENTS", SC)
    assert set(rules) == {"fit_title_ceo", "fit_industry_technology", "eng_email_opened"}
    assert_row(rules["eng_email_opened"], "email", points=5, occurrences=1, last_event_date=AS_OF)


def test_lead_created_at_the_end_of_the_as_of_day_is_scored(
    default_build: ScenarioResult,
) -> None:
    # Created at 23:59 on the as_of day: scored. No attribute, no event, and 0 days old, so
    # the 90-day `none` rule does not apply: nothing contributes -> 0 everywhere, D4, cold.
    assert_row(
        default_build.score("D_CREATED_LATE", SC),
        "D_CREATED_LATE",
        fit_points=0,
        engagement_points=0,
        total_score=0,
        matrix_cell="D4",
        tier="cold",
        is_mql=False,
    )
    assert default_build.rules("D_CREATED_LATE", SC) == {}


def test_lead_created_after_the_as_of_day_is_not_scored(default_build: ScenarioResult) -> None:
    # Created at 00:00 the day after as_of: in neither mart, even with an event on as_of.
    assert not [key for key in default_build.scores if key[0] == "D_CREATED_TOMORROW"]
    assert not [key for key in default_build.breakdown if key[0] == "D_CREATED_TOMORROW"]


def test_exact_duplicate_event_rows_count_once(default_build: ScenarioResult) -> None:
    # 3 identical rows of DUP1 = 1 ebook download: 15 (counted 3 times, max_count 2 would give
    # 30). 4 identical rows of DUP2 = 1 page view < 4: no frequent-visitor points. Email 5.
    # Engagement 15 + 5 = 20.
    rules = default_build.rules("D_DUPLICATES", SC)
    assert set(rules) == {"eng_ebook_download", "eng_email_opened"}
    assert_row(rules["eng_ebook_download"], "ebook", points=15, occurrences=1)
    assert_row(default_build.score("D_DUPLICATES", SC), "D_DUPLICATES", engagement_points=20)


def test_case_and_spaces_are_ignored(default_build: ScenarioResult) -> None:
    # '  head OF Sales  ' contains 'head of' -> Director +10; '  TECHNOLOGY ' -> Technology
    # +10; ' us ' -> US -> North America +10: fit 30. ' Email_Open ' is email_open: 5;
    # 4 x ' PAGE_VIEW ' are page views: 4 >= 4 -> +10. Engagement 15, total 45.
    rules = default_build.rules("D_CASE_SPACES", SC)
    assert set(rules) == {
        "fit_title_director",
        "fit_industry_technology",
        "fit_region_north_america",
        "eng_email_opened",
        "eng_frequent_visitor",
    }
    assert_row(rules["eng_email_opened"], "email", points=5, occurrences=1)
    assert_row(rules["eng_frequent_visitor"], "visits", points=10, occurrences=4)
    assert_row(
        default_build.score("D_CASE_SPACES", SC),
        "D_CASE_SPACES",
        fit_points=30,
        engagement_points=15,
        total_score=45,
    )


def test_accented_job_title_matches_contains(default_build: ScenarioResult) -> None:
    # 'Directora de Màrqueting' contains 'director' -> Director +10, nothing else.
    assert set(default_build.rules("D_ACCENTED", SC)) == {"fit_title_director"}
    assert_row(default_build.score("D_ACCENTED", SC), "D_ACCENTED", fit_points=10)
