"""Fit rules: every operator, null and non-numeric values, derived attributes, an extra lead
column, accents, case and spaces (scorecard `ops`); rule groups (scorecard `groups`).

Every `ops` rule is worth +1 and has an empty rule_group (its own group), so every rule that
matches is a breakdown row of its own: a lead's `ops` breakdown is the set of rules its
attributes match. Each lead fills only the attributes of its case; all others are empty
(null), and a null attribute matches only `is_null` (country is the attribute of the
is_null / is_not_null rules, so every lead without a country matches `op_is_null`).
"""

from __future__ import annotations

import pytest
from scenario import FixturePart, ScenarioResult, assert_row, lead, rule, scorecard

OPS = "ops"
GROUPS = "groups"


def _op(rule_id: str, attribute: str, operator: str, value: str = "") -> dict[str, str]:
    return rule(
        OPS, rule_id, "fit", attribute=attribute, operator=operator, value=value, points="1"
    )


def _title(rule_id: str, value: str, points: str, group: str) -> dict[str, str]:
    return rule(
        GROUPS,
        rule_id,
        "fit",
        attribute="job_title",
        operator="contains",
        value=value,
        points=points,
        rule_group=group,
    )


CUSTOM_SCORECARD_FIXTURE = FixturePart(
    scorecards=[scorecard(OPS), scorecard(GROUPS)],
    rules=[
        _op("op_equals", "industry", "equals", "Retail"),
        _op("op_not_equals", "industry", "not_equals", "Retail"),
        _op("op_in", "industry", "in", "Banking|Insurance"),
        _op("op_not_in", "industry", "not_in", "Banking|Insurance"),
        _op("op_contains", "job_title", "contains", "engineer|architect"),
        _op("op_not_contains", "job_title", "not_contains", "engineer|architect"),
        _op("op_starts_with", "company_name", "starts_with", "Acme"),
        _op("op_ends_with", "company_name", "ends_with", "Labs"),
        # equals takes the whole value, no list: it matches only the text 'r&d|sales'
        _op("op_equals_whole", "department", "equals", "R&D|Sales"),
        _op("op_gt", "company_size", "gt", "100"),
        _op("op_gte", "company_size", "gte", "100"),
        _op("op_lt", "company_size", "lt", "100"),
        _op("op_lte", "company_size", "lte", "100"),
        _op("op_between", "annual_revenue", "between", "1000000|5000000"),
        _op("op_is_null", "country", "is_null"),
        _op("op_is_not_null", "country", "is_not_null"),
        _op("op_email_domain", "email_domain", "equals", "example.org"),
        _op("op_region", "region", "equals", "Latin America"),
        _op("op_extra_column", "lead_source", "in", "partner|webinar"),
        _op("op_accent", "department", "contains", "MÀRQUETING"),
        # groups: listed so that file order would give the wrong winner of a tie
        _title("grp_title_3", "vp", "8", "title"),
        _title("grp_title_2", "head", "12", "title"),
        _title("grp_title_1", "chief", "12", "title"),
        _title("grp_persona_intern", "intern", "-5", "persona"),
        _title("grp_persona_student", "student", "-3", "persona"),
    ],
    leads=[
        lead("O_NULL"),
        lead("O_RETAIL", industry="Retail"),
        lead("O_BANKING", industry=" BANKING "),
        lead("O_INSURANCE", industry="insurance"),
        lead("O_ENGINEER", job_title="Senior Software Engineer"),
        lead("O_ARCHITECT", job_title="Solutions ARCHITECT"),
        lead("O_SALES_REP", job_title="Sales Rep"),
        lead("O_ACME", company_name="  ACME Corp"),
        lead("O_BIG_ACME", company_name="Big Acme"),
        lead("O_LABS", company_name="Zeta LABS"),
        lead("O_DEPT_SALES", department="Sales"),
        lead("O_DEPT_PIPE", department="R&D|Sales"),
        lead("O_SIZE_99", company_size="99"),
        lead("O_SIZE_100", company_size=" 100 "),
        lead("O_SIZE_101", company_size="101"),
        lead("O_SIZE_99_5", company_size="99.5"),
        lead("O_SIZE_NA", company_size="n/a"),
        lead("O_SIZE_COMMA", company_size="1,000"),
        lead("O_REV_LOW", annual_revenue="1000000"),
        lead("O_REV_HIGH", annual_revenue="5000000"),
        lead("O_REV_BELOW", annual_revenue="999999.99"),
        lead("O_REV_ABOVE", annual_revenue="5000000.01"),
        lead("O_REV_COMMA", annual_revenue="2,500,000"),
        lead("O_COUNTRY_BLANK", country="   "),
        lead("O_COUNTRY_BR", country="br"),
        lead("O_COUNTRY_ES", country="ES"),
        lead("O_DOMAIN", email="Jo.Doe@Example.ORG"),
        lead("O_SUBDOMAIN", email="jo@mail.example.org"),
        lead("O_PARTNER", lead_source=" Partner "),
        lead("O_ORGANIC", lead_source="organic"),
        lead("O_ACCENT", department="Cap de màrqueting"),
        lead("O_ACCENT_UPPER", department="MÀRQUETING I VENDES"),
        lead("G_VP_HEAD", job_title="VP, Head of Data"),
        lead("G_TIE", job_title="Chief Data Officer and Head of BI"),
        lead("G_VP", job_title="VP Sales"),
        lead("G_NEGATIVE", job_title="Student Intern"),
        lead("G_TWO_GROUPS", job_title="VP and Intern"),
    ],
)

