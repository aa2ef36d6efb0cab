"""Every in-page link the strategies pages print lands on an element of the page it names."""

import re

from django.urls import reverse

from strategies.models import Framework, Strategy
from tests.factories import build_plan

HREF = re.compile(r'href="([^"]*#[^"]*)"')


def _pages(client, edition) -> dict[str, str]:
    """The strategies index (every page of it, by its "next" links) and every framework page: address -> HTML."""
    index = reverse("strategies:index", kwargs=edition.address_kwargs)
    pages, url = {}, index
    while url:
        pages[url] = client.get(url).content.decode()
        following = re.search(r'href="(\?page=\d+)" rel="next"', pages[url])
        url = f"{index}{following.group(1)}" if following else None
    for slug in Framework.objects.filter(edition=edition).values_list("slug", flat=True):
        url = reverse("strategies:framework", kwargs={**edition.address_kwargs, "slug": slug})
        pages[url] = client.get(url).content.decode()
    return pages


def _broken_links(client, edition) -> list[tuple[str, str]]:
    pages = _pages(client, edition)
    targets = dict(pages)
    broken, checked = [], 0
    for here, html in pages.items():
        for href in HREF.findall(html):
            path, anchor = href.split("#", 1)
            if path.startswith("#") or not path:
                path = here
            if path not in targets:
                response = client.get(path)
                assert response.status_code == 200, href
                targets[path] = response.content.decode()
            checked += 1
            if f'id="{anchor}"' not in targets[path]:
                broken.append((here, href))
    assert checked, "the pages print no in-page links at all"
    return broken


def test_every_anchor_link_of_the_demo_plans_strategies_pages_lands(client, db):
    assert _broken_links(client, build_plan(scale=4)) == []


def test_a_repeated_it_strategy_number_with_nothing_of_its_own_links_to_the_number_it_repeats(client, db):
    """As the source lists the DLA plan's ยุทธศาสตร์ที่ ๓ twice, an IT plan may repeat a number: the
    repeat is listed in the index, its details are its number's first (the framework page prints
    no section for the repeat), so its link goes there."""
    edition = build_plan(scale=4)  # twelve IT strategies: the repeat is on the index's second page
    it_plan = Framework.objects.get(edition=edition, kind=Framework.Kind.IT_PLAN)
    Strategy.objects.create(framework=it_plan, number=2, title="ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๒", order=50)
    assert _broken_links(client, edition) == []
    second = client.get(reverse("strategies:index", kwargs=edition.address_kwargs), {"page": 2}).content.decode()
    framework_url = reverse("strategies:framework", kwargs={**edition.address_kwargs, "slug": it_plan.slug})
    assert f'<a href="{framework_url}#strategy-2">ยุทธศาสตร์ที่ ๒</a> ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๒' in second


def test_every_anchor_link_of_the_imported_source_documents_strategies_pages_lands(client, imported_plan):
    assert _broken_links(client, imported_plan) == []
