"""One typed view of a plan for the web pages and the PDF (see types.py); plan_view() builds it."""

from .build import document_outline, plan_view
from .types import PlanView

__all__ = ["PlanView", "document_outline", "plan_view"]
