"""A Tai Mueang plan built in code, for page tests and the benchmark.

Text in chapters ๑-๒, the DLA and local development frameworks is copied from
the source document (/work/shared/seed/000_a1e98dc7ddb37713.txt). The source
stops at ๒.๓.๖, so the IT plan's own strategies, its projects and budgets are
made up here and flagged ``is_sample`` as the developers' guide requires.
``scale`` multiplies the IT strategies and the projects, for query-count tests.
"""

from decimal import Decimal

from plans.models import Block, Edition, Organization, Section
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic

ORG_NAME = "องค์การบริหารส่วนตำบลท้ายเหมือง"
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
# (number as printed, name, unit, yearly texts 2561-2565, total text, total value, rule)
LOCAL_INDICATORS = [
    ("๑๗)", "หมู่บ้านสะอาดปลอดภัย", "หมู่", ["๒ หมู่"] * 5, "๘ หมู่", Decimal(8), "sum"),
    ("๒๖)", "ร้อยละของผู้รับบริการที่มีความพึงพอใจต่อการบริการ", "%", ["๘๐ %", "๘๒ %", "๘๔ %", "๘๖ %", "๘๘ %"], "๘๘ %", Decimal(88), "last"),
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
TOC = [
    ("บทที่ ๑", "วัตถุประสงค์การจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "๑-๒", []),
    ("บทที่ ๒", "กรอบแนวคิดการจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "", [
        ("๒.๑", "ระบบราชการ ๔.๐", "๓-๔"),
        ("๒.๒", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น", "๕-๑๐"),
        ("๒.๓", "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) องค์การบริหารส่วนตำบลท้ายเหมือง", "๑๐-๑๔"),
    ]),
    ("บทที่ ๓", "การวิเคราะห์สภาพแวดล้อมขององค์กร", "", [("๓.๑", "ด้านกายภาพ", "๑๕-๑๖"), ("๓.๒", "ด้านการเมือง", "๑๖-๑๗")]),
    ("บทที่ ๔", "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", "", [
        ("๔.๑", "วิสัยทัศน์ (Vision)", "๓๑"), ("๔.๒", "พันธกิจ (Mission)", "๓๑"),
        ("๔.๓", "ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์", "๓๒-๓๔"),
    ]),
    ("บทที่ ๕", "บัญชีโครงการพัฒนา", "", [("๕.๑", "บัญชีสรุปโครงการพัฒนา", "๓๕"), ("๕.๒", "รายละเอียดโครงการพัฒนา", "๓๖-๕๑")]),
    ("บทที่ ๖", "การติดตามและประเมินผล", "", [("๖.๑", "คณะกรรมการติดตามและประเมินผลฯ", "๕๓")]),
]


def build_plan(*, organization=None, start_year=2563, end_year=2565, status=Edition.Status.PUBLISHED, scale=1):
    """Create an edition with document, frameworks, indicators, units, projects and budgets."""
    organization = organization or Organization.objects.create(
        name=ORG_NAME, short_name="อบต.ท้ายเหมือง", district="ไม่ระบุ", province="ไม่ระบุ"
    )
    edition = Edition.objects.create(
        organization=organization,
        title=PLAN_TITLE,
        start_year=start_year,
        end_year=end_year,
        status=status,
        foreword_signatory="คณะทำงานระบบเทคโนโลยีสารสนเทศ\nองค์การบริหารส่วนตำบลท้ายเหมือง",
    )
    order = iter(range(1, 10_000))
    foreword = Section.objects.create(edition=edition, title="คำนำ", order=next(order), in_toc=False)
    Block.objects.create(section=foreword, order=1, text=FOREWORD)
    sections = {}
    for number, title, pages, children in TOC:
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
    Block.objects.create(section=sections["๒.๑"], order=1, kind=Block.Kind.EMBED, embed=Block.Embed.PRINCIPLES, framework_slug=gov40.slug)

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
    for n, embed in enumerate([Block.Embed.VISION, Block.Embed.MISSIONS, Block.Embed.VALUES, Block.Embed.STRATEGY_DETAILS], start=1):
        Block.objects.create(section=sections["๒.๒"], order=n, kind=Block.Kind.EMBED, embed=embed, framework_slug=dla.slug)

    local = Framework.objects.create(
        edition=edition, kind=Framework.Kind.LOCAL_DEV, name="แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) องค์การบริหารส่วนตำบลท้ายเหมือง",
        short_name="แผนพัฒนาท้องถิ่น", slug="local", start_year=2561, end_year=2565, vision=LOCAL_VISION, order=3,
    )
    FrameworkPoint.objects.create(framework=local, kind=FrameworkPoint.Kind.POSITIONING, number="๒.๒", text=POSITIONING, order=2)
    local_strategies = [Strategy.objects.create(framework=local, number=n, title=t, order=i) for i, (n, t) in enumerate(LOCAL_STRATEGIES)]
    for i, (number, name, unit, texts, total_text, total_value, rule) in enumerate(LOCAL_INDICATORS):
        indicator = Indicator.objects.create(
            framework=local, strategy=local_strategies[-1], number=number, name=name, unit=unit,
            total_text=total_text, total_value=total_value, total_rule=rule, order=i,
        )
        for year, text in zip(range(2561, 2566), texts, strict=True):
            IndicatorTarget.objects.create(indicator=indicator, year=year, text=text, value=Decimal(_arabic(text.split()[0])))
    for n, embed in enumerate([Block.Embed.VISION, Block.Embed.STRATEGY_LIST, Block.Embed.INDICATORS, Block.Embed.POSITIONING], start=1):
        Block.objects.create(section=sections["๒.๓"], order=n, kind=Block.Kind.EMBED, embed=embed, framework_slug=local.slug)

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
    Block.objects.create(section=sections["๔.๑"], order=1, kind=Block.Kind.EMBED, embed=Block.Embed.VISION, framework_slug=it_plan.slug, is_sample=True)
    Block.objects.create(section=sections["๔.๓"], order=1, kind=Block.Kind.EMBED, embed=Block.Embed.STRATEGY_DETAILS, framework_slug=it_plan.slug, is_sample=True)
    Block.objects.create(section=sections["๕.๑"], order=1, kind=Block.Kind.EMBED, embed=Block.Embed.PROJECT_SUMMARY, is_sample=True)

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
    return edition


def _arabic(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def _thai(value) -> str:
    return str(value).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
