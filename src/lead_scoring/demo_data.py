"""Deterministic, realistic demo data: leads, their behavioural events and conversions.

`generate()` writes `leads.csv`, `lead_events.csv` and `conversions.csv` (the inputs of
SCORING.md §1, plus a `lead_source` column on leads) for a fictional B2B analytics vendor,
Northwind Analytics. Only the standard library is used and every random draw comes from one
`random.Random(seed)`, so the same arguments always give byte-identical files.

Time: every event falls in the year before `as_of`, up to and including the `as_of` day; a
lead is created before its first event and never after `as_of`. The company runs a calendar
that all leads share: a weekly newsletter, two marketing emails a month, a monthly webinar,
a few trade shows, and ebooks, whitepapers and e-guides published through the year.

Most leads are a general mix with long-tailed activity (about half have at most a few events,
a few have hundreds), CRM-like attributes (mixed case, stray spaces, blanks, shared company
domains, personal e-mail addresses) and the occasional unsubscribe, unanswered sales call or
careers-page visit. A few percent each are the personas the scorecard documents describe:

1. hot director (`hot_director`): Director / VP / Head of at a 200-2000 employee technology
   company in North America or Europe; some history, then in the last ten days pricing and
   product pages, an ebook and a demo or contact request.
2. researcher (`researcher`): researcher, PhD or professor at a university (.edu address) who
   downloads almost every asset and reads the blog all year long.
3. competitor (`competitor`): staff of RivalScore, LeadRival or ScoreMonkey (their domain, or
   a personal address with the company name) who opens every newsletter and downloads every
   ebook; plus a handful of our own staff (`internal`, northwind-analytics.com) testing forms.
4. student (`student`): student, intern or "Estudiante" with a personal address and a little
   activity (blog, careers page).
5. gone quiet (`gone_quiet`): a good fit with heavy activity 6-12 months ago and nothing in
   the last 120 days (some of them became customers back then).
6. newsletter reader (`newsletter_only`): a newsletter subscription and many opens over the
   year, nothing else.

Conversions (about 10% of leads) are likelier for good-fit, engaged leads and come after some of
their events, typically after a hand-raise; a few fall after `as_of`.

Like any CRM export, the files end with a little noise (`crm_noise`), one row of each kind the
data-quality ledger reports: a lead re-imported with a later `created_at`, a lead without
`lead_id`, a `created_at` that is not a date, company sizes 'n/a' and '1,000', events exported
twice, an event of an unknown lead, one without `event_type`, one with an unreadable
`occurred_at`, and an `event_id` reused by a different row.
"""

import csv
import itertools
import math
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

DAY = 86_400
WINDOW_DAYS = 365


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- vocabulary --------------------------------------------------------------------------------

FIRST_NAMES = words(
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Chris Karen Daniel Lisa Matthew Nancy Anthony "
    "Sandra Mark Ashley Steven Emily Paul Michelle Andrew Amanda Joshua Melissa Kevin Stephanie "
    "Brian Rebecca Emma Olivia Liam Noah Sophie Lucas Hannah Jonas Lena Felix Anna Paul Marie "
    "Lukas Julia Pierre Camille Louis Chloe Hugo Lea Jordi Laia Marc Marta Pau Nuria Josep "
    "Montserrat Carlos Lucia Javier Elena Pablo Sofia Alejandro Carmen Diego Valentina Mateo "
    "Ana Joao Beatriz Pedro Mariana Rahul Priya Arjun Ananya Vikram Sneha Wei Mei Hiroshi Yuki "
    "Sean Aoife Ciara Niamh Daan Sanne Thabo Naledi Liam Isla Jack Chloe Oliver Ruby Ethan Zoe"
)
ACCENTED_FIRST_NAMES = ("José", "Núria", "Jürgen", "François", "Inés", "Joël", "Zoë", "Sílvia")
LAST_NAMES = words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis "
    "Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell "
    "Roberts Carter Phillips Evans Turner Murphy OBrien Kelly Byrne Muller Schmidt Schneider "
    "Fischer Weber Meyer Wagner Becker Dubois Lefebvre Moreau Laurent Simon Michel Puig Soler "
    "Vila Ferrer Serra Pujol Font Roca Fernandez Gonzalez Sanchez Perez Gomez Diaz Ruiz Alvarez "
    "Silva Santos Oliveira Costa Pereira Sharma Patel Gupta Singh Kumar Reddy Tan Lim Wong Chen "
    "Nakamura Sato DeVries Jansen Bakker Visser Nkosi Dlamini Naidoo Botha Novak Rossi Bianchi"
)
PERSONAL_DOMAINS = (("gmail.com", 60), ("outlook.com", 20), ("yahoo.com", 10), ("hotmail.com", 10))

COUNTRIES = (
    ("US", 30), ("CA", 6), ("GB", 9), ("DE", 7), ("FR", 5), ("ES", 6), ("NL", 4), ("IE", 2),
    ("IN", 6), ("BR", 4), ("MX", 3), ("AU", 4), ("SG", 2), ("ZA", 2), ("IT", 2), ("SE", 1),
    ("CH", 1), ("PT", 1), ("PL", 1), ("AR", 1), ("JP", 1), ("", 4),
)  # fmt: skip
TARGET_COUNTRIES = ("US", "US", "US", "CA", "GB", "DE", "FR", "NL", "ES", "IE")
COUNTRY_TLD = {"DE": ".de", "FR": ".fr", "ES": ".es", "NL": ".nl", "GB": ".co.uk", "IE": ".ie"}
COUNTRY_COMPANY_SUFFIX = {
    "DE": " GmbH", "FR": " SAS", "ES": " S.L.", "NL": " B.V.", "GB": " Ltd", "IE": " Ltd",
    "US": " Inc.", "CA": " Inc.", "BR": " Ltda", "MX": " S.A. de C.V.", "AU": " Pty Ltd",
}  # fmt: skip

INDUSTRIES = (
    ("Technology", 14), ("Software", 12), ("SaaS", 7), ("Information Technology", 4),
    ("Finance", 5), ("Financial Services", 4), ("Healthcare", 7), ("Retail", 6),
    ("Manufacturing", 8), ("Education", 3), ("Higher Education", 1), ("E-learning", 1),
    ("Government", 3), ("Non-profit", 3), ("Marketing & Advertising", 7), ("Consulting", 6),
    ("Telecommunications", 3), ("Media", 3), ("Real Estate", 2), ("Logistics", 3),
    ("Energy", 2), ("Hospitality", 2),
)  # fmt: skip
TECH_INDUSTRIES = ("Technology", "Software", "SaaS", "Information Technology")

