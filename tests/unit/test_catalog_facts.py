"""The shipped catalog carries the seed article's facts.

Every expected value below is copied from the article (tests/fixtures/ai-roles-article.txt):
if a test here fails, either the data drifted from the article or the article changed.
"""

from __future__ import annotations

import pytest

from airoles_tui.catalog.loader import load_catalog
from airoles_tui.paths import data_dir


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(data_dir())


# --------------------------------------------------------------------------- roles

FAMILIES = [
    ("research-science", "Research & Science",
     ["AI Research Scientist", "Research Engineer", "Applied Scientist"]),
    ("engineering-production", "Engineering & Production",
     ["ML Engineer", "Forward Deployed Engineer", "Data Engineer", "MLOps / LLMOps Engineer",
      "Prompt Engineer"]),
    ("data-product-strategy", "Data Science, Product & Strategy",
     ["Data Scientist", "AI Product Manager", "AI Safety Researcher", "AI Ethics Specialist"]),
]


def test_families_in_article_order(catalog):
    assert [(f.id, f.name) for f in catalog.families] == [(i, n) for i, n, _ in FAMILIES]


@pytest.mark.parametrize("family_id, _name, names", FAMILIES)
def test_role_names_in_family_order(catalog, family_id, _name, names):
    assert [r.name for r in catalog.roles_in(family_id)] == names


def test_twelve_roles_with_unique_ids(catalog):
    ids = [r.id for r in catalog.roles]
    assert len(ids) == 12 == len(set(ids))


# The "AI/ML Roles Comparison" table, row by row:
# role, primary focus, core skills, typical background, min, max, "+".
TABLE = [
    ("ai-research-scientist", "AI Research Scientist", "Novel algorithms & publications",
     "Math, PyTorch/JAX, scientific writing", "PhD in ML/Stats/Math", 200_000, 500_000, True),
    ("research-engineer", "Research Engineer", "Implement & scale research",
     "C++/CUDA, distributed systems, ML", "CS degree + ML experience", 180_000, 400_000, False),
    ("applied-scientist", "Applied Scientist", "Research-to-product translation",
     "ML + SWE + domain expertise", "PhD or MS + industry", 180_000, 450_000, False),
    ("ml-engineer", "ML Engineer", "Production ML systems",
     "Python, Docker, K8s, MLflow, cloud", "CS/SWE + ML skills", 150_000, 350_000, False),
    ("forward-deployed-engineer", "Forward Deployed Engineer", "On-site customer AI deployment",
     "Full-stack, communication, adaptability", "SWE + client skills", 140_000, 250_000, False),
    ("data-engineer", "Data Engineer", "Data pipelines & infrastructure",
     "SQL, Spark, Airflow, cloud data", "CS/Data Engineering", 130_000, 280_000, False),
    ("mlops-engineer", "MLOps / LLMOps Engineer", "ML system operations",
     "K8s, CI/CD, monitoring, vLLM", "DevOps/SRE + ML", 140_000, 280_000, False),
    ("data-scientist", "Data Scientist", "Analysis & insight generation",
     "Statistics, Python/R, visualisation", "Stats/Math/Sciences", 120_000, 250_000, False),
    ("prompt-engineer", "Prompt Engineer", "LLM prompt design & optimisation",
     "Writing, LLM fluency, evaluation", "Varied (writing, SWE, linguistics)",
     100_000, 200_000, False),
    ("ai-product-manager", "AI Product Manager", "AI product strategy & roadmap",
     "PM skills + ML literacy", "PM + technical background", 150_000, 300_000, False),
    ("ai-safety-researcher", "AI Safety Researcher", "Alignment, robustness, red-teaming",
     "ML + philosophy + adversarial thinking", "ML/Philosophy PhD or MS", 150_000, 400_000, False),
]


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_comparison_table_row(catalog, row):
    role_id, name, focus, skills, background, lo, hi, plus = row
    role = catalog.role(role_id)
    assert role is not None
    assert role.name == name
    assert role.primary_focus == focus
    assert role.core_skills == skills
    assert role.background == background
    assert role.in_comparison_table is True
    comp = role.compensation
    assert (comp.min_usd, comp.max_usd, comp.open_ended) == (lo, hi, plus)


