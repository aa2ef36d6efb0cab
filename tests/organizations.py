"""Members of the demo organization (and of others), for the shared fixtures and tests/orgs.

The tests' editor and committee users are members of Tai Mueang (/taimueang/,
``tests.factories.tai_mueang``), the organization the fixtures and factories build their
plans in, so that what they see in the admin is what a member of a one-organization
deployment sees.
"""

from django.contrib.auth.models import User

from plans.memberships import member_add
from plans.models import Organization
from tests.factories import ORG_NAME as TAI_MUEANG
from tests.factories import tai_mueang

__all__ = ["TAI_MUEANG", "member", "tai_mueang"]


def member(username: str, role: str, organization: Organization | None = None) -> User:
    """A staff user holding ``role`` ("editor" or "committee") in ``organization`` (Tai Mueang by default)."""
    user = User.objects.create_user(username, password="pass-" + username, is_staff=True)
    member_add(user=user, organization=organization or tai_mueang(), role=role)
    return user
