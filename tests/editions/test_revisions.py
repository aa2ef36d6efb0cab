"""Revisions: a full working copy that residents do not see until it is published in one step."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from editions.copy import PARTS
from editions.services import DRAFT_REVISION_EXISTS, edition_publish, edition_publish_as_told, revision_start
from monitoring.models import EvaluationRound
from plans.models import Block, Edition, EditionStatusChange, Section
from plans.models.edition import PERIOD_TAKEN
from projects.models import Project, ProjectBudget
from strategies.models import Framework, Strategy
from tests.editions.conftest import PERIOD


def _rename_first_it_strategy(edition, title):
    strategy = Strategy.objects.get(framework__edition=edition, framework__kind="it_plan", number=1)
    strategy.title = title
    strategy.save()
    return strategy


def test_residents_never_see_a_revision_before_it_is_published(client, plan, revision):
    _rename_first_it_strategy(revision, "ยุทธศาสตร์ที่แก้ในฉบับร่าง")
    current = client.get(f"/taimueang/plans/{PERIOD}/strategies/").content.decode()
    assert "ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑" in current
    assert "ยุทธศาสตร์ที่แก้ในฉบับร่าง" not in current
    for url in [f"/taimueang/plans/{PERIOD}/r1/", f"/taimueang/plans/{PERIOD}/r1/strategies/", f"/taimueang/plans/{PERIOD}/r1/projects/1/",
                f"/taimueang/plans/{PERIOD}/r1/data/projects.csv", f"/taimueang/plans/{PERIOD}/r0/compare/{PERIOD}/r1/"]:
        assert client.get(url).status_code == 404, url
    assert "r1" not in client.get(reverse("plans:editions", kwargs={"org": "taimueang"})).content.decode()
    assert "/r1/" not in client.get("/sitemap.xml").content.decode()
    search = client.get(f"/taimueang/plans/{PERIOD}/search/", {"q": "แก้ในฉบับร่าง"}).content.decode()
    assert "ยุทธศาสตร์ที่แก้ในฉบับร่าง" not in search


def test_editors_preview_the_revision_at_its_own_address(client, editor, plan, revision):
    _rename_first_it_strategy(revision, "ยุทธศาสตร์ที่แก้ในฉบับร่าง")
    client.force_login(editor)
    draft = client.get(f"/taimueang/plans/{PERIOD}/r1/strategies/").content.decode()
    assert "ยุทธศาสตร์ที่แก้ในฉบับร่าง" in draft and "ฉบับร่าง (ฉบับแก้ไข ครั้งที่ ๑)" in draft
    # The plain period address stays the published edition, for editors too.
    assert "ยุทธศาสตร์ที่แก้ในฉบับร่าง" not in client.get(f"/taimueang/plans/{PERIOD}/strategies/").content.decode()


def test_a_revision_is_a_full_copy_linked_within_itself(plan, revision):
    for part in PARTS:
        source = part.model.objects.filter(**{part.edition_lookup: plan}).count()
        copied = part.model.objects.filter(**{part.edition_lookup: revision}).count()
        assert source == copied, part.model.__name__
    it_strategy = Strategy.objects.get(framework__edition=revision, framework__kind="it_plan", number=1)
    # Alignment links point at the revision's own copies of the higher strategies.
    assert {s.framework.edition_id for s in it_strategy.aligns_with.all()} == {revision.pk}
    assert it_strategy.aligns_with.count() == 2
    for project in Project.objects.filter(edition=revision).select_related("strategy__framework", "tactic__framework"):
        assert project.strategy.framework.edition_id == revision.pk
        assert project.tactic.framework.edition_id == revision.pk
    for section in Section.objects.filter(edition=revision, parent__isnull=False).select_related("parent"):
        assert section.parent.edition_id == revision.pk
    # Every embed of the revision names a framework of the revision itself.
    embedded = set(
        Block.objects.filter(section__edition=revision).exclude(framework_slug="").values_list("framework_slug", flat=True)
    )
    assert embedded and embedded <= set(Framework.objects.filter(edition=revision).values_list("slug", flat=True))
    assert list(Section.objects.filter(edition=plan).values_list("key", flat=True)) == list(
        Section.objects.filter(edition=revision).values_list("key", flat=True)
    )
    assert (revision.revision_number, revision.revision_label, revision.based_on) == (1, "ฉบับแก้ไข ครั้งที่ ๑", plan)


def _hangs_on_an_edition(model, seen=()) -> bool:
    for f in model._meta.concrete_fields:
        if f.is_relation and f.many_to_one and f.related_model not in seen and f.related_model is not model:
            if f.related_model is Edition or _hangs_on_an_edition(f.related_model, (*seen, model)):
                return True
    return False


def test_every_part_of_a_plan_is_in_the_copy():
    """A model added to a plan later must be copied too (or named here as not plan content)."""
    not_plan_content = {EditionStatusChange, Edition}
    # The committee's monitoring records belong to the edition they evaluated.
    monitoring_records = {m for m in apps.get_app_config("monitoring").get_models() if m.__module__.endswith("records")}
    assert EvaluationRound in monitoring_records
    copied = {part.model for part in PARTS}
    for model in apps.get_models():
        if model in not_plan_content | monitoring_records or not issubclass(model, models.Model):
            continue
        if model._meta.app_label in {"plans", "strategies", "projects", "monitoring"} and _hangs_on_an_edition(model):
            assert model in copied, model.__name__


def test_only_one_draft_revision_at_a_time(plan, revision, editor):
    with pytest.raises(Exception) as refused:
        revision_start(edition=plan, kind="change", approval_reference="คำสั่ง ๑/๒๕๖๔", approved_on=dt.date(2021, 5, 1))
    assert DRAFT_REVISION_EXISTS.format(draft=revision) in str(refused.value)


def test_publishing_the_revision_swaps_editions_and_keeps_the_old_one_at_its_address(client, editor, plan, revision):
    first_published = plan.published_at = plan.published_at or dt.datetime(2020, 10, 1, tzinfo=dt.UTC)
    plan.save(update_fields=["published_at"])
    _rename_first_it_strategy(revision, "ยุทธศาสตร์ฉบับแก้ไข")
    edition_publish_as_told(edition=revision, user=editor)
    plan.refresh_from_db()
    revision.refresh_from_db()
    assert (plan.status, revision.status) == (Edition.Status.ARCHIVED, Edition.Status.PUBLISHED)
    assert plan.published_at == first_published
    assert "ยุทธศาสตร์ฉบับแก้ไข" in client.get(f"/taimueang/plans/{PERIOD}/strategies/").content.decode()
    old = client.get(f"/taimueang/plans/{PERIOD}/r0/strategies/").content.decode()
    assert "ตัวอย่างยุทธศาสตร์ด้านไอทีที่ ๑" in old and "ยุทธศาสตร์ฉบับแก้ไข" not in old
    assert "ฉบับเก่า ถูกแทนที่แล้ว" in old and f'href="/taimueang/plans/{PERIOD}/"' in old
    assert client.get(f"/taimueang/plans/{PERIOD}/r1/strategies/").status_code == 200
    history = [(c.edition_id, c.from_status, c.to_status) for c in EditionStatusChange.objects.order_by("pk")]
    assert (plan.pk, "published", "archived") in history and (revision.pk, "draft", "published") in history


def test_publishing_is_all_or_nothing(plan, revision, monkeypatch):
    """If anything fails after the old edition was archived, nothing of the swap is kept."""
    real_save = Edition.save

    def failing_save(self, *args, **kwargs):
        if self.pk == revision.pk and self.status == Edition.Status.PUBLISHED:
            raise RuntimeError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Edition, "save", failing_save)
    with pytest.raises(RuntimeError):
        edition_publish_as_told(edition=revision)
    plan.refresh_from_db()
    revision.refresh_from_db()
    assert (plan.status, revision.status) == (Edition.Status.PUBLISHED, Edition.Status.DRAFT)
    assert not EditionStatusChange.objects.filter(to_status="archived").exists()


def test_revision_budgets_change_without_touching_the_published_edition(plan, revision):
    ProjectBudget.objects.filter(project__edition=revision, project__number=2, fiscal_year=2564).update(amount=999)
    assert ProjectBudget.objects.get(project__edition=revision, project__number=2, fiscal_year=2564).amount == 999
    assert ProjectBudget.objects.get(project__edition=plan, project__number=2, fiscal_year=2564).amount == 30000


def test_a_second_edition_for_the_period_is_refused_in_thai(client, editor, plan):
    client.force_login(editor)
    response = client.post(
        reverse("admin:plans_edition_add"),
        {"organization": plan.organization_id, "title": "แผนซ้ำ", "start_year": "๒๕๖๓", "end_year": "๒๕๖๕",
         "status_changes-TOTAL_FORMS": "0", "status_changes-INITIAL_FORMS": "0",
         "import_flags-TOTAL_FORMS": "0", "import_flags-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert PERIOD_TAKEN in response.content.decode()
    assert 'value="แผนซ้ำ"' in response.content.decode()
    assert Edition.objects.count() == 1


def test_publishing_again_keeps_the_first_publication_date(plan, editor):
    from editions.services import edition_withdraw

    plan.published_at = original = dt.datetime(2020, 10, 1, 3, 0, tzinfo=dt.UTC)
    plan.save(update_fields=["published_at"])
    edition_withdraw(edition=plan, reason="ตรวจตัวเลขงบประมาณ", user=editor)
    edition_publish_as_told(edition=plan, user=editor)
    plan.refresh_from_db()
    assert plan.published_at == original
    assert plan.status_changes.count() == 2


def test_publishing_refuses_an_edition_that_is_published(plan):
    with pytest.raises(Exception, match="เผยแพร่อยู่แล้ว"):
        edition_publish(edition=plan)
