"""Every admin page of a role, for the tests that walk them all (Thai throughout, 1280 px)."""

from io import StringIO

from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from monitoring.models import EvaluationRound
from plans.models import Edition, ImportFlag
from tests.factories import build_plan


def build_walk_data():
    build_plan(scale=1)
    call_command("load_sample_monitoring", stdout=StringIO())
    edition = Edition.objects.get()
    ImportFlag.objects.create(
        edition=edition, kind="numbering", severity="warning", line=12, message="เลขข้อซ้ำ", source_text="๓."
    )
    return edition


def admin_pages(user):
    """(url, model_admin, obj) for every admin page the user may open."""
    pages = [(reverse("admin:index"), None, None)]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        name = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append((reverse(f"{name}_changelist"), model_admin, None))
        pages.append((reverse(f"{name}_changelist") + "?q=ไม่มีคำนี้แน่นอน", model_admin, None))
        can_add = user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        if can_add and model_admin.has_add_permission(request_for(user)):
            pages.append((reverse(f"{name}_add"), model_admin, None))
            try:
                pages.append((reverse(f"{name}_recoverlist"), model_admin, None))
            except NoReverseMatch:
                pass
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        pages.append((reverse(f"{name}_change", args=[obj.pk]), model_admin, obj))
        pages.append((reverse(f"{name}_history", args=[obj.pk]), model_admin, obj))
        if user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
            pages.append((reverse(f"{name}_delete", args=[obj.pk]), model_admin, obj))
    for round_pk in EvaluationRound.objects.order_by("pk").values_list("pk", flat=True)[:1]:
        pages.append((reverse("admin:monitoring_evaluationround_entry", args=[round_pk]), None, None))
    return pages


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request
