"""The portal-wide history page in the admin (/admin/history/), and its CSV."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit.exports import csv_lines
from audit.forms import HistoryFilterForm
from audit.selectors import entries, entry_rows, visible_models

PER_PAGE = 50


@require_GET
def history(request, *, site):
    if not visible_models(request.user):
        raise PermissionDenied
    form = HistoryFilterForm(request.GET or None, user=request.user)
    valid = form.is_valid() if form.is_bound else True
    found = entries(user=request.user, **(form.filters() if form.is_bound and valid else {}))
    if valid and request.GET.get("format") == "csv":
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(csv_lines(found), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="history-{stamp}.csv"'
        return response
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page")) if valid else None
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {
        **site.each_context(request),
        "title": "ประวัติการแก้ไขทั้งระบบ",
        "form": form,
        "page": page,
        "rows": entry_rows(list(page.object_list)) if page else [],
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/audit/history.html", context)
