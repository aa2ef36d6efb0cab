import re

from django.urls import reverse

from tests.factories import DLA_VISION, FOREWORD, OBJECTIVE_1
from tests.pages.conftest import PERIOD


def test_home_shows_the_current_plan_with_its_figures(client, plan):
    response = client.get(reverse("plans:home", kwargs={"org": "taimueang"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th">' in html
    assert "แผนแม่บทเทคโนโลยีสารสนเทศ" in html and "๒๕๖๓–๒๕๖๕" in html
    assert "ตัวอย่างวิสัยทัศน์" in html
    # 48,000 + 25,000 + 15,000 in 2563: the sum the factory's budgets give, in Thai digits.
    assert "๘๘,๐๐๐" in html
    assert "๓๕๐,๐๐๐" in html
    assert "ข้อมูลตัวอย่าง" in html


def test_home_says_so_when_nothing_is_published(client, draft):
    response = client.get(reverse("plans:home", kwargs={"org": "taimueang"}))
    assert response.status_code == 200
    assert "ยังไม่มีแผนที่เผยแพร่" in response.content.decode()
    assert "ตัวอย่างวิสัยทัศน์" not in response.content.decode()


def test_earlier_editions_stay_reachable(client, plan):
    from plans.models import Edition

    newer = Edition.objects.create(
        organization=plan.organization, title="แผนแม่บทเทคโนโลยีสารสนเทศ", start_year=2566, end_year=2570,
        status=Edition.Status.PUBLISHED,
    )
    plan.status = Edition.Status.ARCHIVED
    plan.save(update_fields=["status"])
    assert "๒๕๖๖–๒๕๗๐" in client.get("/taimueang/").content.decode()
    listing = client.get(reverse("plans:editions", kwargs={"org": "taimueang"})).content.decode()
    # The archived edition is linked at its permanent address; the plain period still leads to it.
    assert f'href="/taimueang/plans/{PERIOD}/r0/"' in listing and f'href="/taimueang/plans/{newer.slug}/"' in listing
    assert client.get(f"/taimueang/plans/{PERIOD}/r0/").status_code == 200
    assert client.get(f"/taimueang/plans/{PERIOD}/").status_code == 200


def test_drafts_are_hidden_from_residents(client, draft):
    for url in [
        f"/taimueang/plans/{draft.slug}/",
        f"/taimueang/plans/{draft.slug}/document/",
        f"/taimueang/plans/{draft.slug}/document/2/",
        f"/taimueang/plans/{draft.slug}/strategies/",
        f"/taimueang/plans/{draft.slug}/projects/",
        f"/taimueang/plans/{draft.slug}/projects/1/",
        f"/taimueang/plans/{draft.slug}/data/projects.csv",
        f"/taimueang/plans/{draft.slug}/search/?q=ยุทธศาสตร์",
    ]:
        assert client.get(url).status_code == 404, url
    assert draft.slug not in client.get(reverse("plans:editions", kwargs={"org": "taimueang"})).content.decode()
    assert draft.slug not in client.get("/sitemap.xml").content.decode()


def test_staff_preview_drafts_under_a_banner(staff_client, draft):
    response = staff_client.get(f"/taimueang/plans/{draft.slug}/")
    assert response.status_code == 200
    assert "ฉบับร่าง — ตัวอย่างก่อนเผยแพร่" in response.content.decode()
    project = staff_client.get(f"/taimueang/plans/{draft.slug}/projects/1/")
    assert "ฉบับร่าง — ตัวอย่างก่อนเผยแพร่" in project.content.decode()


def test_published_pages_carry_no_draft_banner(client, plan):
    assert "ฉบับร่าง" not in client.get(f"/taimueang/plans/{PERIOD}/").content.decode()


def test_the_table_of_contents_lists_every_chapter_with_printed_numbers_and_pages(client, plan):
    html = client.get(reverse("plans:document", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    assert "บทที่ ๓ การวิเคราะห์สภาพแวดล้อมขององค์กร" in html
    assert "๒.๒ แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น" in html
    assert "หน้า ๕-๑๐" in html
    positions = [html.index(f"บทที่ {n}") for n in "๑๒๓๔๕๖"]
    assert positions == sorted(positions)


def test_a_chapter_shows_its_text_and_embedded_framework_data_in_order(client, plan):
    html = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "2"})).content.decode()
    assert html.count("<h1") == 1
    assert "บทที่ ๒ กรอบแนวคิด" in html
    vision = html.index("มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง")
    values = html.index("มีอาชีพ คิดสร้างสรรค์ ยึดมั่นธรรมาภิบาล")
    local = html.index("ก้าวไกลทางการศึกษา")
    assert vision < values < local
    # The source lists ยุทธศาสตร์ที่ ๓ twice but details it once; so do the details here.
    assert html.count("ยุทธศาสตร์ที่ ๓ การพัฒนาการบริหารจัดการภาครัฐ") == 1
    # A table's title stays above its scrolling box; the caption inside is for screen readers.
    title = "ตัวชี้วัดและค่าเป้าหมายรายปี — แผนพัฒนาท้องถิ่น"
    assert f'<p class="table-title" aria-hidden="true">{title}</p>' in html
    assert re.search(f'<caption id="indicators-caption-\\d+" class="visually-hidden">{title}</caption>', html)
    assert "๘๘ %" in html
    assert DLA_VISION.splitlines()[0] in html


def test_the_first_chapters_show_the_source_text(client, plan):
    foreword = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "foreword"})).content.decode()
    assert FOREWORD in foreword and "คณะทำงานระบบเทคโนโลยีสารสนเทศ" in foreword
    chapter1 = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "1"})).content.decode()
    assert OBJECTIVE_1 in chapter1