def test_comparison_table_has_eleven_rows(catalog):
    in_table = [r.id for r in catalog.roles if r.in_comparison_table]
    assert in_table == [
        "ai-research-scientist", "research-engineer", "applied-scientist", "ml-engineer",
        "forward-deployed-engineer", "data-engineer", "mlops-engineer", "prompt-engineer",
        "data-scientist", "ai-product-manager", "ai-safety-researcher",
    ]
    assert len(in_table) == 11


def test_comp_labels_match_the_table(catalog):
    assert catalog.role("ai-research-scientist").compensation.label() == "$200K–$500K+"
    assert catalog.role("prompt-engineer").compensation.label() == "$100K–$200K"


def test_ethics_specialist_shares_the_safety_range(catalog):
    ethics = catalog.role("ai-ethics-specialist")
    assert ethics.in_comparison_table is False
    assert (ethics.compensation.min_usd, ethics.compensation.max_usd) == (150_000, 400_000)
    assert any("AI Safety Researcher / AI Ethics Specialist" in n
               for n in ethics.compensation.notes)


def test_senior_research_scientist_note(catalog):
    comp = catalog.role("ai-research-scientist").compensation
    assert "total compensation including equity" in comp.basis
    assert any("$700K" in n and "Senior Research Scientists" in n for n in comp.notes)


def test_senior_mle_note(catalog):
    comp = catalog.role("ml-engineer").compensation
    assert any("$400K" in n and "FAANG" in n for n in comp.notes)


def test_fde_base_pay_bonus_and_travel(catalog):
    fde = catalog.role("forward-deployed-engineer")
    assert fde.abbreviation == "FDE"
    assert fde.compensation.basis == "base"
    notes = " ".join(fde.compensation.notes)
    assert "40–80%" in notes
    assert "bonuses tied to client outcomes" in notes
    assert fde.employers[:5] == (
        "Palantir Technologies", "Databricks", "Scale AI", "Anthropic", "Weights & Biases")
    assert "Epic EHR" in fde.why_it_matters


def test_llmops_premium_and_safety_scarcity_notes(catalog):
    assert any("premium" in n for n in catalog.role("mlops-engineer").compensation.notes)
    assert any("talent-constrained" in n
               for n in catalog.role("ai-safety-researcher").compensation.notes)


def test_mle_abbreviation_and_tools(catalog):
    mle = catalog.role("ml-engineer")
    assert mle.abbreviation == "MLE"
    assert "Machine Learning Engineer" in mle.aliases
    for tool in ("Airflow", "Kubeflow", "Metaflow", "Feast", "Tecton", "FastAPI",
                 "TensorFlow Serving", "Triton", "Grafana", "Evidently AI", "MLflow",
                 "Weights & Biases", "AWS SageMaker", "GCP Vertex AI", "Azure ML", "XGBoost"):
        assert tool in mle.tools, tool


def test_research_scientist_details(catalog):
    rs = catalog.role("ai-research-scientist")
    assert rs.day_to_day[0] == "Reading 5–10 papers per week"
    assert "Attention Is All You Need" in rs.example and "2017" in rs.example
    assert "Ashish Vaswani" in rs.example and "Google Brain" in rs.example
    for org in ("Google DeepMind", "OpenAI", "Meta FAIR", "Anthropic"):
        assert org in rs.employers
    for venue in ("NeurIPS", "ICML", "ICLR", "ACL", "CVPR"):
        assert venue in rs.summary


def test_research_engineer_war_story(catalog):
    re_ = catalog.role("research-engineer")
    assert any("1,000-GPU" in d and "4 days" in d and "3am" in d for d in re_.day_to_day)
    assert "Systems programming (C++, CUDA)" in re_.key_skills


