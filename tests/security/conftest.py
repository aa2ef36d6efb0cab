"""Shared fixtures for the security and operations tests: the public plan and a browser-like client."""

from tests.pages.conftest import PERIOD, client, draft, plan, staff_client  # noqa: F401


def pytest_terminal_summary(terminalreporter):
    # test_fuzz_public_urls.py counts its requests on the config object.
    count = getattr(terminalreporter.config, "fuzz_requests", 0)
    if count:
        terminalreporter.write_line(f"fuzz: {count} requests sent to the public URLs")