COMPANY_WORDS_A = words(
    "Blue Bright North Silver Quantum Apex Cedar Nova Orbit Pixel Summit Vertex Harbor Iron "
    "Lumen Maple Nimbus Oak Pioneer Red Sage Terra Urban Vivid Willow Zen Atlas Beacon Cobalt "
    "Delta Ember Falcon Granite Helix Indigo Juniper Kestrel Lattice Meridian Onyx Polar Quill "
    "River Solar Tidal Umber Velvet Wild"
)
COMPANY_WORDS_B = words(
    "wave stone field point bridge works line path forge gate leaf peak scale sight flow core "
    "loop mark grid craft"
)
COMPANY_KINDS = ("", "", "", " Labs", " Systems", " Group", " Solutions", " Digital", " Partners")
UNIVERSITIES = (
    ("Westbrook University", "westbrook.edu", "US"),
    ("State University of Lakeland", "lakeland.edu", "US"),
    ("Harborview College", "harborview.edu", "US"),
    ("Northgate Institute of Technology", "northgate.edu", "US"),
    ("Pinecrest University", "pinecrest.edu", "US"),
    ("Universitat de Barcelona", "ub.edu", "ES"),
    ("Universitat Pompeu Fabra", "upf.edu", "ES"),
    ("Kingsbridge University", "kingsbridge.edu", "GB"),
    ("Rheinland Technical University", "rheinland-tu.edu", "DE"),
    ("University of Southern Plains", "usp.edu", "CA"),
    ("Instituto Tecnologico del Valle", "itvalle.edu", "MX"),
    ("Bangalore Institute of Management", "bim.edu", "IN"),
)
COMPETITORS = (
    ("RivalScore", "rivalscore.io", "US"),
    ("LeadRival", "leadrival.com", "GB"),
    ("ScoreMonkey", "scoremonkey.com", "DE"),
)
OWN_COMPANY = ("Northwind Analytics", "northwind-analytics.com", "US", 240)

TITLES_CEO = (
    ("CEO", 4), ("Founder", 2), ("Co-Founder & CEO", 2), ("Chief Executive Officer", 2),
    ("Founder and Managing Partner", 1), ("ceo", 1),
)  # fmt: skip
TITLES_DIRECTOR = (
    ("Marketing Director", 4), ("Director of Marketing", 4), ("Head of Growth", 3),
    ("VP Marketing", 3), ("Vice President of Sales", 2), ("Director of Demand Generation", 2),
    ("Head of Revenue Operations", 2), ("Sales Director", 3), ("VP of Sales", 2),
    ("Head of Digital", 2), ("Directora de Màrqueting", 1), ("Director Comercial", 1),
    ("Directeur Marketing", 1), ("Chief Marketing Officer", 2),
)  # fmt: skip
TITLES_MANAGER = (
    ("Marketing Manager", 6), ("Product Manager", 4), ("Account Manager", 3),
    ("Sales Manager", 4), ("Marketing Operations Manager", 3), ("Demand Generation Manager", 2),
    ("Community Manager", 2), ("Gerente de Ventas", 1), ("Gerente de Marketing", 1),
    ("General Manager", 2), ("IT Manager", 2), ("International Account Manager", 1),
)  # fmt: skip
TITLES_OTHER = (
    ("Data Analyst", 5), ("Marketing Analyst", 4), ("Business Analyst", 4),
    ("Software Engineer", 5), ("Data Engineer", 3), ("Marketing Coordinator", 4),
    ("Sales Representative", 3), ("Account Executive", 4), ("Consultant", 4),
    ("Marketing Specialist", 4), ("SEO Specialist", 2), ("Content Writer", 2),
    ("Sales Development Representative", 3), ("Customer Success Specialist", 2),
    ("Operations Coordinator", 2), ("Analista de Datos", 1), ("Tècnica de Màrqueting", 1),
    ("Office Assistant", 1), ("Freelancer", 2), ("Developer", 2),
)  # fmt: skip
TITLES_STUDENT = (
    ("Student", 6), ("MBA Student", 2), ("Marketing Intern", 3), ("Intern", 2),
    ("Estudiante", 2), ("Estudiant de Grau", 1), ("Graduate Student", 1), ("student", 1),
)  # fmt: skip
TITLES_RESEARCHER = (
    ("Researcher", 4), ("Research Scientist", 3), ("PhD Candidate", 3), ("PhD Student", 1),
    ("Professor", 3), ("Associate Professor", 2), ("Lecturer", 2),
    ("Postdoctoral Researcher", 2), ("Director of Research", 1), ("Investigadora", 1),
)  # fmt: skip
TITLES_INTERN = (("Marketing Intern", 3), ("Intern", 1), ("Working Student", 1))
TITLE_MIX = (
    (TITLES_CEO, 6), (TITLES_DIRECTOR, 14), (TITLES_MANAGER, 22), (TITLES_OTHER, 42),
    (TITLES_INTERN, 2), (TITLES_RESEARCHER, 1), ((("", 1),), 12),
)  # fmt: skip
TITLES_COMPETITOR = (
    ("Product Marketing Manager", 3), ("Competitive Intelligence Analyst", 2),
    ("Head of Growth", 1), ("Founder & CEO", 1), ("Marketing Specialist", 2), ("", 1),
)  # fmt: skip
TITLES_INTERNAL = (
    ("Marketing Operations Manager", 1), ("Sales Development Representative", 1),
    ("Software Engineer", 1), ("QA Engineer", 1), ("Head of Marketing", 1),
)  # fmt: skip

LEAD_SOURCES = (
    ("Organic Search", 30), ("Paid Ads", 18), ("Webinar", 10), ("Referral", 8),
    ("Trade Show", 7), ("Content Syndication", 8), ("Social Media", 9), ("Direct", 7),
    ("Partner", 3),
)  # fmt: skip

BLOG_SLUGS = (
    "what-is-lead-scoring", "mql-vs-sql", "fit-vs-engagement-matrix", "b2b-email-benchmarks",
    "ideal-customer-profile-template", "lead-nurturing-workflows", "intent-data-explained",
    "marketing-attribution-models", "scoring-decay-why-old-clicks-fade", "abm-for-small-teams",
    "crm-data-hygiene-checklist", "webinar-follow-up-emails", "sales-marketing-sla",
    "negative-scoring-examples", "how-we-score-our-own-leads", "gdpr-consent-for-b2b",
    "landing-page-conversion-tips", "customer-story-brightwave", "hubspot-vs-salesforce-scoring",
    "measuring-content-roi", "cold-email-is-not-dead", "building-a-demand-gen-team",
    "benchmark-conversion-rates-by-industry", "predictive-vs-rule-based-scoring",
    "lead-routing-best-practices", "event-marketing-playbook", "newsletter-growth-tactics",
    "data-enrichment-guide", "churn-signals-in-b2b", "release-notes-february",
)  # fmt: skip
PRODUCT_PAGES = ("lead-scoring", "attribution", "integrations", "analytics", "enrichment")
DOCS_PAGES = (
    "getting-started", "scoring-rules", "api/authentication", "api/leads",
    "integrations/salesforce", "integrations/hubspot", "faq",
)  # fmt: skip
CAREERS_PAGES = ("", "/senior-data-engineer", "/account-executive", "/marketing-intern")

