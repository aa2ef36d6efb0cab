"""The transparency pack: what the ITA/OIT assessors ask for that this portal holds.

One list per organization of the public documents with their stable addresses and
publication dates: each public edition of the plan (the current one and those it
replaced) with its PDF, one-page summary and alignment report; each published
monitoring round (the ๖-month and annual rounds) and each year's annual report PDF; the
committee appointment; the open data. ``transparency_pack`` runs three queries whatever
the number of editions and rounds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Committee, EvaluationRound
from plans.models import Edition, Organization


class Category:
    PLAN = "แผนแม่บทเทคโนโลยีสารสนเทศ"
    MONITORING = "รายงานผลการติดตามและประเมินผล"
    COMMITTEE = "คำสั่งแต่งตั้งคณะกรรมการติดตามและประเมินผล"
    OPEN_DATA = "ข้อมูลเปิด"


@dataclass
class PackItem:
    category: str
    title: str
    path: str  # the item's stable address on this portal
    published_on: dt.date | None
    edition: Edition
    is_sample: bool = False
    note: str = ""


def _local_date(moment) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


def _edition_items(edition: Edition, rounds: list[EvaluationRound], committees: list[Committee]) -> list[PackItem]:
    period = edition.address_kwargs
    published = _local_date(edition.published_at)
    state = "ฉบับปัจจุบัน" if edition.status == Edition.Status.PUBLISHED else "ฉบับก่อน (เก็บถาวร)"
    items = [
        PackItem(Category.PLAN, f"{edition.title} {edition.period_label} ({state})", edition.get_absolute_url(), published, edition),
        PackItem(Category.PLAN, f"{edition.title} {edition.period_label} ฉบับ PDF", reverse("pdf:plan", kwargs=period), published, edition),
        PackItem(Category.PLAN, f"แผนโดยสรุป {edition.period_label} (A4 หน้าเดียว)", reverse("insights:summary_pdf", kwargs=period), published, edition),
        PackItem(Category.PLAN, f"ความสอดคล้องกับแผนระดับสูงกว่า {edition.period_label}", reverse("insights:alignment", kwargs=period), published, edition),
    ]
    years: dict[int, list[EvaluationRound]] = {}
    for r in rounds:
        items.append(
            PackItem(
                Category.MONITORING,
                f"ผลการติดตาม{r.name} ปีงบประมาณ {r.fiscal_year}",
                reverse("monitoring:round", kwargs={**period, "pk": r.pk}),
                r.published_on,
                edition,
                is_sample=r.is_sample,
            )
        )
        years.setdefault(r.fiscal_year, []).append(r)
    for year, year_rounds in sorted(years.items()):
        items.append(
            PackItem(
                Category.MONITORING,
                f"รายงานการติดตามและประเมินผลประจำปีงบประมาณ {year} (PDF)",
                reverse("monitoring:report_pdf", kwargs={**period, "fiscal_year": year}),
                max(r.published_on for r in year_rounds),
                edition,
                is_sample=any(r.is_sample for r in year_rounds),
            )
        )
    for c in committees:
        items.append(
            PackItem(
                Category.COMMITTEE,
                c.name,
                reverse("monitoring:index", kwargs=period) + "#committee",
                c.appointed_on or published,
                edition,
                is_sample=c.is_sample,
                note=f"แต่งตั้งโดย{c.appointed_by}" if c.appointed_by else "ยังไม่ได้บันทึกคำสั่งแต่งตั้งในระบบ",
            )
        )
    items.append(
        PackItem(Category.OPEN_DATA, f"ข้อมูลเปิดของแผน {edition.period_label} (CSV, XLSX, JSON)", reverse("projects:downloads", kwargs=period), published, edition)
    )
    return items


def transparency_pack(organization: Organization) -> list[PackItem]:
    """Every public document of the organization, newest edition first, in category order."""
    # What a resident may see is the one rule of Edition.objects.visible_to.
    editions = list(
        Edition.objects.filter(organization=organization)
        .select_related("organization")
        .visible_to(AnonymousUser())
        .order_by("-start_year", "-published_at")
    )
    rounds = list(
        EvaluationRound.objects.filter(edition__in=editions).published().order_by("fiscal_year", "period_end", "pk")
    )
    committees = list(Committee.objects.filter(edition__in=editions).order_by("appointed_on", "pk"))
    items = []
    for edition in editions:
        items += _edition_items(
            edition,
            [r for r in rounds if r.edition_id == edition.pk],
            [c for c in committees if c.edition_id == edition.pk],
        )
    order = [Category.PLAN, Category.MONITORING, Category.COMMITTEE, Category.OPEN_DATA]
    return sorted(items, key=lambda item: order.index(item.category))
