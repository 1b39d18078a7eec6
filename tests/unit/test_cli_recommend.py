"""`airoles-tui recommend`: the article's answer on stdout, bad input refused with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from airoles_tui.cli.main import main

SWE = ["recommend", "--background", "software_engineering",
       "--interest", "deployment", "--interest", "client_facing"]


def test_prints_the_three_roles_and_reasons(capsys):
    assert main([*SWE, "--years", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Software engineering; interests: deployment, client_facing; " \
                     "5 years in the field, 0 doing the target work"
    picks = [line for line in out if line[:2] in ("1.", "2.", "3.", "4.")]
    assert picks == [
        "1. ML Engineer: Your SWE skills transfer directly — learn ML fundamentals",
        "2. MLOps / LLMOps Engineer: Combine your DevOps/infra skills with ML operations",
        "3. Forward Deployed Engineer: Matches your interest in deployment",
    ]
    assert "     2026 pay $150K–$350K (depending on seniority and company)" in out
    # 5 years of software engineering: 2 transfer to ML engineering, the entry band.
    assert "     entry band: $150K–$200K, below your mid level (2 transferable years: " \
           "0 doing the work, 2 from 5 in your field)" in out
    assert "Pathway: From Software Engineering to ML Engineer" in out
    assert any(line.startswith("Assumption (ours") for line in out)
    assert any(line.startswith("Our rule, not the article's") for line in out)
    assert any(line.startswith("A change of career usually means entering below") for line in out)


@pytest.mark.parametrize("years", [[], ["--years", "7"], ["--target-years", "3"],
                                   ["--years", "30", "--target-years", "20"]])
def test_the_years_never_change_the_articles_top_3(capsys, years):
    assert main([*SWE, *years]) == 0
    picks = [line.split(":")[0] for line in capsys.readouterr().out.splitlines()
             if line[:2] in ("1.", "2.", "3.")]
    assert picks == ["1. ML Engineer", "2. MLOps / LLMOps Engineer",
                     "3. Forward Deployed Engineer"]


def test_years_doing_the_target_work_lift_the_band(capsys):
    assert main([*SWE, "--years", "6", "--target-years", "7"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "     staff+ band: $300K–$350K (10 transferable years: 7 doing the work, " \
           "3 from 6 in your field)" in out


def test_without_years_there_is_no_pay_band(capsys):
    assert main(SWE) == 0
    out = capsys.readouterr().out
    assert "band" not in out and "years" not in out.splitlines()[0]


def test_all_shows_every_role_score_reason_and_tie(capsys):
    assert main(["recommend", "--background", "academia_research", "--interest", "deployment",
                 "--interest", "client_facing", "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    ranked = [line for line in out if line[:3].strip().rstrip(".").isdigit()]
    assert [line.split(" (")[0] for line in ranked] == [
        " 1. Forward Deployed Engineer", " 2. AI Research Scientist", " 3. Applied Scientist",
        " 4. AI Safety Researcher", " 5. ML Engineer", " 6. MLOps / LLMOps Engineer",
        " 7. AI Product Manager"]
    assert ranked[3] == " 4. AI Safety Researcher (score 3, tied with AI Research Scientist, " \
                        "Applied Scientist)"
    assert out.index("-- beyond the article's top 3 --") == out.index(ranked[3]) - 1
    first = out.index(ranked[0])
    assert out[first + 1:first + 3] == ["     +2 Matches your interest in deployment",
                                        "     +2 Matches your interest in client_facing"]
    assert out[out.index(ranked[1]) + 1] == "     +3 Direct path — publish, intern, then join a lab"
    assert any(line.startswith("Left out of the top 3 only by tie order: AI Safety Researcher")
               for line in out)
    assert "No points from these answers: Research Engineer, Data Engineer, Prompt Engineer, " \
           "Data Scientist, AI Ethics Specialist." in out


def test_json_has_the_issue_shape(capsys):
    assert main([*SWE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["role"], r["score"], r["reasons"][0]) for r in data["recommendations"]] == [
        ("ml-engineer", 5, "Your SWE skills transfer directly — learn ML fundamentals"),
        ("mlops-engineer", 5, "Combine your DevOps/infra skills with ML operations"),
        ("forward-deployed-engineer", 4, "Matches your interest in deployment"),
    ]
    assert data["recommendations"][2]["reasons"] == [
        "Matches your interest in deployment", "Matches your interest in client_facing"]
    assert "seniority" not in data


def test_json_all_with_years(capsys):
    assert main([*SWE, "--json", "--all", "--years", "12"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["recommendations"]) == 5
    assert data["years"] == 12 and data["target_years"] == 0
    seniority = data["seniority"]
    assert seniority["current_level"] == {"band": "staff", "label": "staff+", "years": "10+"}
    assert seniority["rule_source"] == "ours" and seniority["rule"].startswith("Our rule")
    assert seniority["career_change"].startswith("A change of career usually means")
    mle = data["recommendations"][0]
    assert mle["band"] == {"id": "mid", "label": "mid", "years": "3–5",
                           "transferable_years": 5, "from_field": 5, "field_counts": True,
                           "below_current_level": True}
    assert mle["band_pay"] == {"min_usd": 200_000, "max_usd": 250_000, "open_ended": False}
    fde = next(r for r in data["recommendations"] if r["role"] == "forward-deployed-engineer")
    assert (fde["band"]["id"], fde["band"]["field_counts"]) == ("entry", False)
    assert data["pathway"]["id"] == "swe-to-mle"


def test_json_with_target_years_only(capsys):
    assert main([*SWE, "--json", "--target-years", "4"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["years"], data["target_years"]) == (0, 4)
    assert data["seniority"]["career_change"] is None
    assert {r["band"]["id"] for r in data["recommendations"]} == {"mid"}


def test_a_repeated_interest_counts_once(capsys):
    assert main([*SWE, "--interest", "deployment", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interests"] == ["deployment", "client_facing"]
    assert data["recommendations"][0]["score"] == 5


@pytest.mark.parametrize(("args", "message"), [
    (["--background", "astronaut"],
     ("unknown background 'astronaut'; choose one of: software_engineering, data_analytics, "
      "academia_research, non_technical")),
    (["--background", "non_technical", "--interest", "data", "--interest", "juggling"],
     ("unknown interest 'juggling'; choose from: research, deployment, data, product, safety, "
      "client_facing")),
])
def test_unknown_choices_exit_2_naming_the_valid_ones(capsys, args, message):
    assert main(["recommend", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"airoles-tui recommend: {message}"


@pytest.mark.parametrize(("years", "why"), [
    ("5.5", "is not a whole number"), ("-2", "cannot be negative"), ("51", "more than 50")])
@pytest.mark.parametrize("flag", ["--years", "--target-years"])
def test_bad_years_exit_2_with_a_reason(capsys, years, why, flag):
    with pytest.raises(SystemExit) as exc:
        main(["recommend", "--background", "non_technical", flag, years])
    assert exc.value.code == 2
    assert why in capsys.readouterr().err


def test_help_documents_the_target_years(capsys):
    with pytest.raises(SystemExit):
        main(["recommend", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--target-years N years already doing the target kind of work (default 0" in out


def test_never_imports_textual():
    code = ("import sys; from airoles_tui.cli.main import main; "
            "rc = main(['recommend', '--background', 'data_analytics', '--all']); "
            "assert rc == 0; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_the_pathway_for_a_background_says_the_match_is_ours(capsys):
    # The article never ties its pathway paragraphs to recommend_roles' backgrounds.
    from airoles_tui.recommend.scoring import PATHWAY_MATCH_NOTE

    assert main(["recommend", "--background", "software_engineering"]) == 0
    out = capsys.readouterr().out.splitlines()
    at = out.index("Pathway: From Software Engineering to ML Engineer")
    assert out[at + 1] == PATHWAY_MATCH_NOTE