def test_safety_focus_areas_and_labs(catalog):
    safety = catalog.role("ai-safety-researcher")
    assert [a.split(":")[0] for a in safety.focus_areas] == [
        "Alignment", "Robustness", "Interpretability", "Red-teaming", "Governance"]
    assert safety.employers == (
        "Anthropic", "OpenAI", "Google DeepMind", "UK AI Safety Institute")


def test_ai_pm_has_five_challenges(catalog):
    pm = catalog.role("ai-product-manager")
    assert len(pm.challenges) == 5
    assert any("AI hype cycle" in c for c in pm.challenges)


def test_prompt_engineer_future_mentions_dspy(catalog):
    pe = catalog.role("prompt-engineer")
    assert "DSPy" in pe.future
    assert "2023" in pe.summary


def test_article_contrasts(catalog):
    pairs = {(r.id, c.role) for r in catalog.roles for c in r.differs_from}
    assert ("applied-scientist", "ai-research-scientist") in pairs
    assert ("research-engineer", "ai-research-scientist") in pairs
    assert ("data-scientist", "ml-engineer") in pairs
    ds = catalog.role("data-scientist")
    assert "VP of Customer Success" in ds.differs_from[0].text


# --------------------------------------------------------------------------- case studies

CASES = [
    ("search-to-generation",
     "From Search to Generation: How Foundation Models Are Reshaping the API Economy",
     ("LLM", "Production", "API Integration")),
    ("palantir-ukraine", "Palantir's Forward Deployed Engineers in Ukraine",
     ("Forward Deployed", "Enterprise AI", "Palantir")),
    ("spotify-ml", "Spotify's ML Team Structure", ("Team Structure", "Hub-and-Spoke", "Spotify")),
    ("scale-ai", "Scale AI: The Data Annotation Company That Became an AI Platform",
     ("Scale AI", "Data Annotation", "Enterprise AI")),
]


def test_case_studies_titles_and_tags(catalog):
    assert [(c.id, c.title, c.tags) for c in catalog.case_studies] == CASES


def test_case_study_figures(catalog):
    def facts(case_id):
        case = catalog.case_study(case_id)
        return " ".join((*case.key_facts, *case.body))

    s2g = facts("search-to-generation")
    assert "80%" in s2g and "five" in s2g and "GPT-4" in s2g
    assert catalog.case_study("palantir-ukraine").period == "2022–2023"
    assert "Gotham" in facts("palantir-ukraine") and "AIP" in facts("palantir-ukraine")
    spotify = facts("spotify-ml")
    for fact in ("5,000", "Hendrix", "Luigi", "ML Guild", "Discover Weekly", "Search",
                 "Podcast Recommendations", "Ad Targeting"):
        assert fact in spotify, fact
    scale = facts("scale-ai")
    for fact in ("2016", "Alexandr Wang", "19", "Waymo", "Cruise", "Lyft", "RLHF",
                 "US Department of Defence"):
        assert fact in scale, fact
    assert catalog.case_study("scale-ai").period == "2016–2024"


def test_spotify_is_hub_and_spoke(catalog):
    spotify = catalog.case_study("spotify-ml")
    assert spotify.team_structures == ("hub-and-spoke",)
    assert {"data-scientist", "ml-engineer"} <= set(spotify.roles)
    assert [c.id for c in catalog.cases_for_role("forward-deployed-engineer")] == [
        "palantir-ukraine", "scale-ai"]


# --------------------------------------------------------------------------- team structures

