"""One typed view of a plan for the web pages and the PDF (see types.py), built by build.py:
plan_view() the whole plan, chapter_view() and strategies_view() what one page shows."""

from .build import chapter_view, document_outline, plan_view, strategies_view
from .types import PlanView

__all__ = ["PlanView", "chapter_view", "document_outline", "plan_view", "strategies_view"]
