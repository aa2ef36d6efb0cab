"""Uploads from the admin: store the file, read it in the background, write it only when confirmed.

``upload_create`` keeps the file and enqueues ``tasks.read_plan_upload``; the task calls
``upload_read``, which parses (no database writes to the plan) and stores the preview;
``upload_confirm`` parses the stored file again, checks that it reads as the preview the
editor saw, and writes it into a new draft edition or the organization's draft of that
period, never into a published one.

The organization is the one the editor chose (a file naming another gets a flag, nothing
else). A host may leave it to the file: the organization it names is found, or created
with the address the host chose (or the one suggested) when the upload is confirmed.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction

from plans.models import Organization, suggest_organization_slug
from thaimuang_plan.lib.thai import short_organization_name, to_thai_digits

from . import access
from . import preview as previews
from .messages import (
    NEW_ORGANIZATION_NOT_ALLOWED,
    NEW_ORGANIZATION_SLUG,
    UPLOAD_CHANGED,
    UPLOAD_NOT_READY,
    UPLOAD_PUBLISHED,
    UPLOAD_SAMPLE,
    ImportRejected,
)
from .models import PlanImport
from .parser import parse
from .services import plan_import
from .writer import find_edition


def upload_create(
    *,
    organization,
    user,
    name: str,
    data: bytes,
    period: tuple[int, int] | None,
    new_organization_slug: str = "",
) -> PlanImport:
    """``organization=None`` (hosts only): the organization the file names, found or made on confirmation."""
    upload = PlanImport.objects.create(
        organization=organization,
        new_organization_slug=new_organization_slug if organization is None else "",
        uploaded_by=user,
        source_name=name[:255],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        start_year=period[0] if period else None,
        end_year=period[1] if period else None,
        progress="รอคิวอ่านไฟล์",
    )
    from .tasks import read_plan_upload

    transaction.on_commit(lambda: read_plan_upload.enqueue(upload.pk))
    return upload


def _set(upload: PlanImport, **fields) -> None:
    for name, value in fields.items():
        setattr(upload, name, value)
    upload.save(update_fields=[*fields, "updated_at"])


def _parse(upload: PlanImport):
    return parse(
        bytes(upload.data),
        name=upload.source_name,
        period=upload.period,
        organization=upload.organization.name if upload.organization else "",
    )


def upload_read(*, upload: PlanImport) -> None:
    """Parse the stored file and keep what was read as the preview (or why it cannot be read)."""
    _set(upload, status=PlanImport.Status.READING, progress="กำลังอ่านไฟล์และจัดโครงสร้างแผน …")
    try:
        plan = _parse(upload)
    except ImportRejected as exc:
        _set(upload, status=PlanImport.Status.REFUSED, error=str(exc), progress="อ่านไม่ได้")
        return
    result = previews.build(plan)
    result["target"] = _target(upload, plan)
    if plan.is_sample_file:
        result["target"] = {"action": "refused", "reason": UPLOAD_SAMPLE}
    _set(upload, status=PlanImport.Status.READY, preview=result, error="", progress="อ่านแล้ว รอบรรณาธิการยืนยัน")


def _owner(upload: PlanImport, plan) -> Organization | None:
    """The organization the upload writes into: the one chosen, else the one the file names (if it exists)."""
    if upload.organization is not None:
        return upload.organization
    return Organization.objects.filter(name=plan.organization_name).first()


def _new_slug(upload: PlanImport) -> str:
    return upload.new_organization_slug or suggest_organization_slug()


def _target(upload: PlanImport, plan) -> dict:
    """Where a confirmation would write (the edition the writer finds): a new draft, that draft, or nowhere."""
    organization = _owner(upload, plan)
    period = to_thai_digits(f"{plan.start_year}-{plan.end_year}")
    if organization is None:
        return {
            "action": "new",
            "new_organization": plan.organization_name,
            "reason": f"สร้างหน่วยงานใหม่ “{plan.organization_name}” ที่อยู่เว็บ /{_new_slug(upload)}/ "
            f"และแผนฉบับร่างใหม่ ช่วงปี {period} ของหน่วยงานนั้น",
        }
    edition = find_edition(plan, sample=False, organization=organization)
    if edition is None:
        return {"action": "new", "reason": f"สร้างแผนฉบับร่างใหม่ ช่วงปี {period} ของ{organization}"}
    if edition.is_public:
        return {
            "action": "refused",
            "edition": edition.pk,
            "reason": UPLOAD_PUBLISHED.format(edition=edition),
        }
    return {
        "action": "replace",
        "edition": edition.pk,
        "reason": f"แทนที่เนื้อหาที่นำเข้าไว้ในแผนฉบับร่าง “{edition}” ({edition.get_status_display()}) ด้วยเนื้อหาจากไฟล์นี้",
    }


def upload_confirm(*, upload: PlanImport, user):
    """Write the upload into its draft edition. Raises ImportRejected (nothing written) when it may not."""
    upload.refresh_from_db()
    if upload.status != PlanImport.Status.READY:
        raise ImportRejected(UPLOAD_NOT_READY)
    plan = _parse(upload)
    fresh = previews.build(plan)
    if fresh["digest"] != upload.preview.get("digest"):
        fresh["target"] = _target(upload, plan)
        _set(upload, preview=fresh)
        raise ImportRejected(UPLOAD_CHANGED)
    target = _target(upload, plan)
    if plan.is_sample_file:
        raise ImportRejected(UPLOAD_SAMPLE)
    if target["action"] == "refused":
        raise ImportRejected(target["reason"])
    with transaction.atomic():
        # A second click, or a second editor, finds it confirmed already.
        locked = PlanImport.objects.select_for_update().get(pk=upload.pk)
        if locked.status != PlanImport.Status.READY:
            raise ImportRejected(UPLOAD_NOT_READY)
        organization = _owner(upload, plan) or _organization_create(upload, plan, user)
        result = plan_import(
            data=bytes(upload.data),
            name=upload.source_name,
            user=user,
            period=upload.period,
            organization=organization,
        )
        _set(
            locked,
            organization=organization,
            status=PlanImport.Status.CONFIRMED,
            edition=result.edition,
            confirmed_by=user,
            progress="บันทึกลงแผนแล้ว",
        )
    upload.refresh_from_db()
    return result


def _organization_create(upload: PlanImport, plan, user) -> Organization:
    """The organization a host's upload names, new on the deployment (a host's decision alone)."""
    if not access.may_create_organizations(user):
        raise ImportRejected(NEW_ORGANIZATION_NOT_ALLOWED)
    organization = Organization(
        name=plan.organization_name, short_name=short_organization_name(plan.organization_name), slug=_new_slug(upload)
    )
    try:
        organization.full_clean()
    except ValidationError as error:
        reason = " ".join(error.message_dict.get("slug", error.messages))
        raise ImportRejected(NEW_ORGANIZATION_SLUG.format(slug=organization.slug, reason=reason)) from None
    organization.save()
    return organization