EBOOKS = (
    "The Complete Guide to Lead Scoring", "B2B Marketing Benchmarks", "Sales and Marketing "
    "Alignment Playbook", "Account-Based Marketing 101", "Email Nurturing That Converts",
    "The Demand Generation Handbook", "Marketing Ops for Startups", "The MQL Is Dead: Long Live "
    "the MQL", "Content Marketing ROI", "Building Your First Scoring Model",
)  # fmt: skip
WHITEPAPERS = (
    "Predictive Scoring with Machine Learning", "The ROI of Marketing Automation",
    "GDPR and B2B Lead Data", "Intent Signals in Enterprise Sales", "Data Quality in the CRM",
    "Benchmarking Sales Cycles",
)  # fmt: skip
EGUIDES = (
    "Lead Scoring Template", "Buyer Persona Worksheet", "Content Calendar Template",
    "Webinar Checklist", "SLA Template for Sales and Marketing", "Email Subject Line Swipe File",
    "Trade Show ROI Calculator", "ICP Scorecard",
)  # fmt: skip
WEBINARS = (
    "Lead Scoring 101", "From MQL to Revenue", "Scoring With Intent Data", "ABM in Practice",
    "Fixing Your CRM Data", "Webinar Follow-up That Works", "Decay: Why Old Clicks Fade",
    "Sales and Marketing SLAs", "Nurture Programs That Convert", "Ask Us Anything: Scoring",
    "Benchmarks Live", "Building a Scorecard in an Hour",
)  # fmt: skip
TRADE_SHOWS = (
    (300, "B2B Marketing Expo"), (245, "SaaStr Europa"), (180, "INBOUND"),
    (125, "Web Summit"), (90, "MarTech Day Madrid"), (40, "Demand Gen Summit London"),
)  # fmt: skip
MONTHLY_CAMPAIGNS = ("Product Update", "Customer Stories", "Pricing Offer", "Content Roundup")

# page-view mixes: (path kind, weight); the first page of a visit favours entry pages
PROFILES: dict[str, tuple[tuple[str, int], ...]] = {
    "reader": (
        ("blog", 60), ("home", 10), ("features", 5), ("about", 4), ("docs", 6),
        ("customers", 5), ("pricing", 3), ("product", 3),
    ),
    "buyer": (
        ("pricing", 20), ("product", 25), ("features", 15), ("customers", 10), ("home", 10),
        ("blog", 8), ("docs", 8), ("about", 4),
    ),
    "jobseeker": (("careers", 50), ("about", 20), ("home", 15), ("blog", 15)),
    "student": (("blog", 70), ("home", 10), ("careers", 10), ("about", 10)),
    "tester": (("docs", 30), ("pricing", 20), ("product", 20), ("home", 15), ("features", 15)),
}  # fmt: skip
HOURS = tuple(range(24))
HOUR_WEIGHTS = (1, 1, 1, 1, 1, 2, 4, 8, 14, 18, 18, 16, 12, 15, 17, 16, 13, 9, 6, 5, 4, 3, 2, 1)

# share of leads per persona; the rest is the general mix
PERSONA_SHARES = (
    ("hot_director", 0.03), ("researcher", 0.02), ("competitor", 0.01), ("student", 0.04),
    ("gone_quiet", 0.03), ("newsletter_only", 0.04),
)  # fmt: skip
INTERNAL_LEADS = 6

LEAD_COLUMNS = (
    "lead_id", "email", "job_title", "industry", "company_name", "company_size",
    "annual_revenue", "country", "created_at", "lead_source",
)  # fmt: skip
EVENT_COLUMNS = ("event_id", "lead_id", "event_type", "occurred_at", "event_detail")
CONVERSION_COLUMNS = ("lead_id", "converted_at")


# --- data structures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Company:
    name: str
    domain: str
    industry: str
    size: int | None
    revenue: int | None
    country: str


@dataclass(frozen=True)
class Send:
    """One dated item of the shared marketing calendar: an e-mail, webinar, show or asset."""

    at: int  # seconds from as_of 00:00 (negative: before)
    name: str


@dataclass(frozen=True)
class Calendar:
    newsletters: tuple[Send, ...]
    campaigns: tuple[Send, ...]
    webinars: tuple[Send, ...]
    trade_shows: tuple[Send, ...]
    assets: dict[str, tuple[Send, ...]]  # download event type -> assets by publication time


@dataclass(frozen=True)
class Tier:
    """Activity level of a general-mix lead."""

    weight: int
    visits: tuple[int, int]
    pages: tuple[int, int]
    subscribe: float
    open_rate: tuple[float, float]
    download: float  # per visit
    webinar: float  # per webinar after creation
    hand_raise: float


TIERS = {
    "dormant": Tier(33, (0, 0), (1, 1), 0.0, (0.0, 0.0), 0.0, 0.0, 0.0),
    "light": Tier(30, (0, 2), (1, 2), 0.08, (0.0, 0.04), 0.1, 0.005, 0.01),
    "medium": Tier(22, (2, 8), (1, 4), 0.25, (0.04, 0.2), 0.15, 0.02, 0.05),
    "engaged": Tier(11, (6, 25), (1, 5), 0.45, (0.15, 0.45), 0.15, 0.05, 0.15),
    "power": Tier(4, (15, 80), (2, 6), 0.6, (0.3, 0.75), 0.08, 0.1, 0.25),
}


@dataclass
class Lead:
    lead_id: str
    persona: str
    email: str
    job_title: str
    industry: str
    company_name: str
    company_size: int | None
    annual_revenue: int | None
    country: str
    created_at: int
    lead_source: str
    fit: float = 0.0  # 0..1: closeness to the ideal customer; drives behaviour and conversion


@dataclass
class Timeline:
    """The events of one lead. Refuses events outside (created_at, end] or before start."""

    created_at: int
    start: int
    end: int
    events: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, at: int, event_type: str, detail: str = "") -> bool:
        if at <= self.created_at or at < self.start or at > self.end:
            return False
        self.events.append((at, event_type, detail))
        return True

    def count(self, *event_types: str) -> int:
        return sum(1 for _, event_type, _ in self.events if event_type in event_types)

    def first(self, *event_types: str) -> int | None:
        times = [at for at, event_type, _ in self.events if event_type in event_types]
        return min(times) if times else None


# --- small helpers -----------------------------------------------------------------------------


def pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def messy(rng: random.Random, value: str, probability: float) -> str:
    """CRM-style noise: now and then upper or lower case, or stray spaces."""
    if not value or rng.random() >= probability:
        return value
    return rng.choice((value.upper(), value.lower(), f" {value} ", f"{value} ", f"  {value}"))


def long_tail_size(rng: random.Random, median: float, spread: float, low: int, high: int) -> int:
    return max(low, min(high, round(math.exp(rng.gauss(math.log(median), spread)))))


def revenue_for(rng: random.Random, size: int | None) -> int | None:
    if size is None or rng.random() < 0.25:
        return None
    raw = size * math.exp(rng.gauss(math.log(150_000), 0.6))
    return int(round(raw, -max(0, len(str(int(raw))) - 2)))  # two significant digits


