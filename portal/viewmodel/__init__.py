"""One typed view of a plan for the web pages and the PDF (see types.py), built by build.py:
plan_view() the whole plan, chapter_view() and strategies_view() what one page shows;
strategies_index() the list of frameworks."""

from .build import chapter_view, document_outline, plan_view, strategies_view
from .index import strategies_index
from .types import PlanView

__all__ = ["PlanView", "chapter_view", "document_outline", "plan_view", "strategies_index", "strategies_view"]
