"""Compare's skill matching: the article's differently worded skills meet on their terms."""

from __future__ import annotations

import pytest

from airoles_tui.catalog.compare import compare_skills, skill_terms


def test_terms_come_from_the_head_its_alternatives_and_bracketed_lists():
    assert set(skill_terms("Infrastructure-as-code (Docker, Kubernetes, Slurm)")) == {
        "infrastructure-as-code", "docker", "kubernetes", "slurm"}
    assert set(skill_terms("Python/R")) == {"python/r", "python", "r"}
    assert skill_terms("Strong ML foundations") == {"ml foundations": "ML foundations"}
    # Brackets that explain rather than list add nothing.
    assert set(skill_terms("Philosophy/ethics background (many come from philosophy, "
                           "cognitive science, or related fields)")) == {
        "philosophy/ethics background"}


def _compare(catalog, *ids):
    return compare_skills([catalog.role(i) for i in ids])


def test_ml_and_mlops_engineers_share_their_tooling(catalog):
    result = _compare(catalog, "ml-engineer", "mlops-engineer")
    shared = {s.term for s in result.shared}
    assert {"Python", "Docker", "Kubernetes", "MLflow", "Weights & Biases"} <= shared
    assert "Terraform" in result.distinct["mlops-engineer"]
    assert "SQL" in result.distinct["ml-engineer"]


def test_a_skill_is_shared_or_distinct_never_both(catalog):
    result = _compare(catalog, "ml-engineer", "data-scientist", "data-engineer")
    assert [(s.term, len(s.roles)) for s in result.shared] == [("Python", 3), ("SQL", 3)]
    for skills in result.distinct.values():
        for skill in skills:
            assert not set(skill_terms(skill)) & {s.term.lower() for s in result.shared}
    assert "Python/R" not in result.distinct["data-scientist"]  # shared as Python


def test_safety_and_ethics_share_everything(catalog):
    result = _compare(catalog, "ai-safety-researcher", "ai-ethics-specialist")
    assert result.distinct == {"ai-safety-researcher": (), "ai-ethics-specialist": ()}
    assert "or related fields" not in {s.term for s in result.shared}


def test_roles_with_nothing_in_common_say_so(catalog):
    result = _compare(catalog, "prompt-engineer", "ai-product-manager")
    assert result.shared == () and result.shared_tools == ()
    assert len(result.distinct["prompt-engineer"]) == len(
        catalog.role("prompt-engineer").key_skills)


@pytest.mark.parametrize("ids", [("ml-engineer", "data-engineer"),
                                 ("research-engineer", "applied-scientist", "ml-engineer")])
def test_shared_tools_are_named_by_every_compared_role(catalog, ids):
    roles = [catalog.role(i) for i in ids]
    for tool in compare_skills(roles).shared_tools:
        assert all(tool in r.tools for r in roles)