def test_team_structures(catalog):
    assert [(t.number, t.id) for t in catalog.team_structures] == [
        (1, "centralised"), (2, "embedded"), (3, "hub-and-spoke")]
    central = catalog.team_structure("centralised")
    assert central.name == "Centralised AI Team"
    # "fewer than 10 ML practitioners": the largest headcount that still fits is 9.
    assert central.max_practitioners == 9
    assert set(central.roles) == {"data-scientist", "ml-engineer", "data-engineer"}
    assert any("bottleneck" in r for r in central.risks)
    embedded = catalog.team_structure("embedded")
    assert embedded.max_practitioners is None
    assert {"Fragmented infrastructure", "Duplicated effort"} <= set(embedded.risks)
    hub = catalog.team_structure("hub-and-spoke")
    assert hub.examples == ("Google", "Meta", "Spotify", "Uber")
    assert set(hub.roles) == {"applied-scientist", "ml-engineer"}


# --------------------------------------------------------------------------- pathways

def test_pathways(catalog):
    assert [(p.id, p.targets, p.background) for p in catalog.pathways] == [
        ("swe-to-mle", ("ml-engineer",), "software_engineering"),
        ("academia-to-research", ("ai-research-scientist",), "academia_research"),
        ("analytics-to-ds", ("data-scientist",), "data_analytics"),
        ("any-to-prompt-pm", ("prompt-engineer", "ai-product-manager"), "non_technical"),
    ]
    swe = catalog.pathways[0]
    for res in ("fast.ai", "Stanford CS229", "Stanford CS231n", "Kaggle competitions"):
        assert res in swe.resources
    phd = catalog.pathways[1]
    assert [s[:3] for s in phd.steps] == ["(a)", "(b)", "(c)"]
    assert "marketing analyst" in catalog.pathways[2].advantage


# --------------------------------------------------------------------------- history

def test_eras_and_years(catalog):
    assert [(e.id, e.start_year, e.end_year) for e in catalog.eras] == [
        ("academic-era", 1950, 1979),
        ("expert-systems", 1980, 1989),
        ("ml-renaissance", 2000, 2019),
        ("deep-learning", 2012, 2020),
        ("llm-era", 2022, None),
    ]
    assert catalog.eras[-1].span() == "2022–present"


def test_dated_history_events(catalog):
    events = {(ev.year, ev.text) for e in catalog.eras for ev in e.events}
    years = {y for y, _ in events}
    assert {2008, 2012, 2015, 2017, 2020, 2021, 2023, 2026} <= years

    def text(year):
        return " ".join(t for y, t in events if y == year)

    assert "DJ Patil" in text(2008) and "Jeff Hammerbacher" in text(2008)
    assert "sexiest job of the 21st century" in text(2012)
    assert "foundation model" in text(2021)
    assert "Attention Is All You Need" in text(2017)
    assert "Prompt Engineering" in text(2023)
    assert "$40 million" in text(1980) and "XCON" in text(1980)
    expert = next(e for e in catalog.eras if e.id == "expert-systems")
    assert expert.role_names == ("Knowledge Engineer",)
    # The Knowledge Engineer "foreshadows" the FDE; FDEs "became widespread" in the LLM era.
    assert "forward-deployed-engineer" not in expert.roles_emerged
    llm = next(e for e in catalog.eras if e.id == "llm-era")
    assert "forward-deployed-engineer" in llm.roles_emerged
    # "There were no commercial AI jobs"; the Research Scientist split off after 2012.
    assert catalog.eras[0].roles_emerged == ()
    assert "ai-research-scientist" in next(
        e for e in catalog.eras if e.id == "deep-learning").roles_emerged
    academic = catalog.eras[0]
    assert academic.people == ("Alan Turing", "John McCarthy", "Marvin Minsky", "Herbert Simon")


# --------------------------------------------------------------------------- exercises

def test_exercises(catalog):
    assert [(e.id, e.level) for e in catalog.exercises] == [
        ("skills-matrix", "Beginner"), ("interview-ai-team", "Intermediate"),
        ("design-ai-org", "Advanced")]
    matrix = catalog.exercise("skills-matrix")
    assert (matrix.parameter("skills"), matrix.parameter("roles"),
            matrix.parameter("min_score"), matrix.parameter("max_score")) == (10, 11, 0, 3)
    interview = catalog.exercise("interview-ai-team")
    assert interview.parameter("examples") == "Spotify, Stripe, Airbnb"
    assert interview.parameter("summary_pages") == 1


