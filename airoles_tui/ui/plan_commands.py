"""The designer's commands in the palette, apart from the pane so the app can list them
without importing the designer before its first frame."""

from __future__ import annotations

from ..paths import default_plans_dir
from .app_api import app_of
from .palette import EntryProvider


class PlanCommands(EntryProvider):
    """The designer's file and view actions, for people who look for them by name."""

    def entries(self):
        app = app_of(self)

        def with_org(use):
            # The designer is made on first visit: a command is such a visit.
            return lambda: app.in_designer(use, show=False)

        def run(action: str, *args: str):
            # Shown (made and built first if need be), then the action, in the designer.
            return lambda: app.in_designer(lambda org: getattr(org, f"action_{action}")(*args))

        plans_dir = app.plans_dir or default_plans_dir()
        yield ("Plan: Save", run("save"), "Save the org plan (ctrl+s)")
        yield ("Plan: Save as…", run("save_as"),
               "Save the org plan under a new name (alt+s; ctrl+shift+s where the terminal "
               "sends it)")
        yield ("Plan: Open…", run("open"), "Open a saved plan, the worked example or a blank "
               "plan (ctrl+o)")
        yield ("Plan: Export as Markdown", with_org(lambda org: org.export("md")),
               f"Write a readable report of the plan to {plans_dir}")
        yield ("Plan: Export as JSON", with_org(lambda org: org.export("json")),
               f"Write the plan and its analysis as JSON to {plans_dir}")
        yield ("Plan: Edit details", run("edit_plan"), "Name, company, funding, budget, "
               "structure (e)")
        yield ("Plan: Growth to 50", run("growth"), "The structure and headcount at scale (g)")
        yield ("Plan: Analysis", run("analysis"), "Cost, runway and advice in full (v)")
        yield ("Compare plans", run("compare_plans"), "The open plan beside another saved "
               "plan: hires added, removed and moved, cost and runway deltas")
        yield ("Duplicate plan", run("duplicate_plan"), "Save a copy under a new name and go "
               "on in the copy, to try a what-if")
        for kind, name, key, what in (
                ("timeline", "Hiring timeline", "h", "Months across, each hire's bar from their "
                 "start, the month the money runs out"),
                ("burn", "Burn and runway", "b", "Cumulative spend against the raise, as "
                 "planned and grown"),
                ("org", "Org chart", "o", "The structure with each hire in their team, now and "
                 "at growth")):
            yield (name, run("plan_view", kind), f"{what} ({key})")
