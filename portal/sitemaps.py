"""sitemap.xml: every public page of every published or archived edition."""


from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from plans.models import Edition, Section
from projects.models import Project
from strategies.models import Framework


def _public_editions():
    return Edition.objects.public()


class StaticSitemap(Sitemap):
    def items(self):
        return ["plans:home", "plans:editions", "plans:privacy", "plans:contact"]

    def location(self, item):
        return reverse(item)


class EditionSitemap(Sitemap):
    """An edition's fixed pages: overview, document, strategies, projects, summary, downloads."""

    pages = ["plans:edition", "plans:document", "strategies:index", "projects:list", "projects:summary", "projects:downloads"]

    def items(self):
        return [(edition, name) for edition in _public_editions().order_by("-start_year") for name in self.pages]

    def location(self, item):
        edition, name = item
        return reverse(name, kwargs={"period": edition.slug})

    def lastmod(self, item):
        return item[0].updated_at


class ChapterSitemap(Sitemap):
    def items(self):
        chapters = Section.objects.filter(edition__in=_public_editions(), parent__isnull=True).select_related("edition")
        return [(chapter.edition.slug, chapter.key) for chapter in chapters.order_by("edition", "order")]

    def location(self, item):
        return reverse("plans:chapter", kwargs={"period": item[0], "key": item[1]})


class FrameworkSitemap(Sitemap):
    def items(self):
        return Framework.objects.filter(edition__in=_public_editions()).select_related("edition").order_by("edition", "order")

    def location(self, item):
        return reverse("strategies:framework", kwargs={"period": item.edition.slug, "slug": item.slug})


class ProjectSitemap(Sitemap):
    def items(self):
        return Project.objects.filter(edition__in=_public_editions()).select_related("edition").order_by("edition", "number")

    def location(self, item):
        return reverse("projects:detail", kwargs={"period": item.edition.slug, "number": item.number})


SITEMAPS = {
    "pages": StaticSitemap,
    "editions": EditionSitemap,
    "chapters": ChapterSitemap,
    "strategies": FrameworkSitemap,
    "projects": ProjectSitemap,
}