def test_advanced_exercise_parameters(catalog):
    org = catalog.exercise("design-ai-org")
    assert org.title == "Design an AI Org for a Startup"
    assert org.parameter("funding_usd") == 30_000_000
    assert org.parameter("hire_budget") == 15
    assert org.parameter("grow_to") == 50
    assert org.parameter("stage") == "Series B"
    assert org.parameter("product") == "AI-powered legal document review"
    assert len(org.steps) == 4 and "90-day" in org.steps[2]


# --------------------------------------------------------------------------- recommender

# The article's background_map and interest_bonus, by role name.
ARTICLE_BACKGROUNDS = {
    "software_engineering": [
        ("ML Engineer", "Your SWE skills transfer directly — learn ML fundamentals"),
        ("MLOps Engineer", "Combine your DevOps/infra skills with ML operations"),
        ("Research Engineer", "If you enjoy low-level systems + ML implementation"),
    ],
    "data_analytics": [
        ("Data Scientist", "Natural progression — add Python + statistics depth"),
        ("AI Product Manager", "Your domain + analytics skill is the PM foundation"),
        ("Data Engineer", "Focus on the infrastructure side of the data stack"),
    ],
    "academia_research": [
        ("AI Research Scientist", "Direct path — publish, intern, then join a lab"),
        ("Applied Scientist", "Bridge research to product impact"),
        ("AI Safety Researcher", "If alignment and robustness interest you"),
    ],
    "non_technical": [
        ("Prompt Engineer", "Strong writing + systematic thinking = ideal fit"),
        ("AI Product Manager", "Domain expertise is your competitive advantage"),
        ("AI Ethics Specialist", "Policy, philosophy, or law backgrounds are assets"),
    ],
}
ARTICLE_INTERESTS = {
    "research": ["AI Research Scientist", "Applied Scientist"],
    "deployment": ["Forward Deployed Engineer", "ML Engineer", "MLOps Engineer"],
    "data": ["Data Engineer", "Data Scientist"],
    "product": ["AI Product Manager", "Prompt Engineer"],
    "safety": ["AI Safety Researcher", "AI Ethics Specialist"],
    "client_facing": ["Forward Deployed Engineer", "AI Product Manager"],
}


def _article_name(catalog, role_id):
    # The recommender code says "MLOps Engineer" where the role card says "MLOps / LLMOps".
    role = catalog.role(role_id)
    return "MLOps Engineer" if role_id == "mlops-engineer" else role.name


def test_recommender_scores(catalog):
    rules = catalog.recommender
    assert (rules.base_score, rules.interest_bonus, rules.top_n) == (3, 2, 3)
    assert rules.fallback_background == "non_technical"
    assert rules.interest_reason.format(interest="data") == "Matches your interest in data"


def test_recommender_backgrounds_match_article(catalog):
    rules = catalog.recommender
    got = {b.id: [(_article_name(catalog, r), reason) for r, reason in b.roles]
           for b in rules.backgrounds}
    assert list(got) == list(ARTICLE_BACKGROUNDS)
    assert got == ARTICLE_BACKGROUNDS
    assert [b.pathway for b in rules.backgrounds] == [
        "swe-to-mle", "analytics-to-ds", "academia-to-research", "any-to-prompt-pm"]


def test_recommender_interests_match_article(catalog):
    got = {i.id: [_article_name(catalog, r) for r in i.roles]
           for i in catalog.recommender.interests}
    assert list(got) == list(ARTICLE_INTERESTS)
    assert got == ARTICLE_INTERESTS


