from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path

from portal.sitemaps import SITEMAPS
from thaimuang_plan import health

admin.site.site_header = "ระบบจัดการแผนแม่บทเทคโนโลยีสารสนเทศ"
admin.site.site_title = "แผนแม่บทไอที"
admin.site.index_title = "จัดการเนื้อหาแผน"

# A Thai 503 instead of the 500 page while the database is unreachable.
handler500 = "operations.views.server_error"

ORGANIZATION_URLS = [
    path("", include("portal.urls")),
    path("", include("projects.urls")),
    path("", include("portal.strategy_urls")),
    path("", include("monitoring.urls")),
    path("", include("insights.urls")),
    path("", include("portal.pdf.urls")),
    path("", include("editions.urls")),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # Before admin/: the admin's catch-all would answer /admin/editions/... first.
    path("admin/editions/", include("editions.admin_urls")),
    # Before the admin's own addresses: the admin would read "history" as an app name.
    path("admin/history/", include("audit.urls")),
    path("", include("operations.urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemaps_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    # The host's own pages: the organizations it serves, open data across them, and the
    # addresses of the one-organization portal, which lead to the organization's.
    path("", include("portal.host_urls")),
    # Everything of one organization, under its slug: /taimueang/plans/2563-2565/...
    # Last, so that the portal's own first segments (admin/, data/, ...) are tried first;
    # plans.models.RESERVED_SLUGS keeps organizations from taking them.
    path("<org:org>/", include(ORGANIZATION_URLS)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
