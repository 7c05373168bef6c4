from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accelerator.privacy import audit_report
from cms import views as cms_views
from cms.sitemaps import sitemap
from diagnostics import report_views

urlpatterns = [
    # Before Wagtail's own: its site history spans every program (superusers only).
    path("admin/reports/site-history/", audit_report.site_history),
    path("admin/reports/site-history/results/", audit_report.site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("workspace/", include("accelerator.workspace.urls")),
    path("portal/", include("accelerator.cooperatives.portal_urls")),
    path("report/<str:token>/", report_views.report_page, name="diagnostics-report"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
