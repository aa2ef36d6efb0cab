from .base import PlanContent, SampleFlag
from .document import Block, Section, SwotItem
from .edition import Edition, EditionQuerySet, Organization, parse_period
from .imports import ImportFlag

__all__ = [
    "Block",
    "Edition",
    "EditionQuerySet",
    "ImportFlag",
    "Organization",
    "PlanContent",
    "SampleFlag",
    "Section",
    "SwotItem",
    "parse_period",
]