def test_a_chapter_without_text_shows_its_table_of_contents(client, plan):
    html = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "3"})).content.decode()
    assert "ยังไม่มีเนื้อหาในเอกสารต้นฉบับ" in html
    assert "๓.๑ ด้านกายภาพ" in html and "๑๕-๑๖" in html


def test_a_chapter_past_the_last_is_not_found(client, plan):
    assert client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "98"})).status_code == 404


def test_sample_content_is_labelled_on_the_chapter_that_shows_it(client, plan):
    sample = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "4"})).content.decode()
    source_only = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "1"})).content.decode()
    assert "ข้อมูลตัวอย่าง" in sample
    assert "ข้อมูลตัวอย่าง" not in source_only


def test_rich_text_is_not_reescaped_but_scripts_never_reach_the_page(client, plan):
    from plans.models import Block, Section

    section = Section.objects.get(edition=plan, number="บทที่ ๑")
    Block.objects.create(section=section, order=9, text="<strong>สำคัญ</strong><script>alert(1)</script>")
    html = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "1"})).content.decode()
    assert "<strong>สำคัญ</strong>" in html
    assert "<script>alert(1)" not in html


def test_unknown_period_is_not_found(client, plan):
    assert client.get("/taimueang/plans/2500-2502/").status_code == 404
    assert client.get("/taimueang/plans/nonsense/").status_code == 404


def test_the_imported_source_document_reads_on_the_chapter_pages(client, imported_plan):
    """The same pages over the importer's reading of the real source document."""
    toc = client.get(reverse("plans:document", kwargs={"org": "taimueang", "period": PERIOD}))
    assert toc.status_code == 200
    html = toc.content.decode()
    assert "การวิเคราะห์สภาพแวดล้อมขององค์กร" in html and "ระบบราชการ ๔.๐" in html
    keys = ["foreword", "1", "2", "3", "4", "5", "6"]
    pages = [client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": key})) for key in keys]
    text = "".join(p.content.decode() for p in pages if p.status_code == 200)
    assert "มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง" in text
    assert "ยังไม่มีเนื้อหาในเอกสารต้นฉบับ" in text
    search = client.get(reverse("plans:search", kwargs={"org": "taimueang", "period": PERIOD}), {"q": "ธรรมาภิบาล"}).content.decode()
    assert "<mark>ธรรมาภิบาล</mark>" in search


def test_the_imported_dla_strategies_keep_the_source_numbering_quirks(client, imported_plan):
    chapter2 = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "2"})).content.decode()
    # The list prints ยุทธศาสตร์ที่ ๓ twice, as the source does; the details below it, once.
    assert chapter2.count("<strong>ยุทธศาสตร์ที่ ๓</strong> การพัฒนาการบริหารจัดการภาครัฐ") == 2
    assert chapter2.count('<p class="embed-label strategy-heading">ยุทธศาสตร์ที่ ๓ การพัฒนาการบริหารจัดการภาครัฐ') == 1
    # The local development plan's indicator table starts at ๑๒), as printed.
    first_row = re.search(r'<table class="indicators wide">.*?<tbody>.*?<th scope="row">([^<]*)', chapter2, re.S)
    assert first_row.group(1).startswith("๑๒)")


def test_the_schedule_names_the_reporting_month(client, plan):
    from monitoring.models import ScheduleRound
    from plans.models import Block, Section

    ScheduleRound.objects.create(edition=plan, number="๑.", name="รอบ ๖ เดือน", period_text="ตุลาคม - มีนาคม", report_month=4)
    section = Section.objects.get(edition=plan, number="๖.๑")
    Block.objects.create(section=section, order=1, kind=Block.Kind.EMBED, embed=Block.Embed.SCHEDULE)
    html = client.get(reverse("plans:chapter", kwargs={"org": "taimueang", "period": PERIOD, "key": "6"})).content.decode()
    assert "<td>เมษายน</td>" in html and "เดือนที่ ๔" not in html


def test_an_unknown_address_gets_a_thai_page_with_a_way_back(client, plan):
    response = client.get("/taimueang/plans/nonsense/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "ไม่พบหน้านี้" in html and 'href="/taimueang/plans/"' in html