def relative(as_of: date, day: date, seconds: int) -> int:
    return (day - as_of).days * DAY + seconds


def timestamp(as_of: date, at: int) -> str:
    return (datetime(as_of.year, as_of.month, as_of.day) + timedelta(seconds=at)).strftime(
        "%Y-%m-%d %H:%M:%S"
    )


# --- the shared calendar -----------------------------------------------------------------------


def monthly_sends(as_of: date) -> tuple[list[Send], list[Send]]:
    """Two campaigns a month (first Wednesday; a webinar invite nine days ahead) and the
    webinar itself (third Thursday, 16:00)."""
    start = as_of - timedelta(days=WINDOW_DAYS)
    campaigns: list[Send] = []
    webinars: list[Send] = []
    month = date(start.year, start.month, 1)
    index = 0
    while month <= as_of:
        wednesday = month + timedelta(days=(2 - month.weekday()) % 7)
        webinar_day = month + timedelta(days=(3 - month.weekday()) % 7 + 14)
        invite_day = webinar_day - timedelta(days=9)
        title = WEBINARS[index % len(WEBINARS)]
        theme = MONTHLY_CAMPAIGNS[index % len(MONTHLY_CAMPAIGNS)]
        if start <= wednesday <= as_of:
            campaigns.append(Send(relative(as_of, wednesday, 10 * 3600), f"{theme} {month:%b %Y}"))
        if start <= invite_day <= as_of:
            campaigns.append(Send(relative(as_of, invite_day, 11 * 3600), f"Invite: {title}"))
        if start <= webinar_day <= as_of:
            webinars.append(Send(relative(as_of, webinar_day, 16 * 3600), f"Webinar: {title}"))
        index += 1
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return campaigns, webinars


def published(as_of: date, names: Sequence[str], before_window: int) -> tuple[Send, ...]:
    """Publication times: the first `before_window` assets predate the window, the others come
    out evenly through it."""
    later = len(names) - before_window
    sends = []
    for i, name in enumerate(names):
        if i < before_window:
            days_ago = WINDOW_DAYS + 30 * (before_window - i)
        else:
            days_ago = WINDOW_DAYS - (i - before_window + 1) * WINDOW_DAYS // (later + 1)
        sends.append(Send(relative(as_of, as_of - timedelta(days=days_ago), 8 * 3600), name))
    return tuple(sends)


def build_calendar(as_of: date) -> Calendar:
    start = as_of - timedelta(days=WINDOW_DAYS)
    newsletters: list[Send] = []
    day = start + timedelta(days=(1 - start.weekday()) % 7)  # Tuesdays
    while day <= as_of:
        name = f"Weekly Newsletter {day.isoformat()}"
        newsletters.append(Send(relative(as_of, day, 9 * 3600), name))
        day += timedelta(days=7)
    campaigns, webinars = monthly_sends(as_of)
    trade_shows = []
    for days_ago, name in TRADE_SHOWS:
        show_day = as_of - timedelta(days=days_ago)
        trade_shows.append(Send(relative(as_of, show_day, 10 * 3600), f"{name} {show_day.year}"))
    assets = {
        "ebook_download": published(as_of, EBOOKS, 4),
        "whitepaper_download": published(as_of, WHITEPAPERS, 2),
        "eguide_download": published(as_of, EGUIDES, 3),
    }
    for event_type, sends in assets.items():
        launch = "Ebook Launch" if event_type == "ebook_download" else "New Resource"
        campaigns.extend(
            Send(send.at + 3 * 3600, f"{launch}: {send.name}")
            for send in sends
            if send.at >= -WINDOW_DAYS * DAY
        )
    campaigns.sort(key=lambda send: (send.at, send.name))
    return Calendar(
        tuple(newsletters), tuple(campaigns), tuple(webinars), tuple(trade_shows), assets
    )


# --- the generator -----------------------------------------------------------------------------


