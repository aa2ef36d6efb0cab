from .base import PlanContent, SampleFlag, parent_of
from .document import Block, Section, SwotItem
from .edition import (
    RESERVED_SLUGS,
    Edition,
    EditionQuerySet,
    EditionStatusChange,
    Organization,
    parse_edition_address,
    parse_period,
    suggest_organization_slug,
    validate_organization_slug,
)
from .history import VersionOrganization
from .imports import ImportFlag
from .membership import Membership

__all__ = [
    "Block",
    "Edition",
    "EditionQuerySet",
    "EditionStatusChange",
    "ImportFlag",
    "Membership",
    "Organization",
    "RESERVED_SLUGS",
    "PlanContent",
    "SampleFlag",
    "Section",
    "SwotItem",
    "parse_edition_address",
    "parent_of",
    "parse_period",
    "suggest_organization_slug",
    "validate_organization_slug",
    "VersionOrganization",
]