# (lead_id, rule_id, matches, why)
OPERATOR_CASES: list[tuple[str, str, bool, str]] = [
    # equals / not_equals / in / not_in on industry
    ("O_RETAIL", "op_equals", True, "'retail' = 'retail'"),
    ("O_RETAIL", "op_not_equals", False, "'retail' is 'retail'"),
    ("O_RETAIL", "op_in", False, "'retail' is neither banking nor insurance"),
    ("O_RETAIL", "op_not_in", True, "'retail' is neither banking nor insurance"),
    ("O_BANKING", "op_equals", False, "'banking' <> 'retail'"),
    ("O_BANKING", "op_not_equals", True, "'banking' <> 'retail'"),
    ("O_BANKING", "op_in", True, "' BANKING ' trimmed, lower-cased = 'banking', in the list"),
    ("O_BANKING", "op_not_in", False, "'banking' is in the list"),
    ("O_INSURANCE", "op_in", True, "second element of the list"),
    # contains / not_contains on job_title
    ("O_ENGINEER", "op_contains", True, "contains 'engineer'"),
    ("O_ENGINEER", "op_not_contains", False, "contains 'engineer'"),
    ("O_ARCHITECT", "op_contains", True, "'ARCHITECT' lower-cased contains 'architect'"),
    ("O_ARCHITECT", "op_not_contains", False, "contains 'architect'"),
    ("O_SALES_REP", "op_contains", False, "contains neither element"),
    ("O_SALES_REP", "op_not_contains", True, "contains neither element"),
    # starts_with / ends_with on company_name
    ("O_ACME", "op_starts_with", True, "'  ACME Corp' trimmed starts with 'acme'"),
    ("O_ACME", "op_ends_with", False, "ends with 'corp'"),
    ("O_BIG_ACME", "op_starts_with", False, "'acme' is not at the start"),
    ("O_LABS", "op_ends_with", True, "'zeta labs' ends with 'labs'"),
    ("O_LABS", "op_starts_with", False, "starts with 'zeta'"),
    # equals takes the whole value
    ("O_DEPT_SALES", "op_equals_whole", False, "'sales' <> 'r&d|sales' (equals takes no list)"),
    ("O_DEPT_PIPE", "op_equals_whole", True, "'r&d|sales' = 'r&d|sales'"),
    # gt / gte / lt / lte on company_size (100)
    ("O_SIZE_99", "op_gt", False, "99 > 100 is false"),
    ("O_SIZE_99", "op_gte", False, "99 >= 100 is false"),
    ("O_SIZE_99", "op_lt", True, "99 < 100"),
    ("O_SIZE_99", "op_lte", True, "99 <= 100"),
    ("O_SIZE_100", "op_gt", False, "' 100 ' is 100; 100 > 100 is false"),
    ("O_SIZE_100", "op_gte", True, "100 >= 100"),
    ("O_SIZE_100", "op_lt", False, "100 < 100 is false"),
    ("O_SIZE_100", "op_lte", True, "100 <= 100"),
    ("O_SIZE_101", "op_gt", True, "101 > 100"),
    ("O_SIZE_101", "op_gte", True, "101 >= 100"),
    ("O_SIZE_101", "op_lt", False, "101 < 100 is false"),
    ("O_SIZE_101", "op_lte", False, "101 <= 100 is false"),
    ("O_SIZE_99_5", "op_lt", True, "99.5 < 100"),
    ("O_SIZE_99_5", "op_gte", False, "99.5 >= 100 is false"),
    ("O_SIZE_NA", "op_gt", False, "'n/a' is not a number"),
    ("O_SIZE_NA", "op_gte", False, "'n/a' is not a number"),
    ("O_SIZE_NA", "op_lt", False, "'n/a' is not a number"),
    ("O_SIZE_NA", "op_lte", False, "'n/a' is not a number"),
    ("O_SIZE_COMMA", "op_gt", False, "'1,000' is not a number (not 1000)"),
    ("O_SIZE_COMMA", "op_gte", False, "'1,000' is not a number (not 1000)"),
    ("O_SIZE_COMMA", "op_lt", False, "'1,000' is not a number (not 1)"),
    ("O_SIZE_COMMA", "op_lte", False, "'1,000' is not a number (not 1)"),
    # between on annual_revenue, inclusive
    ("O_REV_LOW", "op_between", True, "1000000 is the low edge, inclusive"),
    ("O_REV_HIGH", "op_between", True, "5000000 is the high edge, inclusive"),
    ("O_REV_BELOW", "op_between", False, "999999.99 < 1000000"),
    ("O_REV_ABOVE", "op_between", False, "5000000.01 > 5000000"),
    ("O_REV_COMMA", "op_between", False, "'2,500,000' is not a number"),
    # is_null / is_not_null on country; blank text is null
    ("O_NULL", "op_is_null", True, "no country"),
    ("O_NULL", "op_is_not_null", False, "no country"),
    ("O_COUNTRY_BLANK", "op_is_null", True, "'   ' is blank, so null"),
    ("O_COUNTRY_BLANK", "op_is_not_null", False, "'   ' is blank, so null"),
    ("O_COUNTRY_BR", "op_is_not_null", True, "country 'br'"),
    ("O_COUNTRY_BR", "op_is_null", False, "country 'br'"),
    # a null attribute matches only is_null, not the negative operators
    ("O_NULL", "op_not_equals", False, "null industry: not_equals does not match null"),
    ("O_NULL", "op_not_in", False, "null industry: not_in does not match null"),
    ("O_NULL", "op_not_contains", False, "null job_title: not_contains does not match null"),
    ("O_NULL", "op_lt", False, "null company_size"),
    ("O_NULL", "op_between", False, "null annual_revenue"),
    # derived attributes
    ("O_DOMAIN", "op_email_domain", True, "'Jo.Doe@Example.ORG' -> email_domain 'example.org'"),
    ("O_SUBDOMAIN", "op_email_domain", False, "'mail.example.org' <> 'example.org'"),
    ("O_COUNTRY_BR", "op_region", True, "'br' -> BR -> region Latin America (seed)"),
    ("O_COUNTRY_ES", "op_region", False, "ES -> region Europe"),
    # an extra column of leads named by a rule
    ("O_PARTNER", "op_extra_column", True, "lead_source ' Partner ' -> 'partner', in the list"),
    ("O_ORGANIC", "op_extra_column", False, "'organic' is not in the list"),
    # accents: the rule value 'MÀRQUETING' lower-cases to 'màrqueting'
    ("O_ACCENT", "op_accent", True, "'cap de màrqueting' contains 'màrqueting'"),
    ("O_ACCENT_UPPER", "op_accent", True, "'MÀRQUETING I VENDES' lower-cased contains it"),
    ("O_DEPT_SALES", "op_accent", False, "'sales' does not contain 'màrqueting'"),
]


