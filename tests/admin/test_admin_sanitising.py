"""Rich text typed into the admin never carries script, event handlers or javascript: links."""

from django.urls import reverse

from plans.models import Block, Section

DANGEROUS = (
    'ข้อความ<script>alert(1)</script> <b onclick="steal()">ตัวหนา</b> '
    '<a href="javascript:alert(2)">ลิงก์</a> <img src=x onerror="alert(3)">'
)


def _assert_clean(text):
    lowered = text.lower()
    assert "<script" not in lowered
    assert "onclick" not in lowered and "onerror" not in lowered
    assert "javascript:" not in lowered


def test_block_text_is_sanitised_when_saved_from_the_admin(client, editor, edition):
    client.force_login(editor)
    section = Section.objects.create(edition=edition, title="คำนำ")
    response = client.post(
        reverse("admin:plans_block_add"),
        {"section": section.pk, "order": "10", "kind": "paragraph", "text": DANGEROUS},
    )
    assert response.status_code == 302
    block = Block.objects.get()
    _assert_clean(block.text)
    assert "<b>ตัวหนา</b>" in block.text, "harmless formatting is kept"
    assert Block.objects.filter(text__icontains="script").count() == 0


def test_no_admin_page_renders_the_dangerous_markup(client, editor, edition):
    client.force_login(editor)
    section = Section.objects.create(edition=edition, title="คำนำ")
    block = Block.objects.create(section=section, text=DANGEROUS)
    for url in [
        reverse("admin:plans_block_changelist"),
        reverse("admin:plans_block_change", args=[block.pk]),
        reverse("admin:plans_section_change", args=[section.pk]),
    ]:
        text = client.get(url).text
        assert "<script>alert" not in text
        assert 'onclick="steal' not in text
        assert 'href="javascript:' not in text
