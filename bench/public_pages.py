"""The public pages the benches measure: one of each type, of one edition.

One list for ``pages_bench.py`` (each page under gunicorn) and ``orgs_bench.py`` (each page
alone and beside a hundred organizations), so that the two measure the same pages and a new
page type is added to both at once. Needs Django set up.
"""

from urllib.parse import urlencode


def public_pages(edition) -> list[tuple[str, str]]:
    """(label, path) of each public page type of ``edition``: its organization's home, the
    edition's pages, the host's landing page."""
    from django.urls import reverse

    from plans.models import Section
    from projects.models import Project
    from strategies.models import Framework

    a = edition.address_kwargs
    org = {"org": a["org"]}
    chapters = list(Section.objects.filter(edition=edition, parent=None).order_by("order"))
    framework = Framework.objects.filter(edition=edition).order_by("order", "pk").first()
    project = Project.objects.filter(edition=edition).order_by("number").first()
    return [
        ("home /<org>/", reverse("plans:home", kwargs=org)),
        ("edition", reverse("plans:edition", kwargs=a)),
        ("document contents", reverse("plans:document", kwargs=a)),
        ("first chapter", reverse("plans:chapter", kwargs={**a, "key": chapters[0].key})),
        ("last chapter", reverse("plans:chapter", kwargs={**a, "key": chapters[-1].key})),
        ("strategies", reverse("strategies:index", kwargs=a)),
        ("framework page", reverse("strategies:framework", kwargs={**a, "slug": framework.slug})),
        ("project list", reverse("projects:list", kwargs=a)),
        ("project page", reverse("projects:detail", kwargs={**a, "number": project.number})),
        ("projects summary", reverse("projects:summary", kwargs=a)),
        ("monitoring", reverse("monitoring:index", kwargs=a)),
        # Percent-encoded: wrk and urllib send the address as it is written.
        ("search", reverse("plans:search", kwargs=a) + "?" + urlencode({"q": "ระบบ"})),
        ("editions list", reverse("plans:editions", kwargs=org)),
        ("open data (csv)", reverse("projects:export", kwargs={**a, "dataset": "projects", "fmt": "csv"})),
        ("landing (host)", reverse("host:landing")),
    ]