class DemoGenerator:
    """Builds leads, events and conversions, consuming one random stream in a fixed order."""

    def __init__(self, n_leads: int, as_of: date, seed: int) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.calendar = build_calendar(as_of)
        self.window_start = -WINDOW_DAYS * DAY
        self.end = DAY - 1  # the whole as_of day counts
        self.used_emails: set[str] = set()  # membership only, never iterated
        self.company_names: set[str] = set()
        self.companies = [self.new_company() for _ in range(max(40, n_leads // 2))]
        # bigger companies bring more leads
        weights = [(c.size or 1) ** 0.3 if (c.size or 1) >= 5 else 0.3 for c in self.companies]
        self.company_cum_weights = list(itertools.accumulate(weights))

    # time ----------------------------------------------------------------------------------

    def on_day(self, day: int, weekend_shift: float = 0.6) -> int:
        """A time on `day` (days from as_of), mostly office hours; weekends are quieter."""
        rng = self.rng
        weekday = (self.as_of.weekday() + day) % 7
        if weekday >= 5 and rng.random() < weekend_shift:
            day += 1 if (weekday == 6 and day <= -1) else -(weekday - 4)
        hour = rng.choices(HOURS, weights=HOUR_WEIGHTS)[0]
        return day * DAY + hour * 3600 + rng.randrange(3600)

    def days_ago(self, low: float, high: float) -> int:
        return self.on_day(-round(self.rng.uniform(low, high)))

    # attributes ----------------------------------------------------------------------------

    def new_company(
        self,
        industries: Sequence[str] | None = None,
        size: tuple[int, int] | None = None,
        countries: Sequence[str] | None = None,
    ) -> Company:
        rng = self.rng
        country = rng.choice(countries) if countries else pick(rng, COUNTRIES) or "US"
        industry = rng.choice(industries) if industries else pick(rng, INDUSTRIES)
        name = ""
        for attempt in range(1000):
            base = rng.choice(COMPANY_WORDS_A) + rng.choice(COMPANY_WORDS_B)
            name = base + rng.choice(COMPANY_KINDS) + (f" {attempt}" if attempt >= 20 else "")
            if name not in self.company_names:
                break
        self.company_names.add(name)
        tld = ".io" if industry in TECH_INDUSTRIES and rng.random() < 0.3 else ".com"
        if country in COUNTRY_TLD and rng.random() < 0.5:
            tld = COUNTRY_TLD[country]
        domain = ascii_slug(name) + tld
        if rng.random() < 0.3:
            name += COUNTRY_COMPANY_SUFFIX.get(country, "")
        if size is None:
            employees = long_tail_size(rng, 60, 1.9, 1, 50_000)
        else:
            employees = long_tail_size(rng, math.sqrt(size[0] * size[1]), 0.5, *size)
        return Company(name, domain, industry, employees, revenue_for(rng, employees), country)

    def email(self, first: str, last: str, domain: str) -> str:
        local = f"{ascii_slug(first)}.{ascii_slug(last)}"
        candidate, number = f"{local}@{domain}", 1
        while candidate in self.used_emails:
            number += 1
            candidate = f"{local}{number}@{domain}"
        self.used_emails.add(candidate)
        return candidate

    def person(self) -> tuple[str, str]:
        rng = self.rng
        first = rng.choice(ACCENTED_FIRST_NAMES if rng.random() < 0.04 else FIRST_NAMES)
        return first, rng.choice(LAST_NAMES)

    def personal_domain(self) -> str:
        return pick(self.rng, PERSONAL_DOMAINS)

    def lead_from_company(
        self, lead_id: str, persona: str, company: Company, title: str, noise: float = 0.08
    ) -> Lead:
        """A lead at `company`, with CRM-like blanks and noise."""
        rng = self.rng
        first, last = self.person()
        personal = rng.random() < (0.12 if persona == "general" else 0.04) and persona != "internal"
        email = self.email(first, last, self.personal_domain() if personal else company.domain)
        if persona == "general" and rng.random() < 0.01:
            email = ""
        company_name = "" if personal and rng.random() < 0.4 else company.name
        industry = "" if rng.random() < 0.1 else company.industry
        country = "" if rng.random() < 0.04 else company.country
        if country and rng.random() < 0.03:
            country = rng.choice((country.lower(), f" {country}"))
        return Lead(
            lead_id=lead_id,
            persona=persona,
            email=email,
            job_title=messy(rng, title, noise),
            industry=messy(rng, industry, noise + 0.04),
            company_name=messy(rng, company_name, noise / 2),
            company_size=None if rng.random() < 0.12 else company.size,
            annual_revenue=company.revenue,
            country=country,
            created_at=0,
            lead_source=pick(rng, LEAD_SOURCES),
        )

    def general_title(self) -> str:
        group = self.rng.choices([g for g, _ in TITLE_MIX], weights=[w for _, w in TITLE_MIX])[0]
        return pick(self.rng, group)

    def make_lead(self, lead_id: str, persona: str) -> Lead:
        lead = getattr(self, f"lead_{persona}")(lead_id)
        lead.fit = fit_of(lead)
        return lead

    def lead_general(self, lead_id: str, persona: str = "general") -> Lead:
        rng = self.rng
        company = rng.choices(self.companies, cum_weights=self.company_cum_weights)[0]
        lead = self.lead_from_company(lead_id, persona, company, self.general_title())
        if lead.lead_source == "Trade Show":  # created at the booth (or at an older show)
            show = rng.choice((*self.calendar.trade_shows, Send(-500 * DAY, "")))
            lead.created_at = show.at - rng.randrange(600, 7200)
        else:  # two years of leads, more of them lately
            lead.created_at = self.on_day(-round(730 * rng.random() ** 1.6))
        return lead

    def lead_newsletter_only(self, lead_id: str) -> Lead:
        lead = self.lead_general(lead_id, "newsletter_only")
        lead.lead_source = pick(self.rng, (("Organic Search", 3), ("Social Media", 2)))
        lead.created_at = self.days_ago(120, 364)
        return lead

    def lead_hot_director(self, lead_id: str) -> Lead:
        rng = self.rng
        company = self.new_company(TECH_INDUSTRIES, (200, 2000), TARGET_COUNTRIES)
        lead = self.lead_from_company(lead_id, "hot_director", company, pick(rng, TITLES_DIRECTOR))
        lead.company_size = company.size
        lead.lead_source = pick(rng, (("Organic Search", 4), ("Paid Ads", 2), ("Webinar", 1),
                                      ("Referral", 2), ("Content Syndication", 1)))  # fmt: skip
        lead.created_at = self.days_ago(15, 240)
        return lead

    def lead_gone_quiet(self, lead_id: str) -> Lead:
        rng = self.rng
        industries = TECH_INDUSTRIES if rng.random() < 0.7 else None
        company = self.new_company(industries, (50, 5000), TARGET_COUNTRIES)
        titles = pick(rng, ((TITLES_CEO, 2), (TITLES_DIRECTOR, 5), (TITLES_MANAGER, 4)))
        lead = self.lead_from_company(lead_id, "gone_quiet", company, pick(rng, titles))
        lead.created_at = self.days_ago(250, 600)
        return lead

    def lead_researcher(self, lead_id: str) -> Lead:
        rng = self.rng
        university, domain, country = rng.choice(UNIVERSITIES)
        industries = (("Higher Education", 45), ("Education", 35), ("Research", 10), ("", 10))
        staff = long_tail_size(rng, 3000, 0.9, 200, 40_000)
        return Lead(
            lead_id=lead_id,
            persona="researcher",
            email=self.email(*self.person(), domain),
            job_title=pick(rng, TITLES_RESEARCHER),
            industry=messy(rng, pick(rng, industries), 0.1),
            company_name=university,
            company_size=None if rng.random() < 0.3 else staff,
            annual_revenue=None,
            country=country,
            created_at=self.days_ago(200, 700),
            lead_source=pick(rng, (("Organic Search", 6), ("Content Syndication", 2))),
        )

    def lead_student(self, lead_id: str) -> Lead:
        rng = self.rng
        industries = (("Education", 4), ("", 4), (pick(rng, INDUSTRIES), 2))
        return Lead(
            lead_id=lead_id,
            persona="student",
            email=self.email(*self.person(), self.personal_domain()),
            job_title=messy(rng, pick(rng, TITLES_STUDENT), 0.1),
            industry=pick(rng, industries),
            company_name=rng.choice(UNIVERSITIES)[0] if rng.random() < 0.4 else "",
            company_size=None if rng.random() < 0.7 else long_tail_size(rng, 5, 1.0, 1, 50),
            annual_revenue=None,
            country=pick(rng, COUNTRIES),
            created_at=self.days_ago(0, 365),
            lead_source=pick(rng, (("Organic Search", 6), ("Social Media", 3), ("Direct", 1))),
        )

    def lead_competitor(self, lead_id: str) -> Lead:
        rng = self.rng
        name, domain, country = rng.choice(COMPETITORS)
        size = {"RivalScore": 120, "LeadRival": 45, "ScoreMonkey": 300}[name]
        company = Company(name, domain, rng.choice(("Software", "SaaS")), size, None, country)
        lead = self.lead_from_company(lead_id, "competitor", company, pick(rng, TITLES_COMPETITOR))
        if lead.email.endswith(domain):
            lead.company_name = messy(rng, name, 0.2)
        else:  # a personal address: only the company name gives them away
            lead.company_name = rng.choice((name, name.upper(), f" {name.lower()} "))
        lead.lead_source = pick(rng, (("Organic Search", 3), ("Direct", 2), ("Webinar", 1)))
        lead.created_at = self.days_ago(120, 360)
        return lead

    def lead_internal(self, lead_id: str) -> Lead:
        name, domain, country, size = OWN_COMPANY
        company = Company(name, domain, "Software", size, 31_000_000, country)
        lead = self.lead_from_company(lead_id, "internal", company, pick(self.rng, TITLES_INTERNAL))
        if not lead.email.endswith(domain):
            lead.email = self.email(*self.person(), domain)
        lead.lead_source = "Direct"
        lead.created_at = self.days_ago(300, 364)
        return lead

    # behaviour -----------------------------------------------------------------------------

    def page_path(self, profile: str) -> str:
        rng = self.rng
        kind = pick(rng, PROFILES[profile])
        if kind == "blog":
            weights = [1 / (rank + 1) ** 0.8 for rank in range(len(BLOG_SLUGS))]
            return "/blog/" + rng.choices(BLOG_SLUGS, weights=weights)[0]
        if kind == "product":
            return "/product/" + rng.choice(PRODUCT_PAGES)
        if kind == "docs":
            return "/docs/" + rng.choice(DOCS_PAGES)
        if kind == "careers":
            return "/careers" + rng.choice(CAREERS_PAGES)
        if kind == "pricing":
            return rng.choice(("/pricing", "/pricing", "/pricing", "/pricing?plan=enterprise"))
        return {"home": "/", "features": "/features", "about": "/about"}.get(kind, "/customers")

    def visit(self, timeline: Timeline, at: int, pages: int, profile: str) -> int:
        """A visit of `pages` page views from `at`; returns the time of the last one."""
        for _ in range(pages):
            timeline.add(at, "page_view", self.page_path(profile))
            at += self.rng.randrange(15, 300)
        return at

    def download(self, timeline: Timeline, at: int, event_type: str | None = None) -> bool:
        rng = self.rng
        event_type = event_type or pick(
            rng, (("ebook_download", 5), ("eguide_download", 4), ("whitepaper_download", 2))
        )
        available = [send for send in self.calendar.assets[event_type] if send.at <= at]
        if not available:
            return False
        asset = available[-1] if rng.random() < 0.4 else rng.choice(available)
        return timeline.add(at + rng.randrange(20, 400), event_type, asset.name)

    def emails(
        self,
        timeline: Timeline,
        open_rate: float,
        click_rate: float,
        subscribed_at: int | None,
        unsubscribe: float = 0.0,
        campaigns: bool = True,
    ) -> None:
        """Opens (and clicks) of the e-mails the lead received: campaigns since creation,
        newsletters since subscription; an unsubscribe ends them."""
        rng = self.rng
        received = [
            send for send in self.calendar.newsletters if subscribed_at and send.at > subscribed_at
        ]
        if campaigns:
            received += [send for send in self.calendar.campaigns if send.at > timeline.created_at]
        received.sort(key=lambda send: (send.at, send.name))
        opened = [send for send in received if rng.random() < open_rate]
        stop = len(opened)
        if opened and rng.random() < unsubscribe:
            stop = rng.randrange(len(opened))
        for index, send in enumerate(opened[: stop + 1]):
            at = send.at + min(5 * DAY, round(rng.expovariate(1 / (8 * 3600))))
            if not timeline.add(at, "email_open", send.name):
                continue
            if index == stop:
                timeline.add(at + rng.randrange(20, 600), "unsubscribe", send.name)
            elif rng.random() < click_rate:
                click = at + rng.randrange(5, 600)
                if timeline.add(click, "email_click", send.name):
                    profile = "reader" if send.name.startswith("Weekly") else "buyer"
                    self.visit(timeline, click + 5, rng.randint(1, 3), profile)

    def webinars(self, timeline: Timeline, probability: float) -> int:
        attended = 0
        for webinar in self.calendar.webinars:
            if webinar.at > timeline.created_at and self.rng.random() < probability:
                attended += timeline.add(
                    webinar.at + self.rng.randrange(0, 900), "webinar_attended", webinar.name
                )
        return attended

    def hand_raise(self, timeline: Timeline, at: int, calls: float, kind: str = "") -> bool:
        """A contact / demo / trial request, sometimes followed by unanswered sales calls."""
        rng = self.rng
        kind = kind or pick(
            rng, (("demo_request", 45), ("contact_request", 35), ("trial_request", 20))
        )
        path = {"demo_request": "/demo", "contact_request": "/contact", "trial_request": "/trial"}
        if not timeline.add(at, kind, path[kind]):
            return False
        if rng.random() < calls:
            day = at // DAY
            for _ in range(rng.randint(1, 3)):
                day += rng.randint(1, 4)
                timeline.add(self.on_day(day, 1.0), "call_unanswered", "SDR call")
        return True

    def spread(self, timeline: Timeline, count: int, focus_days: float) -> list[int]:
        """`count` visit times: three in four soon after creation (interest fades), the others
        at any time since; those beyond as_of did not happen (yet)."""
        rng = self.rng
        times = []
        for _ in range(count):
            if rng.random() < 0.75:
                at = timeline.created_at + round(rng.expovariate(1 / (focus_days * DAY)))
            else:
                lower = max(timeline.created_at, timeline.start)
                at = rng.randrange(lower, max(lower + 1, timeline.end))
            at = self.on_day(at // DAY)
            if at <= timeline.created_at:  # on the day of creation: after it
                at = timeline.created_at + rng.randrange(60, 3600)
            times.append(at)
        return sorted(times)

    def timeline_for(self, lead: Lead) -> Timeline:
        start = max(self.window_start, lead.created_at + 1)
        end = self.end
        if lead.persona == "gone_quiet":
            end = -125 * DAY
        timeline = Timeline(lead.created_at, start, end)
        handler = getattr(self, f"events_{lead.persona}")
        handler(lead, timeline)
        return timeline

    # personas ------------------------------------------------------------------------------

    def origin(self, lead: Lead, timeline: Timeline) -> None:
        """What created the lead (a form, a scan): the first event, minutes later."""
        rng = self.rng
        at = lead.created_at + rng.randrange(30, 900)
        source = lead.lead_source
        if source == "Trade Show":
            shows = [s for s in self.calendar.trade_shows if 0 <= s.at - lead.created_at < DAY]
            for show in shows[:1]:
                at = show.at + rng.randrange(3600, 6 * 3600)
                timeline.add(at, "event_attended", show.name)
        elif source == "Webinar":
            upcoming = [w for w in self.calendar.webinars if 0 < w.at - lead.created_at < 30 * DAY]
            for webinar in upcoming[:1]:
                if rng.random() < 0.75:
                    at = webinar.at + rng.randrange(900)
                    timeline.add(at, "webinar_attended", webinar.name)
        elif source in ("Paid Ads", "Content Syndication") and rng.random() < 0.7:
            self.download(timeline, at, rng.choice(("ebook_download", "eguide_download")))
        elif source in ("Organic Search", "Social Media") and rng.random() < 0.5:
            self.visit(timeline, at, 1, "reader")
        elif source in ("Referral", "Partner") and rng.random() < 0.15:
            self.hand_raise(timeline, at, 0.3, "contact_request")

    def events_general(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        tier_name = pick(rng, [(name, tier.weight) for name, tier in TIERS.items()])
        tier = TIERS[tier_name]
        self.origin(lead, timeline)
        if tier_name == "dormant":
            return
        job_seeker = rng.random() < 0.06
        buyer = 0.03 + 0.27 * lead.fit
        visit_times = self.spread(timeline, rng.randint(*tier.visits), rng.uniform(10, 120))
        raise_at = None
        if rng.random() < tier.hand_raise * (0.3 + 1.4 * lead.fit) and visit_times:
            raise_at = rng.choice(visit_times[len(visit_times) // 2 :])
        for at in visit_times:
            profile = "buyer" if rng.random() < buyer or at == raise_at else "reader"
            if job_seeker and rng.random() < 0.5:
                profile = "jobseeker"
            end = self.visit(timeline, at, rng.randint(*tier.pages), profile)
            if rng.random() < tier.download:
                self.download(timeline, end)
            if at == raise_at:
                self.hand_raise(timeline, end + rng.randrange(30, 300), 0.35)
        subscribed_at = None
        if rng.random() < tier.subscribe:
            subscribed_at = (visit_times or [lead.created_at + 600])[0] + rng.randrange(60, 900)
            if not timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter"):
                subscribed_at = None
        self.emails(timeline, rng.uniform(*tier.open_rate), 0.15, subscribed_at, 0.06)
        self.webinars(timeline, tier.webinar)
        if raise_at is None and lead.fit > 0.6 and rng.random() < tier.hand_raise / 5:
            day = rng.randint(timeline.start // DAY, 0)
            timeline.add(self.on_day(day, 1.0), "call_unanswered", "SDR call")

    def events_hot_director(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        self.origin(lead, timeline)
        history = self.spread(timeline, rng.randint(3, 12), rng.uniform(20, 90))
        for at in history:
            if at < -10 * DAY:
                end = self.visit(timeline, at, rng.randint(1, 4), "reader")
                if rng.random() < 0.15:
                    self.download(timeline, end)
        subscribed_at = None
        if rng.random() < 0.5:
            subscribed_at = lead.created_at + rng.randrange(60, 3 * DAY)
            timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter")
        self.emails(timeline, rng.uniform(0.3, 0.6), 0.2, subscribed_at)
        self.webinars(timeline, 0.1)
        recent_days = sorted(rng.sample(range(0, 11), rng.randint(2, 5)), reverse=True)
        for index, day in enumerate(recent_days):
            at = self.on_day(-day, 0.9)
            end = self.visit(timeline, at, rng.randint(2, 6), "buyer")
            timeline.add(end + 40, "page_view", rng.choice(("/pricing", "/product/lead-scoring")))
            if index == 0 and rng.random() < 0.7:
                self.download(timeline, end + 60, "ebook_download")
            if index == 0 and rng.random() < 0.3:
                self.download(timeline, end + 90, "whitepaper_download")
            if index == len(recent_days) - 1:
                kind = pick(
                    rng, (("demo_request", 6), ("contact_request", 3), ("trial_request", 1))
                )
                self.hand_raise(timeline, end + 120, 0.25, kind)

    def events_researcher(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        self.origin(lead, timeline)
        lower = timeline.start
        for event_type, assets in self.calendar.assets.items():
            for asset in assets:
                for _ in range(1 + (rng.random() < 0.5)):
                    if rng.random() < 0.75:
                        earliest = max(asset.at, lower)
                        at = self.on_day(rng.randint(min(0, earliest // DAY + 1), 0))
                        timeline.add(at, event_type, asset.name)
        for at in self.spread(timeline, rng.randint(15, 50), 365):
            self.visit(timeline, at, rng.randint(1, 5), "reader")
        subscribed_at = lower + rng.randrange(DAY, 30 * DAY)
        timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter")
        self.emails(timeline, rng.uniform(0.4, 0.8), 0.3, subscribed_at)
        self.webinars(timeline, 0.3)

    def events_competitor(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        subscribed_at = lead.created_at + rng.randrange(60, 600)
        timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter")
        self.emails(timeline, 1.0, 0.3, subscribed_at, campaigns=False)
        self.emails(timeline, 0.8, 0.3, None)
        for event_type, share in (
            ("ebook_download", 1.0), ("whitepaper_download", 0.8), ("eguide_download", 0.6),
        ):  # fmt: skip
            for asset in self.calendar.assets[event_type]:
                if rng.random() < share:
                    at = max(asset.at, timeline.start) + rng.randrange(3600, 3 * DAY)
                    timeline.add(at, event_type, asset.name)
        for at in self.spread(timeline, rng.randint(10, 40), 365):
            self.visit(timeline, at, rng.randint(2, 6), "buyer")
        self.webinars(timeline, 0.7)

    def events_internal(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        self.emails(timeline, 0.9, 0.4, lead.created_at + 3600)
        for at in self.spread(timeline, rng.randint(5, 40), 365):
            end = self.visit(timeline, at, rng.randint(1, 5), "tester")
            if rng.random() < 0.15:
                self.hand_raise(timeline, end + 30, 0.0)  # testing the forms
        self.webinars(timeline, 0.5)

    def events_student(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        for at in self.spread(timeline, rng.randint(1, 3), 30):
            profile = "jobseeker" if rng.random() < 0.35 else "student"
            end = self.visit(timeline, at, rng.randint(1, 2), profile)
            if rng.random() < 0.15:
                self.download(timeline, end, "eguide_download")

    def events_gone_quiet(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        self.origin(lead, timeline)
        first_day, last_day = -rng.randint(300, 365), -rng.randint(130, 200)
        for _ in range(rng.randint(10, 35)):
            at = self.on_day(rng.randint(first_day, last_day))
            end = self.visit(
                timeline, at, rng.randint(1, 5), pick(rng, (("buyer", 1), ("reader", 2)))
            )
            if rng.random() < 0.25:
                self.download(timeline, end)
        subscribed_at = None
        if rng.random() < 0.6:
            subscribed_at = first_day * DAY + rng.randrange(DAY)
            timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter")
        self.emails(timeline, rng.uniform(0.3, 0.6), 0.2, subscribed_at)
        self.webinars(timeline, 0.3)
        if rng.random() < 0.3:
            self.hand_raise(timeline, self.on_day(last_day - rng.randint(0, 20)), 0.5)

    def events_newsletter_only(self, lead: Lead, timeline: Timeline) -> None:
        rng = self.rng
        subscribed_at = lead.created_at + rng.randrange(30, 600)
        timeline.add(subscribed_at, "newsletter_subscribe", "Weekly Newsletter")
        open_rate = rng.uniform(0.4, 0.95)
        for send in self.calendar.newsletters:
            if send.at > subscribed_at and rng.random() < open_rate:
                at = send.at + min(3 * DAY, round(rng.expovariate(1 / (6 * 3600))))
                timeline.add(at, "email_open", send.name)

    # conversions ---------------------------------------------------------------------------

    def conversion(self, lead: Lead, timeline: Timeline) -> int | None:
        """When the lead became a customer, if it did: likelier with fit and engagement,
        always after some of its events (days after a hand-raise when there is one)."""
        rng = self.rng
        if not timeline.events:
            return None
        raised = timeline.first("demo_request", "contact_request", "trial_request")
        pages = sum(
            1
            for _, t, d in timeline.events
            if t == "page_view" and d.startswith(("/pricing", "/product"))
        )
        downloads = timeline.count("ebook_download", "whitepaper_download", "eguide_download")
        base = {
            "hot_director": 0.35, "gone_quiet": 0.2, "researcher": 0.02, "student": 0.01,
            "newsletter_only": 0.04, "competitor": 0.0, "internal": 0.0,
        }.get(lead.persona)  # fmt: skip
        if base is None:  # general mix
            base = (
                0.03
                + (0.5 if raised is not None else 0.0)
                + 0.05 * min(pages, 4)
                + 0.02 * min(downloads, 4)
                + 0.03 * min(timeline.count("webinar_attended", "event_attended"), 2)
            ) * (0.3 + 1.2 * lead.fit)
        if rng.random() >= base:
            return None
        times = sorted(at for at, _, _ in timeline.events)
        if raised is not None:
            return raised + round(rng.uniform(1, 30) * DAY)
        after = times[rng.randrange(len(times) // 2, len(times))]
        return after + round(rng.uniform(0.5, 25) * DAY)


LOW_FIT_TITLE = re.compile(r"student|estudiant|\bintern\b|research|phd|professor|lecturer")
TOP_TITLE = re.compile(r"ceo|founder|chief|director|head of|\bvp\b|vice president")
MANAGER_TITLE = re.compile(r"manager|gerente")


def fit_of(lead: Lead) -> float:
    """0..1, the vendor's notion of a good customer (not the scorecard's points)."""
    title = lead.job_title.lower()
    if LOW_FIT_TITLE.search(title):
        title_fit = 0.05
    elif TOP_TITLE.search(title):
        title_fit = 1.0
    elif MANAGER_TITLE.search(title):
        title_fit = 0.7
    else:
        title_fit = 0.35
    industry = lead.industry.strip().lower()
    industry_fit = 1.0 if industry in {i.lower() for i in TECH_INDUSTRIES} else 0.5
    region_fit = 1.0 if lead.country.strip().upper() in TARGET_COUNTRIES else 0.5
    size = lead.company_size
    size_fit = 0.6 if size is None else (1.0 if 50 <= size <= 5000 else 0.4)
    return title_fit * 0.4 + industry_fit * 0.2 + region_fit * 0.2 + size_fit * 0.2


def personas(rng: random.Random, n_leads: int) -> list[str]:
    """The persona of each lead, in lead_id order: fixed shares, shuffled."""
    assigned: list[str] = []
    for persona, share in PERSONA_SHARES:
        assigned += [persona] * max(1 if n_leads >= 50 else 0, round(n_leads * share))
    assigned += ["internal"] * min(INTERNAL_LEADS, max(0, n_leads // 500) or int(n_leads >= 50))
    assigned = assigned[:n_leads]
    assigned += ["general"] * (n_leads - len(assigned))
    rng.shuffle(assigned)
    return assigned


# --- output ------------------------------------------------------------------------------------


def write_csv(path: Path, header: Sequence[str], rows: list[list[str]]) -> int:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def text(value: int | str | None) -> str:
    return "" if value is None else str(value)


def crm_noise(lead_rows: list[list[str]], event_rows: list[list[str]], as_of: date) -> None:
    """Appends (and edits) a few rows in place, one of each kind data_quality_issues lists
    (see the module's docstring). Fixed rows, no random draw, so the personas stay as they
    were; needs at least 3 leads and 3 events."""
    company_size = LEAD_COLUMNS.index("company_size")
    created_at = LEAD_COLUMNS.index("created_at")
    job_title = LEAD_COLUMNS.index("job_title")
    reimport = list(lead_rows[1])  # the CRM re-imported a lead: a second row, created later
    reimport[created_at] = timestamp(as_of, 0)
    reimport[job_title] = reimport[job_title] + " (re-import)"
    no_key = ["", "someone@example.com", "Analyst", "Retail", "", "", "", "US", "2025-06-01", "Web"]
    bad_date = [
        "L900001", "pat@example.com", "Manager", "Retail", "", "", "", "US", "31/02/2026", "Web",
    ]  # fmt: skip
    lead_rows.extend([reimport, no_key, bad_date])
    lead_rows[0][company_size] = "n/a"  # numeric rules cannot read these: reported, still scored
    lead_rows[2][company_size] = "1,000"
    first, second, third = event_rows[0], event_rows[1], event_rows[2]
    reused = [first[0], third[1], "page_view", third[3], "/reused-id"]
    event_rows.extend([
        list(second), list(third),  # exported twice: exact duplicates, each counts once
        ["E9000001", "L999999", "page_view", second[3], "/pricing"],  # unknown lead
        ["E9000002", third[1], "", third[3], "/blog/x"],  # no event_type
        ["E9000003", third[1], "page_view", "yesterday", "/blog/y"],  # not a timestamp
        reused,  # an event_id of another row, different content
    ])  # fmt: skip


def generate(
    out_dir: Path, n_leads: int = 3000, as_of: date = date(2026, 3, 15), seed: int = 42
) -> dict[str, int]:
    """Writes leads.csv, lead_events.csv and conversions.csv into `out_dir`; returns the
    number of rows of each. Same arguments, same bytes."""
    generator = DemoGenerator(n_leads, as_of, seed)
    lead_rows: list[list[str]] = []
    events: list[tuple[int, str, str, str]] = []
    conversions: list[list[str]] = []
    for number, persona in enumerate(personas(generator.rng, n_leads), start=1):
        lead = generator.make_lead(f"L{number:06d}", persona)
        timeline = generator.timeline_for(lead)
        lead_rows.append([
            lead.lead_id, lead.email, lead.job_title, lead.industry, lead.company_name,
            text(lead.company_size), text(lead.annual_revenue), lead.country,
            timestamp(as_of, lead.created_at), lead.lead_source,
        ])  # fmt: skip
        events.extend((at, lead.lead_id, kind, detail) for at, kind, detail in timeline.events)
        converted_at = generator.conversion(lead, timeline)
        if converted_at is not None:
            conversions.append([lead.lead_id, timestamp(as_of, converted_at)])
    events.sort()
    event_rows = [
        [f"E{number:07d}", lead_id, kind, timestamp(as_of, at), detail]
        for number, (at, lead_id, kind, detail) in enumerate(events, start=1)
    ]
    crm_noise(lead_rows, event_rows, as_of)
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        "leads": write_csv(out_dir / "leads.csv", LEAD_COLUMNS, lead_rows),
        "lead_events": write_csv(out_dir / "lead_events.csv", EVENT_COLUMNS, event_rows),
        "conversions": write_csv(out_dir / "conversions.csv", CONVERSION_COLUMNS, conversions),
    }
