"""Shared fixtures for the security and operations tests: the public plan and a browser-like client."""

from tests.pages.conftest import PERIOD, client, draft, plan, staff_client  # noqa: F401
