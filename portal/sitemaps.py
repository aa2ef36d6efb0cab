"""sitemap.xml: every public page of every published or archived edition, of every organization.

/sitemap.xml is an index of one file per section (/sitemap-projects.xml, ...), each paged by
Django at 50,000 addresses, so a host with thousands of organizations stays within the limits
search engines read.
"""


from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from plans.models import Edition, Organization, Section
from projects.models import Project
from strategies.models import Framework


def _public_editions():
    return Edition.objects.public()


class StaticSitemap(Sitemap):
    """The host's landing page and each organization's own pages."""

    pages = ["plans:home", "plans:editions", "plans:privacy", "plans:contact"]

    def items(self):
        slugs = Organization.objects.filter(editions__in=_public_editions()).distinct().order_by("slug")
        return [("host:landing", None)] + [(name, slug) for slug in slugs.values_list("slug", flat=True) for name in self.pages]

    def location(self, item):
        name, org = item
        return reverse(name, kwargs={"org": org}) if org else reverse(name)


class EditionSitemap(Sitemap):
    """An edition's fixed pages: overview, document, strategies, projects, summary, downloads."""

    pages = ["plans:edition", "plans:document", "strategies:index", "projects:list", "projects:summary", "projects:downloads"]

    def items(self):
        editions = _public_editions().select_related("organization").order_by("organization__slug", "-start_year")
        return [(edition, name) for edition in editions for name in self.pages]

    def location(self, item):
        edition, name = item
        return reverse(name, kwargs=edition.address_kwargs)

    def lastmod(self, item):
        return item[0].updated_at


class ChapterSitemap(Sitemap):
    def items(self):
        chapters = Section.objects.filter(edition__in=_public_editions(), parent__isnull=True).select_related(
            "edition__organization"
        )
        return [(chapter.edition.address_kwargs, chapter.key) for chapter in chapters.order_by("edition", "order")]

    def location(self, item):
        return reverse("plans:chapter", kwargs={**item[0], "key": item[1]})


class FrameworkSitemap(Sitemap):
    def items(self):
        frameworks = Framework.objects.filter(edition__in=_public_editions()).select_related("edition__organization")
        return frameworks.order_by("edition", "order")

    def location(self, item):
        return reverse("strategies:framework", kwargs={**item.edition.address_kwargs, "slug": item.slug})


class ProjectSitemap(Sitemap):
    def items(self):
        projects = Project.objects.filter(edition__in=_public_editions()).select_related("edition__organization")
        return projects.order_by("edition", "number")

    def location(self, item):
        return reverse("projects:detail", kwargs={**item.edition.address_kwargs, "number": item.number})


SITEMAPS = {
    "pages": StaticSitemap,
    "editions": EditionSitemap,
    "chapters": ChapterSitemap,
    "strategies": FrameworkSitemap,
    "projects": ProjectSitemap,
}
