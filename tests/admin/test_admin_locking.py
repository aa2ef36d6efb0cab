"""Two editors saving the same object: the second is refused, and keeps what they typed."""

import pytest
from django.urls import reverse

from plans.forms import STALE_SAVE
from strategies.models import Framework


@pytest.fixture
def change_url(framework):
    return reverse("admin:strategies_framework_change", args=[framework.pk])


def test_the_change_form_carries_the_rows_token(client, editor, framework, change_url):
    client.force_login(editor)
    response = client.get(change_url)
    assert response.context["adminform"].form["lock_token"].value() == framework.updated_at.isoformat()
    assert 'name="lock_token"' in response.text


def test_a_fresh_save_goes_through(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    data["vision"] = "วิสัยทัศน์ใหม่"
    response = client.post(change_url, data)
    assert response.status_code == 302
    framework.refresh_from_db()
    assert framework.vision == "วิสัยทัศน์ใหม่"


def test_it_refuses_a_stale_save_and_keeps_the_editors_input(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    # Someone else saves while this editor is typing.
    other = Framework.objects.get(pk=framework.pk)
    other.vision = "ของอีกคน"
    other.save()

    data["vision"] = "ข้อความที่ฉันพิมพ์ไว้ยาว ๆ"
    response = client.post(change_url, data)

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    assert "ข้อความที่ฉันพิมพ์ไว้ยาว ๆ" in response.text
    framework.refresh_from_db()
    assert framework.vision == "ของอีกคน"


def test_it_refuses_a_stale_row_in_an_inline(client, editor, framework, change_url, form_data):
    client.force_login(editor)
    data = form_data(client.get(change_url))
    strategy = framework.strategies.first()
    strategy.title = "แก้จากหน้ายุทธศาสตร์"
    strategy.save()

    response = client.post(change_url, data)

    assert response.status_code == 200
    assert STALE_SAVE in response.text
    strategy.refresh_from_db()
    assert strategy.title == "แก้จากหน้ายุทธศาสตร์"
