from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal.sitemaps import SITEMAPS
from thaimuang_plan import health

admin.site.site_header = "ระบบจัดการแผนแม่บทเทคโนโลยีสารสนเทศ"
admin.site.site_title = "แผนแม่บทไอที"
admin.site.index_title = "จัดการเนื้อหาแผน"

# A Thai 503 instead of the 500 page while the database is unreachable.
handler500 = "operations.views.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # Before admin/: the admin's catch-all would answer /admin/editions/... first.
    path("admin/editions/", include("editions.admin_urls")),
    # Before the admin's own addresses: the admin would read "history" as an app name.
    path("admin/history/", include("audit.urls")),
    path("", include("operations.urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("portal.urls")),
    path("", include("projects.urls")),
    path("", include("portal.strategy_urls")),
    path("", include("monitoring.urls")),
    path("", include("insights.urls")),
    path("", include("portal.pdf.urls")),
    path("", include("editions.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