def _article_recommend(catalog, background, interests):
    """The article's recommend_roles(), run over the catalog's rules."""
    rules = catalog.recommender
    bg = rules.background(background) or rules.background(rules.fallback_background)
    scores = {role: {"score": rules.base_score, "reasons": [reason]} for role, reason in bg.roles}
    for interest in interests:
        for role in rules.interest(interest).roles:
            scores.setdefault(role, {"score": 0, "reasons": []})
            scores[role]["score"] += rules.interest_bonus
            scores[role]["reasons"].append(rules.interest_reason.format(interest=interest))
    ranked = sorted(scores.items(), key=lambda x: x[1]["score"], reverse=True)
    return [(role, info["reasons"][0]) for role, info in ranked[:rules.top_n]]


def test_article_worked_examples(catalog):
    # FDE scores 0 + 2 + 2 = 4 and overtakes Research Engineer (3) in the first example.
    assert _article_recommend(catalog, "software_engineering", ["deployment", "client_facing"]) == [
        ("ml-engineer", "Your SWE skills transfer directly — learn ML fundamentals"),
        ("mlops-engineer", "Combine your DevOps/infra skills with ML operations"),
        ("forward-deployed-engineer", "Matches your interest in deployment"),
    ]
    assert [r for r, _ in _article_recommend(catalog, "academia_research",
                                             ["research", "safety"])] == [
        "ai-research-scientist", "applied-scientist", "ai-safety-researcher"]
    assert [r for r, _ in _article_recommend(catalog, "data_analytics", ["product", "data"])] == [
        "data-scientist", "ai-product-manager", "data-engineer"]
    assert [r for r, _ in _article_recommend(catalog, "non_technical", ["product", "safety"])] == [
        "prompt-engineer", "ai-product-manager", "ai-ethics-specialist"]


# --------------------------------------------------------------------------- cross-references

def test_every_cross_reference_resolves(catalog):
    roles = {r.id for r in catalog.roles}
    families = {f.id for f in catalog.families}
    structures = {t.id for t in catalog.team_structures}
    pathways = {p.id for p in catalog.pathways}
    backgrounds = {b.id for b in catalog.recommender.backgrounds}
    assert {r.family for r in catalog.roles} == families
    for role in catalog.roles:
        for contrast in role.differs_from:
            assert contrast.role in roles and contrast.role != role.id
    for case in catalog.case_studies:
        assert case.roles and set(case.roles) <= roles
        assert set(case.team_structures) <= structures
    for structure in catalog.team_structures:
        assert set(structure.roles) <= roles
    for pathway in catalog.pathways:
        assert set(pathway.targets) <= roles
        assert pathway.background in backgrounds
    for era in catalog.eras:
        assert set(era.roles_emerged) <= roles
    for background in catalog.recommender.backgrounds:
        assert background.pathway in pathways
        assert {r for r, _ in background.roles} <= roles
    for interest in catalog.recommender.interests:
        assert set(interest.roles) <= roles
    assert catalog.recommender.fallback_background in backgrounds


def test_every_role_is_recommendable(catalog):
    rules = catalog.recommender
    reachable = {r for b in rules.backgrounds for r, _ in b.roles}
    reachable |= {r for i in rules.interests for r in i.roles}
    assert reachable == {r.id for r in catalog.roles}


def test_catalog_text_is_plain(catalog):
    """No Rich markup, Markdown emphasis or emoji in the shipped catalog."""
    texts = []
    for role in catalog.roles:
        texts += [role.name, role.summary, role.path_in, role.why_it_matters, role.future,
                  role.example, role.insight, *role.key_skills, *role.day_to_day,
                  *role.focus_areas, *role.challenges, *role.tools,
                  *(c.text for c in role.differs_from)]
        if role.compensation:
            texts += [role.compensation.basis, *role.compensation.notes]
    for case in catalog.case_studies:
        texts += [case.title, case.summary, *case.body, *case.key_facts, *case.lessons]
    for era in catalog.eras:
        texts += [era.summary, era.description, *(ev.text for ev in era.events)]
    for text in texts:
        assert "[/" not in text and "**" not in text and "`" not in text, text
        assert all(ord(ch) < 0x2600 for ch in text), text
