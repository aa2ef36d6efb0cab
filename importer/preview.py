"""What an editor reviews before an upload is written: the parse result as plain JSON.

Counts per kind, what the document promises against what was found, the recognised tree
(sections, frameworks with their strategies), budgets per year, the unplaced lines with
their position, and the flags. Stored on the upload (``PlanImport.preview``); the
confirmation compares a fresh parse of the stored file against its ``digest``.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from plans.models import ImportFlag

from . import accounting
from .structure import ParsedPlan, PSection

VERSION = 1


def build(plan: ParsedPlan) -> dict:
    budgets_per_year: dict[int, int] = defaultdict(int)
    projects = []
    for project in plan.projects:
        per_year = {str(b.year): str(b.amount) for b in project.budgets}
        for budget in project.budgets:
            budgets_per_year[budget.year] += budget.amount
        projects.append(
            {"number": project.number, "name": project.name, "line": project.line, "budgets": per_year}
        )
    preview = {
        "version": VERSION,
        "source_name": plan.source_name,
        "source_kind": plan.source_kind,
        "line_count": plan.line_count,
        "organization": plan.organization_name,
        "document_organization": plan.document_organization_name,
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "partial": plan.partial,
        "is_sample_file": plan.is_sample_file,
        "counts": {
            **accounting.structure_counts(plan),
            "sections": len(plan.sections),
            "blocks": sum(len(s.blocks) for s in plan.sections),
            "swot": len(plan.swot),
            "methods": len(plan.methods),
        },
        "promises": [list(p) for p in accounting.promises(plan)],
        "tree": _tree(plan),
        "frameworks": [_framework(f) for f in sorted(plan.frameworks.values(), key=lambda f: f.order)],
        "projects": projects,
        "budget_years": {str(y): str(a) for y, a in sorted(budgets_per_year.items())},
        "unplaced": [
            {"line": f.line, "text": f.text, "why": f.message}
            for f in sorted(plan.unplaced_flags, key=_by_line)
        ],
        "flags": [
            {
                "kind": f.kind,
                "kind_label": ImportFlag.Kind(f.kind).label,
                "severity": f.severity,
                "line": f.line,
                "message": f.message,
            }
            for f in sorted(plan.flags, key=_by_line)
            if f.kind != ImportFlag.Kind.UNPLACED
        ],
        "problems": len(accounting.problems(plan)),
    }
    preview["digest"] = digest(preview)
    return preview


def digest(preview: dict) -> str:
    """A fingerprint of what was read (not of when or by whom)."""
    content = {k: v for k, v in preview.items() if k not in ("digest", "target")}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _by_line(flag) -> int:
    return flag.line or 0


def _tree(plan: ParsedPlan) -> list[dict]:
    nodes: dict[int, dict] = {}
    roots: list[dict] = []
    for section in plan.sections:
        node = {
            "label": section.label,
            "line": section.body_line or section.toc_line,
            "in_body": section.body_line is not None,
            "blocks": len(section.blocks),
            "children": [],
        }
        nodes[id(section)] = node
        parent: PSection | None = section.parent
        (nodes[id(parent)]["children"] if parent is not None and id(parent) in nodes else roots).append(node)
    return roots


def _framework(framework) -> dict:
    def indicator(i):
        return {
            "number": i.number,
            "name": i.name,
            "targets": {str(y): t for y, (t, _v) in i.targets.items()},
        }

    return {
        "name": framework.name,
        "kind": framework.kind,
        "vision": framework.vision,
        "points": len(framework.points),
        "strategies": [
            {
                "number": s.number,
                "title": s.title,
                "goals": [g.text for g in s.goals],
                "tactics": [t.text for t in s.tactics],
                "indicators": [indicator(i) for i in s.indicators],
            }
            for s in framework.strategies
        ],
        "tactics": [t.text for t in framework.tactics],
        "indicators": [indicator(i) for i in framework.indicators],
    }


OTHER_LABELS = {
    "sections": "หัวข้อ",
    "blocks": "ย่อหน้าและรายการในเนื้อหา",
    "swot": "รายการ SWOT",
    "methods": "วิธีการติดตามและประเมินผล",
}


def display(preview: dict) -> dict:
    """The preview's tables as rows for the review page."""
    labels = {**accounting.COUNT_LABELS, **OTHER_LABELS}
    counts = [(labels.get(k, k), n) for k, n in (preview.get("counts") or {}).items()]
    years = sorted({int(y) for p in preview.get("projects", []) for y in p["budgets"]})
    rows = [
        {"number": p["number"], "name": p["name"], "amounts": [p["budgets"].get(str(y)) for y in years]}
        for p in preview.get("projects", [])
    ]
    totals = [(preview.get("budget_years") or {}).get(str(y), "0") for y in years]
    return {"counts": counts, "years": years, "budget_rows": rows, "year_totals": totals}