@pytest.mark.parametrize(
    ("lead_id", "rule_id", "matches", "why"),
    OPERATOR_CASES,
    ids=[f"{case[0]}-{case[1]}" for case in OPERATOR_CASES],
)
def test_fit_operator(
    custom_build: ScenarioResult, lead_id: str, rule_id: str, matches: bool, why: str
) -> None:
    matched = rule_id in custom_build.rules(lead_id, OPS)
    assert matched is matches, f"{lead_id} / {rule_id}: expected match={matches} ({why})"


@pytest.mark.parametrize(
    ("lead_id", "expected_rules"),
    [
        # nothing but the null country: only is_null matches a null attribute
        ("O_NULL", {"op_is_null"}),
        # rules with an empty rule_group are their own group: all three count
        ("O_RETAIL", {"op_equals", "op_not_in", "op_is_null"}),
        # non-numeric sizes: no numeric rule, only the null country
        ("O_SIZE_NA", {"op_is_null"}),
        ("O_SIZE_COMMA", {"op_is_null"}),
        # a country: is_not_null and its region
        ("O_COUNTRY_BR", {"op_is_not_null", "op_region"}),
    ],
)
def test_all_matching_fit_rules(
    custom_build: ScenarioResult, lead_id: str, expected_rules: set[str]
) -> None:
    rules = custom_build.rules(lead_id, OPS)
    assert set(rules) == expected_rules
    for row in rules.values():
        assert_row(row, f"{lead_id} {row['rule_id']}", dimension="fit", points=1, occurrences=1)
    # each rule is worth +1: fit_points = the number of matching rules
    assert_row(custom_build.score(lead_id, OPS), lead_id, fit_points=len(expected_rules))


