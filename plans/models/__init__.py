from .base import PlanContent, SampleFlag, parent_of
from .document import Block, Section, SwotItem
from .edition import (
    Edition,
    EditionQuerySet,
    EditionStatusChange,
    Organization,
    parse_edition_address,
    parse_period,
)
from .imports import ImportFlag

__all__ = [
    "Block",
    "Edition",
    "EditionQuerySet",
    "EditionStatusChange",
    "ImportFlag",
    "Organization",
    "PlanContent",
    "SampleFlag",
    "Section",
    "SwotItem",
    "parse_edition_address",
    "parent_of",
    "parse_period",
]
