"""Write a large catalog (default: 10,000 roles in 100 families) for the scale benchmark.

The shipped roles stay, with their ids, so every cross-reference in the other data files
(case studies, recommender rules, team structures) still resolves; the rest are copies of the
shipped roles under new ids and names, spread over generated families.

    python tests/bench/gen_catalog.py OUT_DIR [--roles 10000] [--families 100]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import tomli_w
import tomllib

from airoles_tui.paths import data_dir


def generate(out: Path, roles: int = 10_000, families: int = 100) -> Path:
    src = data_dir()
    out.mkdir(parents=True, exist_ok=True)
    for path in src.iterdir():
        if path.name == "roles.toml":
            continue
        target = out / path.name
        if path.is_dir():
            shutil.copytree(path, target, dirs_exist_ok=True)
        else:
            shutil.copy2(path, target)
    data = tomllib.loads((src / "roles.toml").read_text())
    shipped_families, shipped_roles = data["families"], data["roles"]
    fams = list(shipped_families)
    for n in range(len(fams), families):
        fams.append({"id": f"family-{n:03d}", "name": f"Generated family {n:03d}",
                     "order": n + 1, "summary": f"Generated family number {n} for the scale "
                                                "benchmark."})
    all_roles = list(shipped_roles)
    per_family: dict[str, int] = {}
    for r in shipped_roles:
        per_family[r["family"]] = per_family.get(r["family"], 0) + 1
    n = 0
    while len(all_roles) < roles:
        template = shipped_roles[n % len(shipped_roles)]
        family = fams[n % len(fams)]["id"]
        per_family[family] = per_family.get(family, 0) + 1
        clone = {k: v for k, v in template.items() if k != "differs_from"}
        clone.update(id=f"gen-{n:05d}", name=f"{template['name']} {n:05d}", family=family,
                     order=per_family[family], aliases=[])
        clone["in_comparison_table"] = False
        # Its `ours` may only name fields the clone still has.
        clone["ours"] = [f for f in template.get("ours", []) if not f.startswith("differs_from")]
        all_roles.append(clone)
        n += 1
    (out / "roles.toml").write_bytes(tomli_w.dumps({"families": fams, "roles": all_roles})
                                     .encode())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--roles", type=int, default=10_000)
    ap.add_argument("--families", type=int, default=100)
    a = ap.parse_args()
    print(generate(a.out, a.roles, a.families))


if __name__ == "__main__":
    main()
