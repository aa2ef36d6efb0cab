"""Every admin's history and recover addresses accept only versions of that admin's own model.

One row of every model kept in history is saved into one revision (as the
importer does with a plan), then each admin is sent every version of every
other model, by a superuser so that only the model check can refuse it.
"""

import datetime as dt
from decimal import Decimal

import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import NoReverseMatch, resolve, reverse
from reversion.admin import VersionAdmin
from reversion.models import Revision, Version

from monitoring.models import (
    Committee,
    CommitteeMember,
    EvaluationMethod,
    EvaluationRound,
    IndicatorResult,
    ProjectProgress,
    RoundFinding,
    ScheduleRound,
)
from plans.models import Block, ImportFlag, Section, SwotItem
from projects.models import Project, ProjectBudget, Unit


@pytest.fixture
def everything(edition, framework):
    """A row of every model reversion keeps, all in one revision, and one deleted SWOT item."""
    strategy = framework.strategies.first()
    section = Section.objects.create(edition=edition, number="๑", title="บทที่ ๑")
    Block.objects.create(section=section, text="ย่อหน้าแรก", order=10)
    SwotItem.objects.create(edition=edition, kind="strength", text="จุดแข็ง", order=10)
    gone = SwotItem.objects.create(edition=edition, kind="weakness", text="จุดอ่อนที่ถูกลบ", order=20)
    ImportFlag.objects.create(edition=edition, kind=ImportFlag.Kind.choices[0][0], message="ข้อสังเกต")
    unit = Unit.objects.create(organization=edition.organization, name="สำนักปลัด")
    project = Project.objects.create(edition=edition, number=1, name="โครงการหนึ่ง", strategy=strategy, unit=unit)
    ProjectBudget.objects.create(project=project, fiscal_year=2564, amount=Decimal(1000))
    committee = Committee.objects.create(edition=edition)
    CommitteeMember.objects.create(committee=committee, name="นายกรรมการ", order=1)
    EvaluationMethod.objects.create(edition=edition, title="ประเมินจากรายงาน")
    schedule = ScheduleRound.objects.create(edition=edition, name="รอบ ๖ เดือน", covers_months=6, report_month=4)
    round = EvaluationRound.objects.create(
        edition=edition, schedule_round=schedule, name="รอบ ๖ เดือน", fiscal_year=2564,
        period_start=dt.date(2020, 10, 1), period_end=dt.date(2021, 3, 31), report_date=dt.date(2021, 4, 30),
    )
    RoundFinding.objects.create(round=round, text="ข้อค้นพบ")
    ProjectProgress.objects.create(round=round, project=project, status="in_progress", percent_done=50)
    IndicatorResult.objects.create(indicator=framework.indicators.first(), fiscal_year=2564, actual_text="๑ ครั้ง")
    with reversion.create_revision():
        for model in reversion.get_registered_models():
            for row in model._default_manager.all():
                reversion.add_to_revision(row)
    gone.delete()
    return Version.objects.all()


def _snapshot():
    rows = []
    for model in reversion.get_registered_models():
        rows.append(serializers.serialize("json", model._default_manager.order_by("pk")))
    return rows, Revision.objects.count(), Version.objects.count(), LogEntry.objects.count()


def _version_admins():
    return [(model, model_admin) for model, model_admin in admin.site._registry.items() if isinstance(model_admin, VersionAdmin)]


def test_every_model_kept_in_history_has_a_version_to_walk(everything):
    walked = {version._model for version in everything}
    assert walked >= set(reversion.get_registered_models())


def test_admins_without_history_have_no_restore_addresses():
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, VersionAdmin):
            continue
        opts = model._meta
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[1])


def _answer(rf, user, method: str, url: str):
    """The status the view at ``url`` gives (raised 404/403 included), called as the URL resolves.

    For speed the view is called directly (the admin's own wrapper included)
    rather than through every middleware: a few thousand requests are walked.
    """
    request = getattr(rf, method)(url, {"lock_token": "x"} if method == "post" else None)
    request.user = user
    request._dont_enforce_csrf_checks = True
    request._messages = CookieStorage(request)
    match = resolve(url)
    try:
        return match.func(request, *match.args, **match.kwargs).status_code
    except Http404:
        return 404
    except PermissionDenied:
        return 403


def test_no_admin_accepts_a_version_of_another_model(rf, superuser, everything):
    before = _snapshot()
    accepted = []
    for model, _ in _version_admins():
        opts = model._meta
        own = model._default_manager.order_by("pk").first()
        for version in everything.exclude(content_type__app_label=opts.app_label, content_type__model=opts.model_name):
            recover = reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[version.pk])
            tries = [
                ("post", reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[quote(version.object_id), version.pk])),
                ("post", recover),
                ("get", recover),  # the confirmation page would show another model's data
            ]
            if own is not None:
                tries.append(("post", reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[own.pk, version.pk])))
            for method, url in tries:
                status = _answer(rf, superuser, method, url)
                if status not in (403, 404):
                    accepted.append((method, url, version._model.__name__, status))
    assert accepted == []
    assert _snapshot() == before


def test_each_admin_still_opens_its_own_versions(client, superuser, everything):
    client.force_login(superuser)
    for model, _ in _version_admins():
        opts = model._meta
        own = Version.objects.get_for_model(model).first()
        if model._default_manager.filter(pk=own.object_id).exists():
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[quote(own.object_id), own.pk])
        else:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[own.pk])
        assert client.get(url).status_code == 200, url
