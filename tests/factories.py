"""The plans that tests and benchmarks build, in one place.

``build_plan`` builds the Tai Mueang plan. The text of chapters ๑-๒, the table of
contents, the DLA and local development frameworks and the local indicators are
copied from the source document (/work/shared/seed/000_a1e98dc7ddb37713.txt). The
source stops at ๒.๓.๖, so the IT plan's strategies, the projects and budgets and
the committee of chapter ๖ are made up here and flagged ``is_sample``, as the
developers' guide requires. ``scale`` multiplies the IT strategies and the
projects (for query-count tests and larger PDFs); ``small`` stops after chapter ๒
(a plan that renders in well under a second, and that publishing refuses).

``build_known_plan`` turns an edition into a small published plan whose budgets
the monitoring tests count on; ``make_round`` and ``record`` add a round and its
progress records.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from monitoring.models import (
    Committee,
    CommitteeMember,
    EvaluationMethod,
    EvaluationRound,
    ProjectProgress,
    ScheduleRound,
)
from plans.models import Block, Edition, Organization, Section
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib.thai import to_thai_digits

ORG_NAME = "องค์การบริหารส่วนตำบลท้ายเหมือง"
ORG_SHORT_NAME = "อบต.ท้ายเหมือง"
PLAN_TITLE = "แผนแม่บทเทคโนโลยีสารสนเทศ"
FOREWORD = (
    "ด้วยปัจจุบันการสื่อสารไร้พรมแดนเกิดขึ้นทั่วภูมิภาค สืบเนื่องจากการเติบโตของเทคโนโลยีสารสนเทศ "
    "ทำให้เกิดการขยายตัวของเศรษฐกิจ และชุมชนอย่างรวดเร็ว"
)
OBJECTIVE_1 = (
    "เพื่อให้องค์การบริหารส่วนตำบลท้ายเหมือง มีกรอบและทิศทางที่ชัดเจน โดยกำหนดวิสัยทัศน์ภารกิจ "
    "และวัตถุประสงค์ขององค์การบริหารส่วนตำบลท้ายเหมือง ในด้านการพัฒนาระบบเทคโนโลยีสารสนเทศ"
)
GOV40_POINTS = [
    ("(๑)", "เปิดกว้างและเชื่อมโยงกัน (Open & Connected Government)"),
    ("(๒)", "ยึดประชาชนเป็นศูนย์กลาง (Citizen - Centric Government)"),
    ("(๓)", "มีขีดสมรรถนะสูงและทันสมัย (Smart & High Performance Government)"),
]
DLA_VISION = "มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง โปร่งใส ก้าวสู่ประเทศไทย ๔.๐ อย่างมั่นคง\nตามแนวทางปรัชญาเศรษฐกิจพอเพียง"
DLA_VALUES = "มีอาชีพ คิดสร้างสรรค์ ยึดมั่นธรรมาภิบาล"
DLA_MISSION_5 = (
    "พัฒนาองค์กรให้มีสมรรถนะสูง ทันสมัย เป็นองค์กรคุณธรรม องค์กรแห่งการเรียนรู้ และองค์กรแห่งความสุข "
    "ด้วยคุณภาพการบริหารจัดการในระดับสากลและวัฒนธรรมที่เข้มแข็งอย่างยั่งยืน"
)
# The source lists ยุทธศาสตร์ที่ ๓ twice; so does this plan.
DLA_STRATEGIES = [
    (1, "การเสริมสร้างการปกครองท้องถิ่นให้เข้มแข็งด้วยระบอบการปกครองแบบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุขและหลักปรัชญาของเศรษฐกิจพอเพียง"),
    (2, "การส่งเสริมและพัฒนาท้องถิ่นให้ร่วมขับเคลื่อนการพัฒนาประเทศไทย ๔.๐ สู่ประเทศที่พัฒนาแล้วจากฐานของท้องถิ่น"),
    (3, "การพัฒนาการบริหารจัดการภาครัฐและธรรมาภิบาลในการปกครองท้องถิ่นของ ประเทศไทยให้มีประสิทธิภาพ ประสิทธิผล"),
    (3, "การพัฒนาการบริหารจัดการภาครัฐและธรรมาภิบาลในการปกครองท้องถิ่นของ ประเทศไทยให้มีประสิทธิภาพ ประสิทธิผล"),
    (4, "การส่งเสริมและพัฒนาบริการสาธารณะของท้องถิ่นที่มีคุณภาพ เพื่อคุณภาพชีวิตของประชาชน"),
    (5, "การบริหารและพัฒนาทรัพยากรบุคคลของกรมส่งเสริมการปกครองท้องถิ่น และองค์กรปกครองส่วนท้องถิ่น เพื่อรองรับภารกิจและทิศทางการพัฒนาของประเทศ"),
    (6, "การพัฒนาองค์กรด้วยฐานคุณธรรม ความรู้ และสมรรถนะสูง เป็นองค์กรระดับสากลที่สังคมยอมรับ"),
]
DLA_TACTIC_6_6 = "ยกระดับกรมส่งเสริมการปกครองท้องถิ่นสู่องค์กรดิจิทัลทั่วทั้งองค์กร"
LOCAL_VISION = "ก้าวไกลทางการศึกษา ชาวประชาร่วมรักถิ่น ชีวิตรมคุณภาพทั้งแผ่นดิน"
LOCAL_STRATEGIES = [
    (1, "การพัฒนาสู่สังคมแห่งการเรียนรู้ตลอดชีวิตอย่างยั่งยืน"),
    (7, "พัฒนาระบบการบริหารจัดการให้เป็นองค์กรที่ปฏิบัติงานโดยยึดหลักธรรมาภิบาล"),
]
# The source's table ๒.๓.๔ (it starts at ๑๒)): number, name, yearly texts 2561-2565, total.
# A total that is the last year's value (a percentage) is "last"; the others add up.
LOCAL_INDICATORS = [
    ("๑๒)", "สร้างตลาดกลางและสถานที่จำหน่ายสินค้าและผลิตภัณฑ์ของกลุ่มอาชีพต่าง ๆ", ["-", "๑ แห่ง", "-", "๑ แห่ง", "๑ แห่ง"], "๓ แห่ง"),
    ("๑๓)", "จัดกิจกรรมให้ความรู้และถ่ายทอดเทคโนโลยี รวมทั้งฝึกอาชีพ", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๑๔)", "จัดกิจกรรมเพื่อส่งเสริมการท่องเที่ยว", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๑๕)", "แหล่งท่องเที่ยวและสถานที่พักผ่อนหย่อนใจที่ได้รับการก่อสร้าง พัฒนาปรับปรุง", ["๑ แห่ง"] * 5, "๕ แห่ง"),
    ("๑๖)", "จัดกิจกรรมในการคัดแยกขยะต้นทาง", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๑๗)", "หมู่บ้านสะอาดปลอดภัย", ["๒ หมู่"] * 5, "๘ หมู่"),
    ("๑๘)", "จัดกิจกรรมในการส่งเสริมปรัชญาเศรษฐกิจพอเพียง", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๑๙)", "สร้างแหล่งเรียนรู้และส่งเสริมปรัชญาเศรษฐกิจพอเพียง", ["๑ แห่ง"] * 5, "๕ แห่ง"),
    ("๒๐)", "จัดกิจกรรมประเพณีและวัฒนธรรม", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๒๑)", "จัดกิจกรรมวันสำคัญทางศาสนา", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๒๒)", "จัดกิจกรรมการอนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๒๓)", "จำนวนพื้นที่ป่าไม้ที่ได้รับการปลูกทดแทน", ["๒ ไร่"] * 5, "๘ ไร่"),
    ("๒๔)", "จัดกิจกรรมในการส่งเสริมการมีส่วนร่วมของประชาชน", ["๑ ครั้ง"] * 5, "๕ ครั้ง"),
    ("๒๕)", "บุคลากรที่ได้รับการพัฒนาประสิทธิภาพการปฏิบัติราชการ", ["๑๐๐ %"] * 5, "๑๐๐ %"),
    ("๒๖)", "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อการบริการ", ["๘๐ %", "๘๒ %", "๘๔ %", "๘๖ %", "๘๘ %"], "๘๘ %"),
]
POSITIONING = "มีดิน น้ำ และสภาพอากาศรวมทั้งสภาวะแวดล้อมที่เหมาะสมแก่การทำเกษตร"
UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม"]
# Sample projects (the source has no chapter ๕ text).
SAMPLE_PROJECTS = [
    ("จัดหาเครื่องคอมพิวเตอร์สำหรับงานบริการประชาชน", [Decimal(48000), Decimal(0), Decimal(52000)]),
    ("พัฒนาเว็บไซต์และระบบข่าวสารของ อบต.", [Decimal(25000), Decimal(30000), Decimal(30000)]),
    ("อบรมการใช้เทคโนโลยีสารสนเทศแก่บุคลากร", [Decimal(15000), Decimal(15000), Decimal(15000)]),
    ("ติดตั้งเครือข่ายอินเทอร์เน็ตไร้สายในศูนย์พัฒนาเด็กเล็ก", [Decimal(0), Decimal(120000), Decimal(0)]),
]
# The source's table of contents: (number, title, printed pages, [(number, title, pages)]).
TOC = [
    ("บทที่ ๑", "วัตถุประสงค์การจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "๑-๒", []),
    ("บทที่ ๒", "กรอบแนวคิดการจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "", [
        ("๒.๑", "ระบบราชการ ๔.๐", "๓-๔"),
        ("๒.๒", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น", "๕-๑๐"),
        ("๒.๓", "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) องค์การบริหารส่วนตำบลท้ายเหมือง", "๑๐-๑๔"),
    ]),
    ("บทที่ ๓", "การวิเคราะห์สภาพแวดล้อมขององค์กร", "", [
        ("๓.๑", "ด้านกายภาพ", "๑๕-๑๖"), ("๓.๒", "ด้านการเมือง", "๑๖-๑๗"), ("๓.๓", "ประชากร", "๑๗"),
        ("๓.๔", "สภาพทางสังคม", "๑๘-๑๙"), ("๓.๕", "ระบบบริการพื้นฐาน", "๑๙-๒๐"), ("๓.๖", "ระบบเศรษฐกิจ", "๒๑-๒๑"),
        ("๓.๗", "ศาสนา ประเพณี วัฒนธรรม", "๒๑-๒๒"), ("๓.๘", "ทรัพยากรธรรมชาติ", "๒๒-๒๓"),
        ("๓.๙", "เศรษฐกิจพอเพียงท้องถิ่น", "๒๓-๒๔"), ("๓.๑๐", "การวิเคราะห์สภาพแวดล้อมองค์กร", "๒๔-๓๐"),
    ]),
    ("บทที่ ๔", "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "", [
        ("๔.๑", "วิสัยทัศน์ (Vision)", "๓๑"), ("๔.๒", "พันธกิจ (Mission)", "๓๑"),
        ("๔.๓", "ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์", "๓๒-๓๔"),
    ]),
    ("บทที่ ๕", "บัญชีโครงการพัฒนา", "", [
        ("๕.๑", "บัญชีสรุปโครงการพัฒนา", "๓๕"), ("๕.๒", "รายละเอียดโครงการพัฒนา", "๓๖-๕๑"),
        ("๕.๓", "แผนกลยุทธ์ระบบเทคโนโลยีสารสนเทศ", "๕๒"),
    ]),
    ("บทที่ ๖", "การติดตามและประเมินผล", "", [
        ("๖.๑", "คณะกรรมการติดตามและประเมินผลฯ", "๕๓"), ("๖.๒", "วิธีการติดตามและประเมินผลฯ", "๕๔"),
        ("๖.๓", "หัวระยะเวลาในการติดตามและประเมินผลฯ", "๕๔"),
    ]),
]
MONITORING_TEXT = "รายงานผลต่อผู้บริหารและประกาศให้ประชาชนทราบ"


ORG_SLUG = "taimueang"


def tai_mueang(**fields) -> Organization:
    """The Tai Mueang organization at /taimueang/ (made once: later plans are its too), the one
    the tests' editor and committee belong to. The one at that address, else (for the default
    address) one of that name, as an import finds it, else a new one; ``fields`` fill in what is
    still blank (a fixture that made it first did not care where it is)."""
    slug = fields.pop("slug", ORG_SLUG)
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None and slug == ORG_SLUG:
        organization = Organization.objects.filter(name=ORG_NAME).first()
    if organization is None:
        return Organization.objects.create(**{"name": ORG_NAME, "short_name": ORG_SHORT_NAME, "slug": slug, **fields})
    missing = {name: value for name, value in fields.items() if not getattr(organization, name)}
    if missing:
        Organization.objects.filter(pk=organization.pk).update(**missing)
        organization.refresh_from_db()
    return organization


def build_plan(
    *, organization=None, start_year=2563, end_year=2565, status=Edition.Status.PUBLISHED, scale=1, small=False
) -> Edition:
    """The Tai Mueang plan: document, frameworks, indicators, and unless ``small`` the IT plan, projects and chapter ๖."""
    organization = organization or tai_mueang(subdistrict="ท้ายเหมือง", district="ท้ายเหมือง", province="พังงา")
    edition = Edition.objects.create(
        organization=organization,
        title=PLAN_TITLE,
        start_year=start_year,
        end_year=end_year,
        status=status,
        foreword_signatory=f"คณะทำงานระบบเทคโนโลยีสารสนเทศ\n{ORG_NAME}",
    )
    order = iter(range(1, 10_000))
    foreword = Section.objects.create(edition=edition, title="คำนำ", order=next(order), in_toc=False)
    Block.objects.create(section=foreword, order=1, text=FOREWORD)
    sections = {}
    for number, title, pages, children in TOC[:2] if small else TOC:
        chapter = Section.objects.create(edition=edition, number=number, title=title, toc_pages=pages, order=next(order))
        sections[number] = chapter
        for child_number, child_title, child_pages in children:
            sections[child_number] = Section.objects.create(
                edition=edition, parent=chapter, level=Section.Level.SECTION, number=child_number,
                title=child_title, toc_pages=child_pages, order=next(order),
            )
    Block.objects.create(section=sections["บทที่ ๑"], order=1, kind=Block.Kind.LIST_ITEM, marker="๑.", text=OBJECTIVE_1)

    gov40 = Framework.objects.create(edition=edition, kind=Framework.Kind.GOV40, name="ระบบราชการ ๔.๐", slug="gov40", order=1)
    for n, (marker, text) in enumerate(GOV40_POINTS, start=1):
        FrameworkPoint.objects.create(framework=gov40, kind=FrameworkPoint.Kind.PRINCIPLE, number=marker, text=text, order=n)
    _embeds(sections["๒.๑"], gov40, [Block.Embed.PRINCIPLES])

    dla = Framework.objects.create(
        edition=edition, kind=Framework.Kind.DLA, name="แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น พ.ศ. ๒๕๖๐ - ๒๕๖๙",
        short_name="แผนยุทธศาสตร์ สถ.", slug="dla", start_year=2560, end_year=2569, vision=DLA_VISION,
        values=DLA_VALUES, order=2,
    )
    FrameworkPoint.objects.create(framework=dla, kind=FrameworkPoint.Kind.MISSION, number="(๕)", text=DLA_MISSION_5, order=5)
    dla_strategies = [
        Strategy.objects.create(framework=dla, number=n, title=t, order=i) for i, (n, t) in enumerate(DLA_STRATEGIES)
    ]
    Tactic.objects.create(framework=dla, strategy=dla_strategies[-1], number="(๖)", text=DLA_TACTIC_6_6, order=6)
    _embeds(sections["๒.๒"], dla, [Block.Embed.VISION, Block.Embed.MISSIONS, Block.Embed.VALUES, Block.Embed.STRATEGY_DETAILS])

    local = Framework.objects.create(
        edition=edition, kind=Framework.Kind.LOCAL_DEV, name="แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) องค์การบริหารส่วนตำบลท้ายเหมือง",
        short_name="แผนพัฒนาท้องถิ่น", slug="local", start_year=2561, end_year=2565, vision=LOCAL_VISION, order=3,
    )
    FrameworkPoint.objects.create(framework=local, kind=FrameworkPoint.Kind.POSITIONING, number="๒.๒", text=POSITIONING, order=2)
    local_strategies = [
        Strategy.objects.create(framework=local, number=n, title=t, order=i) for i, (n, t) in enumerate(LOCAL_STRATEGIES)
    ]
    for i, (number, name, texts, total_text) in enumerate(LOCAL_INDICATORS):
        unit = total_text.split()[-1]
        indicator = Indicator.objects.create(
            framework=local, strategy=local_strategies[-1], number=number, name=name, unit=unit,
            total_text=total_text, total_value=_value(total_text), total_rule="last" if unit == "%" else "sum", order=i,
        )
        for year, text in zip(range(2561, 2566), texts, strict=True):
            IndicatorTarget.objects.create(indicator=indicator, year=year, text=text, value=_value(text))
    _embeds(sections["๒.๓"], local, [Block.Embed.VISION, Block.Embed.STRATEGY_LIST, Block.Embed.INDICATORS, Block.Embed.POSITIONING])
    if small:
        return edition

    it_plan = Framework.objects.create(
        edition=edition, kind=Framework.Kind.IT_PLAN, name="แผนแม่บทเทคโนโลยีสารสนเทศ พ.ศ. ๒๕๖๓ - ๒๕๖๕",
        short_name="แผนแม่บทไอที", slug="it", start_year=start_year, end_year=end_year,
        vision="ตัวอย่างวิสัยทัศน์: บริการประชาชนด้วยเทคโนโลยีสารสนเทศที่ทันสมัยและทั่วถึง", order=4,
        is_sample=True,
    )
    FrameworkPoint.objects.create(framework=it_plan, kind=FrameworkPoint.Kind.MISSION, number="๑.", text="ตัวอย่างพันธกิจ: พัฒนาระบบบริการอิเล็กทรอนิกส์", order=1)
    it_strategies = []
    for n in range(1, 3 * scale + 1):
        strategy = Strategy.objects.create(framework=it_plan, number=n, title=f"ตัวอย่างยุทธศาสตร์ด้านไอทีที่ {_thai(n)}", order=n)
        strategy.aligns_with.add(dla_strategies[-1], local_strategies[-1])
        goal = Goal.objects.create(strategy=strategy, number="(๑)", text=f"ตัวอย่างเป้าประสงค์ของยุทธศาสตร์ที่ {_thai(n)}", order=1)
        strategy.first_tactic = Tactic.objects.create(framework=it_plan, strategy=strategy, goal=goal, number="(๑)", text=f"ตัวอย่างกลยุทธ์ของยุทธศาสตร์ที่ {_thai(n)}", order=n)
        indicator = Indicator.objects.create(framework=it_plan, strategy=strategy, number=f"{_thai(n)})", name=f"ตัวอย่างตัวชี้วัดที่ {_thai(n)} ระบบที่เปิดให้บริการ", unit="ระบบ", total_text="๓ ระบบ", total_value=Decimal(3), order=n)
        for year in range(start_year, end_year + 1):
            IndicatorTarget.objects.create(indicator=indicator, year=year, text="๑ ระบบ", value=Decimal(1))
        it_strategies.append(strategy)
    _embeds(sections["๔.๑"], it_plan, [Block.Embed.VISION], sample=True)
    _embeds(sections["๔.๒"], it_plan, [Block.Embed.MISSIONS], sample=True)
    _embeds(sections["๔.๓"], it_plan, [Block.Embed.STRATEGY_DETAILS, Block.Embed.INDICATORS], sample=True)
    _embeds(sections["๕.๑"], None, [Block.Embed.PROJECT_SUMMARY], sample=True)
    _embeds(sections["๕.๒"], None, [Block.Embed.PROJECT_DETAILS], sample=True)

    units = [Unit.objects.get_or_create(organization=organization, name=name, defaults={"order": i})[0] for i, name in enumerate(UNITS)]
    statuses = list(Project.Status)
    number = 0
    for round_ in range(scale):
        for i, (name, amounts) in enumerate(SAMPLE_PROJECTS):
            number += 1
            project = Project.objects.create(
                edition=edition, number=number, name=name if round_ == 0 else f"{name} (ชุดที่ {_thai(round_ + 1)})",
                strategy=it_strategies[(number - 1) % len(it_strategies)],
                tactic=it_strategies[(number - 1) % len(it_strategies)].first_tactic, unit=units[i % len(units)],
                status=statuses[i % len(statuses)], rationale="ตัวอย่างหลักการและเหตุผลของโครงการ",
                objectives="ตัวอย่างวัตถุประสงค์", duration="ตุลาคม - กันยายน", is_sample=True,
            )
            for year, amount in zip(range(start_year, end_year + 1), amounts, strict=False):
                if amount:
                    ProjectBudget.objects.create(project=project, fiscal_year=year, amount=amount)

    _chapter_6(edition, sections)
    return edition


def _embeds(section, framework, embeds, *, sample=False):
    for n, embed in enumerate(embeds, start=1):
        Block.objects.create(
            section=section, order=n, kind=Block.Kind.EMBED, embed=embed,
            framework_slug=framework.slug if framework else "", is_sample=sample,
        )


def _chapter_6(edition, sections):
    """A sample committee, evaluation methods and reporting schedule (chapter ๖ is only headings in the source)."""
    committee = Committee.objects.create(
        edition=edition, appointed_by="คำสั่ง อบต.ท้ายเหมือง ที่ ๑๒๓/๒๕๖๓", appointed_on=dt.date(2020, 1, 15),
        term_start=dt.date(2019, 10, 1), term_end=dt.date(2022, 9, 30), is_sample=True,
    )
    roles = [CommitteeMember.Role.CHAIR] + [CommitteeMember.Role.MEMBER] * 7 + [CommitteeMember.Role.SECRETARY]
    for i, role in enumerate(roles, 1):
        CommitteeMember.objects.create(
            committee=committee, name=f"นายสมชาย ใจดี{_thai(i)}", position="ปลัดองค์การบริหารส่วนตำบล", role=role, order=i
        )
    for i, title in enumerate(["การประเมินผลเชิงปริมาณ", "การประเมินผลเชิงคุณภาพ", "การสำรวจความพึงพอใจ"], 1):
        EvaluationMethod.objects.create(edition=edition, number=f"{_thai(i)}.", title=title, text=MONITORING_TEXT, order=i, is_sample=True)
    for i, (name, period, covers, month) in enumerate(
        [("รอบ ๖ เดือน", "ตุลาคม - มีนาคม", 6, 4), ("รอบ ๑๒ เดือน", "ตุลาคม - กันยายน", 12, 10)], 1
    ):
        ScheduleRound.objects.create(
            edition=edition, number=f"{_thai(i)}.", name=name, period_text=period, covers_months=covers,
            report_month=month, description=MONITORING_TEXT, order=i, is_sample=True,
        )
    _embeds(sections["๖.๑"], None, [Block.Embed.COMMITTEE], sample=True)
    _embeds(sections["๖.๒"], None, [Block.Embed.METHODS], sample=True)
    _embeds(sections["๖.๓"], None, [Block.Embed.SCHEDULE], sample=True)


def _value(text: str) -> Decimal | None:
    """The number a target text such as "๘๐ %" starts with; None for "-"."""
    first = text.split()[0].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    return Decimal(first) if first.isdigit() else None


def _thai(value) -> str:
    return to_thai_digits(str(value))


# -- A small plan with known figures, and the committee's rounds --------------------------

# Strategy 1: projects 1 (100,000 baht in 2564) and 2 (300,000).
# Strategy 2: project 3 (a 2564 line of 0 baht) and project 4 (no 2564 line; 50,000 in 2565).
# No strategy: project 5 (50,000 in 2564).
KNOWN_BUDGETS = {1: {2564: 100_000}, 2: {2564: 300_000}, 3: {2564: 0}, 4: {2565: 50_000}, 5: {2564: 50_000}}


def build_known_plan(edition) -> dict:
    """Publish the edition with the IT plan's two strategies, five projects (KNOWN_BUDGETS), an indicator and a committee."""
    edition.status = Edition.Status.PUBLISHED
    edition.save()
    framework = Framework.objects.create(
        edition=edition, kind=Framework.Kind.IT_PLAN, name="แผนแม่บทไอที", slug="it", start_year=2563, end_year=2565
    )
    s1 = Strategy.objects.create(framework=framework, number=1, title="พัฒนาโครงสร้างพื้นฐาน", order=10)
    s2 = Strategy.objects.create(framework=framework, number=2, title="พัฒนาบริการประชาชน", order=20)
    strategy_of = {1: s1, 2: s1, 3: s2, 4: s2, 5: None}
    projects = {}
    for number, budgets in KNOWN_BUDGETS.items():
        project = Project.objects.create(
            edition=edition, number=number, name=f"โครงการทดสอบ {number}", strategy=strategy_of[number],
            targets="เป้าหมายแรก\nเป้าหมายที่สอง",
        )
        for year, amount in budgets.items():
            ProjectBudget.objects.create(project=project, fiscal_year=year, amount=Decimal(amount))
        projects[number] = project
    indicator = Indicator.objects.create(framework=framework, strategy=s1, name="จำนวนระบบที่พัฒนา", unit="ระบบ", order=10)
    IndicatorTarget.objects.create(indicator=indicator, year=2564, text="๒ ระบบ", value=Decimal(2))
    committee = Committee.objects.create(edition=edition, term_start=dt.date(2020, 1, 1))
    CommitteeMember.objects.create(committee=committee, name="นายประธาน ใจดี", position="นายก อบต.", role="chair", order=1)
    CommitteeMember.objects.create(committee=committee, name="นางกรรมการ ขยัน", position="ปลัด อบต.", order=2)
    CommitteeMember.objects.create(
        committee=committee, name="นายเลขา รอบคอบ", position="นักวิชาการคอมพิวเตอร์", role="secretary", order=3
    )
    return {
        "edition": edition,
        "framework": framework,
        "strategies": [s1, s2],
        "projects": projects,
        "indicator": indicator,
        "committee": committee,
    }


def make_round(
    edition, *, name="รอบ ๖ เดือน", year=2564, months=6, report=dt.date(2021, 4, 30), published=None, is_sample=False
) -> EvaluationRound:
    start = dt.date(2020, 10, 1) if year == 2564 else dt.date(2021, 10, 1)
    end = dt.date(start.year + 1, 3, 31) if months == 6 else dt.date(start.year + 1, 9, 30)
    return EvaluationRound.objects.create(
        edition=edition,
        name=name,
        fiscal_year=year,
        period_start=start,
        period_end=end,
        report_date=report,
        published_at=timezone.make_aware(dt.datetime.combine(published, dt.time(9))) if published else None,
        is_sample=is_sample,
    )


def record(round, project, status="in_progress", percent=50, spent=0, **extra) -> ProjectProgress:
    return ProjectProgress.objects.create(
        round=round, project=project, status=status, percent_done=percent, budget_spent=Decimal(spent), **extra
    )
