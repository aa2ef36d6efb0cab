from .base import PlanContent, SampleFlag, parent_of
from .document import Block, Section, SwotItem
from .edition import (
    Edition,
    EditionQuerySet,
    EditionStatusChange,
    parse_edition_address,
    parse_period,
)
from .history import VersionOrganization
from .imports import ImportFlag
from .membership import Membership
from .organization import RESERVED_SLUGS, Organization, suggest_organization_slug, validate_organization_slug

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
