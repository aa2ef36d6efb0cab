"""Every admin page a working-group or committee member can open reads in Thai.

The walk opens, for each role, every list (also empty, after a search that
finds nothing), add form, change form, history, recover list and delete
confirmation it may see, posts each change form unchanged with each save
button (and reads the message that follows), and posts each add form empty
(and reads the errors). A page fails when its visible text or its labels for
screen readers contain English that is neither in the plan's own data nor an
accepted abbreviation, or a raw field name such as ``fiscal_year``.
"""

import re

import pytest
from django.apps import apps
from django.db import models

from tests.admin.conftest import change_form_data
from tests.admin.walk import admin_pages as _admin_pages
from tests.admin.walk import request_for as _request

# English a Thai clerk reads as it is: abbreviations and names, not sentences.
ACCEPTED = {
    "IT",
    "PDF",
    "SWOT",
    "KPI",
    "CSV",
    "XLSX",
    "xlsx",  # the file type, as Excel names it
    "Word",  # the program and its file types, as a clerk knows them
    "docx",
    "txt",
    "Excel",
    "Mac",
    "Control",
    "Command",
    "Gov",
    "IPv6",
    "URL",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z’']{2,}")
_RAW_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")
_DROP = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->", re.S)
_ATTRS = re.compile(r'\s(?:title|aria-label|placeholder|alt)="([^"]*)"')


def _visible_text(html: str) -> str:
    html = _DROP.sub(" ", html)
    labels = " ".join(_ATTRS.findall(html))
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"&[a-z#0-9]+;", " ", f"{text} {labels}")


def _data_words() -> set[str]:
    """Every English word stored in the plan itself (the plan is shown as written)."""
    words = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"plans", "strategies", "projects", "monitoring"}:
            continue
        names = [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list(*names):
            for value in row:
                words.update(_WORD.findall(value or ""))
    return words


def _is_allowed(word: str, allowed: set[str]) -> bool:
    word = word.strip("’'")
    # Lists cut long names short ("Governm…"): a word the data starts with is the data's.
    return word in allowed or (len(word) >= 4 and any(known.startswith(word) for known in allowed))


def _problems(html: str, allowed: set[str]) -> list[str]:
    text = _visible_text(html)
    english = sorted({w for w in _WORD.findall(text) if not _is_allowed(w, allowed)})
    raw = sorted(set(_RAW_NAME.findall(text)))
    return english + raw


@pytest.mark.parametrize("role", ["editor", "committee_member"])
def test_every_admin_page_of_a_role_reads_in_thai(role, request, client, walk_data):
    user = request.getfixturevalue(role)
    client.force_login(user)
    allowed = ACCEPTED | _data_words() | {user.username}
    failures = {}
    pages = _admin_pages(user)
    for url, _model_admin, _obj in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        if found := _problems(response.text, allowed):
            failures[url] = found
    assert len(pages) > 40
    assert not failures, failures


@pytest.mark.parametrize("role", ["editor", "committee_member"])
def test_every_save_message_and_every_error_reads_in_thai(role, request, client, walk_data):
    user = request.getfixturevalue(role)
    client.force_login(user)
    allowed = ACCEPTED | _data_words() | {user.username}
    failures = {}
    saved = 0
    for url, model_admin, obj in _admin_pages(user):
        if model_admin is None:
            continue
        opts = model_admin.model._meta
        if (
            obj is not None
            and url.endswith("/change/")
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        ):
            buttons = ["_continue", "_save"]
            if model_admin.has_add_permission(_request(user)):
                buttons.append("_addanother")
            for button in buttons:
                data = change_form_data(client.get(url))
                data[button] = "1"
                response = client.post(url, data, follow=True)
                assert response.status_code == 200, (url, button)
                assert response.redirect_chain, (
                    url,
                    button,
                    response.context and response.context.get("errors"),
                )
                saved += 1
                if found := _problems(response.text, allowed):
                    failures[f"{url} {button}"] = found
        if url.endswith("/add/"):
            # The add form sent as opened, required fields empty: the errors must be Thai.
            page = client.get(url)
            # A custom add page (the plan upload) has its own form, sent empty as it is.
            data = change_form_data(page) if "adminform" in page.context else {}
            response = client.post(url, {**data, "_save": "1"})
            assert response.status_code == 200, url
            if found := _problems(response.text, allowed):
                failures[f"{url} (empty form)"] = found
    assert saved > 6
    assert not failures, failures