@pytest.mark.parametrize(
    ("lead_id", "expected_rule", "fit_points"),
    [
        # 'vp' (+8) and 'head' (+12) of group title: only the most points counts -> 12
        ("G_VP_HEAD", "grp_title_2", 12),
        # 'chief' and 'head', both +12: the tie goes to the smallest rule_id, grp_title_1
        # (listed after grp_title_2 in the seed) -> 12
        ("G_TIE", "grp_title_1", 12),
        # a group's only match counts -> 8
        ("G_VP", "grp_title_3", 8),
        # 'intern' -5 and 'student' -3 of group persona: the most points is -3
        ("G_NEGATIVE", "grp_persona_student", -3),
    ],
)
def test_rule_group_counts_only_its_best_rule(
    custom_build: ScenarioResult, lead_id: str, expected_rule: str, fit_points: int
) -> None:
    # the breakdown lists the fit rules after group resolution only
    assert set(custom_build.rules(lead_id, GROUPS)) == {expected_rule}
    assert_row(custom_build.score(lead_id, GROUPS), lead_id, fit_points=fit_points)


def test_rules_of_different_groups_both_count(custom_build: ScenarioResult) -> None:
    # 'VP and Intern': vp +8 (group title) and intern -5 (group persona) -> 8 - 5 = 3
    assert set(custom_build.rules("G_TWO_GROUPS", GROUPS)) == {"grp_title_3", "grp_persona_intern"}
    assert_row(custom_build.score("G_TWO_GROUPS", GROUPS), "G_TWO_GROUPS", fit_points=3)
