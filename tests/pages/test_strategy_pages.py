import re

from django.urls import reverse

from tests.factories import DLA_TACTIC_6_6
from tests.pages.conftest import PERIOD


def test_the_index_lists_every_framework_and_the_it_strategies_alignment(client, plan):
    html = client.get(reverse("strategies:index", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    for name in ["ระบบราชการ ๔.๐", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น", "แผนพัฒนาท้องถิ่น", "แผนแม่บทเทคโนโลยีสารสนเทศ"]:
        assert name in html
    assert "<caption" in html and 'scope="col"' in html


def test_the_index_counts_strategies_indicators_and_each_it_strategys_projects(client, plan):
    html = client.get(reverse("strategies:index", kwargs={"org": "taimueang", "period": PERIOD})).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "๗ ยุทธศาสตร์ · ๐ ตัวชี้วัด" in text  # the DLA plan (ยุทธศาสตร์ที่ ๓ listed twice)
    assert "๒ ยุทธศาสตร์ · ๑๕ ตัวชี้วัด" in text  # the local plan
    assert "๓ ยุทธศาสตร์ · ๓ ตัวชี้วัด" in text  # the IT plan
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", html, re.S)
    # Four projects over three IT strategies: the first has projects ๑ and ๔.
    counts = [re.findall(r'<td class="num">(.*?)</td>', row)[0] for row in rows]
    assert counts == ["๒", "๑", "๑"]
    assert all("แผนยุทธศาสตร์ สถ.: ยุทธศาสตร์ที่ ๖" in row and "แผนพัฒนาท้องถิ่น: ยุทธศาสตร์ที่ ๗" in row for row in rows)


def test_a_framework_page_shows_strategy_goal_tactic_hierarchy(client, plan):
    html = client.get(reverse("strategies:framework", kwargs={"org": "taimueang", "period": PERIOD, "slug": "dla"})).content.decode()
    assert "ยุทธศาสตร์ที่ ๖ การพัฒนาองค์กรด้วยฐานคุณธรรม" in html
    assert DLA_TACTIC_6_6 in html
    assert "มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง" in html


def test_indicator_targets_are_a_table_with_a_column_per_year(client, plan):
    html = client.get(reverse("strategies:framework", kwargs={"org": "taimueang", "period": PERIOD, "slug": "local"})).content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    for year in ["๒๕๖๑", "๒๕๖๒", "๒๕๖๓", "๒๕๖๔", "๒๕๖๕"]:
        assert f'<th scope="col" class="num">{year}</th>' in table
    assert '<th scope="row">๒๖) ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อการบริการ' in table
    assert table.index("๘๐ %") < table.index("๘๒ %") < table.index("๘๘ %")


def test_an_it_strategy_shows_what_it_supports_and_its_projects(client, plan):
    html = client.get(reverse("strategies:framework", kwargs={"org": "taimueang", "period": PERIOD, "slug": "it"})).content.decode()
    assert "สนับสนุนยุทธศาสตร์ระดับสูงกว่า" in html
    assert "แผนยุทธศาสตร์ สถ.: ยุทธศาสตร์ที่ ๖" in html
    assert f'href="/taimueang/plans/{PERIOD}/projects/1/"' in html


def test_a_higher_strategy_lists_the_it_strategies_that_support_it(client, plan):
    html = client.get(reverse("strategies:framework", kwargs={"org": "taimueang", "period": PERIOD, "slug": "local"})).content.decode()
    assert "ยุทธศาสตร์ด้านไอทีที่สนับสนุน" in html


def test_an_unknown_framework_is_not_found(client, plan):
    assert client.get(reverse("strategies:framework", kwargs={"org": "taimueang", "period": PERIOD, "slug": "nope"})).status_code == 404
