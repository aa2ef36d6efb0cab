"""A Tai Mueang-shaped plan for the PDF tests and benchmark.

Chapters ๑-๒ carry text in the shape of the source document; chapters ๓-๖
exist only as headings in the source, so their data here is marked sample,
the way ``load_demo`` marks it. ``build_plan`` is used until the importer's
demo data is available, and stays useful for small, fast plans in tests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from monitoring.models import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from plans.models import Block, Edition, Organization, Section, SwotItem
from projects.models import Project, ProjectBudget, Unit
from strategies.models import Framework, FrameworkPoint, Goal, Indicator, IndicatorTarget, Strategy, Tactic
from thaimuang_plan.lib.thai import to_thai_digits

ORG_NAME = "องค์การบริหารส่วนตำบลท้ายเหมือง"
PLAN_TITLE = "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan)"

# Words with SARA AM and stacked marks are common in the real plan; keep them here too.
PARAGRAPH = (
    "องค์การบริหารส่วนตำบลท้ายเหมือง เป็นองค์กรปกครองส่วนท้องถิ่นที่ใกล้ชิดกับประชาชนมากที่สุด "
    "จึงเป็นกลไกสำคัญที่จะขับเคลื่อนระบบราชการ ๔.๐ รวมไปถึงการนำเทคโนโลยีสารสนเทศมาใช้สนับสนุน"
    "การจัดบริการสาธารณะที่สนองต่อความต้องการของประชาชนในพื้นที่ได้อย่างมีประสิทธิภาพและมีประสิทธิผล "
    "ด้วยเหตุข้างต้น จึงจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕ ขึ้น"
)
SHORT = "ส่งเสริม สนับสนุน และพัฒนาการให้บริการประชาชนด้วยระบบเทคโนโลยีสารสนเทศที่ทันสมัย"

CHAPTERS = [
    ("บทที่ ๑", "วัตถุประสงค์การจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕", []),
    (
        "บทที่ ๒",
        "กรอบแนวคิดการจัดทำแผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕",
        [
            ("๒.๑", "ระบบราชการ ๔.๐"),
            ("๒.๒", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น"),
            ("๒.๓", "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) องค์การบริหารส่วนตำบลท้ายเหมือง"),
        ],
    ),
    (
        "บทที่ ๓",
        "การวิเคราะห์สภาพแวดล้อมขององค์กร",
        [
            ("๓.๑", "ด้านกายภาพ"),
            ("๓.๒", "ด้านการเมือง"),
            ("๓.๓", "ประชากร"),
            ("๓.๔", "สภาพทางสังคม"),
            ("๓.๕", "ระบบบริการพื้นฐาน"),
            ("๓.๖", "ระบบเศรษฐกิจ"),
            ("๓.๗", "ศาสนา ประเพณี วัฒนธรรม"),
            ("๓.๘", "ทรัพยากรธรรมชาติ"),
            ("๓.๙", "เศรษฐกิจพอเพียงท้องถิ่น"),
            ("๓.๑๐", "การวิเคราะห์สภาพแวดล้อมองค์กร"),
        ],
    ),
    (
        "บทที่ ๔",
        "แผนแม่บทระบบเทคโนโลยีสารสนเทศ (IT Master Plan) พ.ศ. ๒๕๖๓ - ๒๕๖๕",
        [("๔.๑", "วิสัยทัศน์ (Vision)"), ("๔.๒", "พันธกิจ (Mission)"), ("๔.๓", "ยุทธศาสตร์ เป้าประสงค์ และกลยุทธ์")],
    ),
    (
        "บทที่ ๕",
        "บัญชีโครงการพัฒนา",
        [
            ("๕.๑", "บัญชีสรุปโครงการพัฒนา"),
            ("๕.๒", "รายละเอียดโครงการพัฒนา"),
            ("๕.๓", "แผนกลยุทธ์ระบบเทคโนโลยีสารสนเทศ"),
        ],
    ),
    (
        "บทที่ ๖",
        "การติดตามและประเมินผล",
        [
            ("๖.๑", "คณะกรรมการติดตามและประเมินผลฯ"),
            ("๖.๒", "วิธีการติดตามและประเมินผลฯ"),
            ("๖.๓", "หัวระยะเวลาในการติดตามและประเมินผลฯ"),
        ],
    ),
]

DLA_STRATEGIES = [
    "การเสริมสร้างการปกครองท้องถิ่นให้เข้มแข็งด้วยระบอบการปกครองแบบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข",
    "การส่งเสริมและพัฒนาท้องถิ่นให้ร่วมขับเคลื่อนการพัฒนาประเทศไทย ๔.๐ สู่ประเทศที่พัฒนาแล้ว",
    "การพัฒนาการบริหารจัดการภาครัฐและธรรมาภิบาลในการปกครองท้องถิ่นของประเทศไทยให้มีประสิทธิภาพ",
    "การส่งเสริมและพัฒนาบริการสาธารณะของท้องถิ่นที่มีคุณภาพ เพื่อคุณภาพชีวิตของประชาชน",
    "การบริหารและพัฒนาทรัพยากรบุคคลของกรมส่งเสริมการปกครองท้องถิ่น และองค์กรปกครองส่วนท้องถิ่น",
    "การพัฒนาองค์กรด้วยฐานคุณธรรม ความรู้ และสมรรถนะสูง เป็นองค์กรระดับสากลที่สังคมยอมรับ",
]
LOCAL_STRATEGIES = [
    "การพัฒนาสู่สังคมแห่งการเรียนรู้ตลอดชีวิตอย่างยั่งยืน",
    "ส่งเสริมการท่องเที่ยวเชิงนิเวศน์ และสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม",
    "การยกระดับรายได้และสร้างโอกาสในการประกอบอาชีพ",
    "การพัฒนาระบบโครงสร้างพื้นฐาน และสาธารณูปโภคให้ได้มาตรฐาน",
    "การพัฒนาสังคมปลอดภัย คุณภาพชีวิตที่ดี และมีศักยภาพในการแข่งขัน",
    "การส่งเสริมการมีส่วนร่วมของประชาชนในการพัฒนาท้องถิ่น",
    "พัฒนาระบบการบริหารจัดการให้เป็นองค์กรที่ปฏิบัติงานโดยยึดระเบียบ กฎหมาย",
]
IT_STRATEGIES = [
    "พัฒนาโครงสร้างพื้นฐานด้านเทคโนโลยีสารสนเทศและการสื่อสาร",
    "พัฒนาระบบสารสนเทศเพื่อการบริหารจัดการและการให้บริการประชาชน",
    "พัฒนาบุคลากรให้มีความรู้ความสามารถด้านเทคโนโลยีสารสนเทศ",
    "ส่งเสริมความมั่นคงปลอดภัยของระบบสารสนเทศและการเปิดเผยข้อมูลต่อประชาชน",
]


def _thai(n) -> str:
    return to_thai_digits(str(n))


def build_plan(
    *,
    start_year: int = 2563,
    end_year: int = 2565,
    status: str = Edition.Status.PUBLISHED,
    projects: int = 16,
    organization: Organization | None = None,
    small: bool = False,
) -> Edition:
    """Build a whole plan. ``small=True`` makes a two-chapter plan that renders in well under a second."""
    org = organization or Organization.objects.create(
        name=ORG_NAME, short_name="อบต.ท้ายเหมือง", subdistrict="ท้ายเหมือง", district="ท้ายเหมือง", province="พังงา"
    )
    edition = Edition.objects.create(
        organization=org,
        title=PLAN_TITLE,
        start_year=start_year,
        end_year=end_year,
        status=status,
        foreword_signatory=f"คณะทำงานระบบเทคโนโลยีสารสนเทศ\n{ORG_NAME}",
    )
    order = iter(range(1, 10_000))

    def section(number, title, parent=None, level=Section.Level.CHAPTER):
        return Section.objects.create(
            edition=edition, parent=parent, level=level, number=number, title=title, order=next(order)
        )

    def block(sec, kind=Block.Kind.PARAGRAPH, text="", embed="", framework=None, marker="", sample=False):
        return Block.objects.create(
            section=sec, order=next(order), kind=kind, text=text, embed=embed, framework_slug=framework.slug if framework else "",
            marker=marker, is_sample=sample,
        )

    foreword = section("", "คำนำ")
    block(foreword, text=PARAGRAPH)

    chapters = CHAPTERS[:2] if small else CHAPTERS
    secs = {}
    for number, title, children in chapters:
        chap = section(number, title)
        secs[number] = chap
        for child_number, child_title in children:
            secs[child_number] = section(child_number, child_title, parent=chap, level=Section.Level.SECTION)

    # Chapter ๑: narrative from the source.
    ch1 = secs["บทที่ ๑"]
    block(ch1, text=PARAGRAPH)
    for i in range(1, 4 if small else 6):
        block(ch1, kind=Block.Kind.LIST_ITEM, marker=f"{_thai(i)}.", text=PARAGRAPH)

    # Chapter ๒: the higher frameworks.
    block(secs["๒.๑"], text=PARAGRAPH)
    for i, name in enumerate(["เปิดกว้างและเชื่อมโยงกัน", "ยึดประชาชนเป็นศูนย์กลาง", "มีขีดสมรรถนะสูงและทันสมัย"], 1):
        block(secs["๒.๑"], kind=Block.Kind.LIST_ITEM, marker=f"{_thai(i)}.", text=f"{name} {PARAGRAPH}")

    dla = _framework(
        edition, secs["๒.๒"], Framework.Kind.DLA, "dla", "แผนยุทธศาสตร์กรมส่งเสริมการปกครองท้องถิ่น",
        2560, 2569, DLA_STRATEGIES[: 2 if small else 6], goals=3, tactics=5 if not small else 2,
        vision="มุ่งสร้างท้องถิ่นไทยให้เข้มแข็ง โปร่งใส ก้าวสู่ประเทศไทย ๔.๐ อย่างมั่นคง ตามแนวทางปรัชญาเศรษฐกิจพอเพียง",
        values="มีอาชีพ คิดสร้างสรรค์ ยึดมั่นธรรมาภิบาล", missions=5, order=1,
    )
    sub = {}
    for i, title in enumerate(["วิสัยทัศน์", "พันธกิจ", "ค่านิยมร่วม", "ประเด็นยุทธศาสตร์"], 1):
        sub[i] = section(f"๒.๒.{_thai(i)}", title, parent=secs["๒.๒"], level=Section.Level.SUBSECTION)
    block(sub[1], kind=Block.Kind.EMBED, embed=Block.Embed.VISION, framework=dla)
    block(sub[2], kind=Block.Kind.EMBED, embed=Block.Embed.MISSIONS, framework=dla)
    block(sub[3], kind=Block.Kind.EMBED, embed=Block.Embed.VALUES, framework=dla)
    block(sub[4], kind=Block.Kind.EMBED, embed=Block.Embed.STRATEGY_LIST, framework=dla)
    block(sub[4], kind=Block.Kind.EMBED, embed=Block.Embed.STRATEGY_DETAILS, framework=dla)

    local = _framework(
        edition, secs["๒.๓"], Framework.Kind.LOCAL_DEV, "local-dev", "แผนพัฒนาท้องถิ่น", 2561, 2565,
        LOCAL_STRATEGIES[: 2 if small else 7], goals=0, tactics=0,
        vision="ก้าวไกลทางการศึกษา ชาวประชาร่วมรักถิ่น ชีวิตรมคุณภาพทั้งแผ่นดิน เศรษฐกิจพอกินและยั่งยืน",
        indicators=4 if small else 26, loose_tactics=18, positioning=4, order=2,
    )
    block(secs["๒.๓"], text=PARAGRAPH)
    sub = {}
    titles = ["วิสัยทัศน์", "ยุทธศาสตร์การพัฒนา", "เป้าประสงค์", "ตัวชี้วัดและค่าเป้าหมาย", "กลยุทธ์", "จุดยืนทางยุทธศาสตร์"]
    for i, title in enumerate(titles, 1):
        sub[i] = section(f"๒.๓.{_thai(i)}", title, parent=secs["๒.๓"], level=Section.Level.SUBSECTION)
    block(sub[1], kind=Block.Kind.EMBED, embed=Block.Embed.VISION, framework=local)
    block(sub[2], kind=Block.Kind.EMBED, embed=Block.Embed.STRATEGY_LIST, framework=local)
    block(sub[4], kind=Block.Kind.EMBED, embed=Block.Embed.INDICATORS, framework=local)
    block(sub[5], kind=Block.Kind.EMBED, embed=Block.Embed.TACTICS, framework=local)
    block(sub[6], kind=Block.Kind.EMBED, embed=Block.Embed.POSITIONING, framework=local)

    if small:
        return edition

    # Chapters ๓-๖ exist only in the source's table of contents: sample data, marked as such.
    for kind in SwotItem.Kind.values:
        for i in range(1, 6):
            SwotItem.objects.create(edition=edition, kind=kind, order=i, text=f"{SHORT} ข้อ {_thai(i)}", is_sample=True)
    block(secs["๓.๑๐"], kind=Block.Kind.EMBED, embed=Block.Embed.SWOT, sample=True)

    it_plan = _framework(
        edition, secs["๔.๓"], Framework.Kind.IT_PLAN, "it-plan", "แผนแม่บทระบบเทคโนโลยีสารสนเทศ", 2563, 2565,
        IT_STRATEGIES, goals=2, tactics=3, vision="ท้ายเหมืองเมืองอัจฉริยะ บริการฉับไว ใส่ใจประชาชน",
        missions=4, indicators_per_strategy=3, sample=True, order=3,
    )
    block(secs["๔.๑"], kind=Block.Kind.EMBED, embed=Block.Embed.VISION, framework=it_plan, sample=True)
    block(secs["๔.๒"], kind=Block.Kind.EMBED, embed=Block.Embed.MISSIONS, framework=it_plan, sample=True)
    block(secs["๔.๓"], kind=Block.Kind.EMBED, embed=Block.Embed.STRATEGY_DETAILS, framework=it_plan, sample=True)
    block(secs["๔.๓"], kind=Block.Kind.EMBED, embed=Block.Embed.INDICATORS, framework=it_plan, sample=True)

    _projects(edition, org, it_plan, projects)
    block(secs["๕.๑"], kind=Block.Kind.EMBED, embed=Block.Embed.PROJECT_SUMMARY, sample=True)
    block(secs["๕.๒"], kind=Block.Kind.EMBED, embed=Block.Embed.PROJECT_DETAILS, sample=True)

    _monitoring(edition)
    block(secs["๖.๑"], kind=Block.Kind.EMBED, embed=Block.Embed.COMMITTEE, sample=True)
    block(secs["๖.๒"], kind=Block.Kind.EMBED, embed=Block.Embed.METHODS, sample=True)
    block(secs["๖.๓"], kind=Block.Kind.EMBED, embed=Block.Embed.SCHEDULE, sample=True)
    return edition


def _framework(
    edition, sec, kind, slug, name, start, end, strategy_titles, *, goals, tactics, vision="", values="",
    missions=0, indicators=0, indicators_per_strategy=0, loose_tactics=0, positioning=0, sample=False, order=0,
):
    fw = Framework.objects.create(
        edition=edition, kind=kind, slug=slug, name=name, short_name=name, start_year=start, end_year=end,
        vision=vision, values=values, is_sample=sample, order=order,
    )
    for i in range(1, missions + 1):
        FrameworkPoint.objects.create(
            framework=fw, kind=FrameworkPoint.Kind.MISSION, number=f"({_thai(i)})", text=f"{SHORT} ({_thai(i)})", order=i
        )
    for i in range(1, positioning + 1):
        FrameworkPoint.objects.create(
            framework=fw, kind=FrameworkPoint.Kind.POSITIONING, number=f"๒.{_thai(i)}",
            text="มีแหล่งท่องเที่ยวที่สวยงาม มีดิน น้ำ และสภาพอากาศที่เหมาะสมแก่การทำเกษตร", order=i,
        )
    years = list(range(start, end + 1))
    for s_i, title in enumerate(strategy_titles, 1):
        strategy = Strategy.objects.create(framework=fw, number=s_i, title=title, order=s_i)
        for g_i in range(1, goals + 1):
            goal = Goal.objects.create(strategy=strategy, number=f"({_thai(g_i)})", text=f"{SHORT} เป้าประสงค์ที่ {_thai(g_i)}", order=g_i)
            for t_i in range(1, tactics + 1):
                Tactic.objects.create(
                    framework=fw, strategy=strategy, goal=goal, number=f"({_thai(t_i)})",
                    text=f"เพิ่มประสิทธิภาพการบริหารจัดการและยกระดับการให้บริการ กลยุทธ์ที่ {_thai(t_i)}", order=t_i,
                )
        for k in range(1, indicators_per_strategy + 1):
            _indicator(fw, years, strategy=strategy, number=f"{_thai(s_i)}.{_thai(k)}", order=s_i * 100 + k)
    for k in range(1, indicators + 1):
        _indicator(fw, years, number=f"{_thai(k)})", order=k)
    for k in range(1, loose_tactics + 1):
        Tactic.objects.create(framework=fw, number=f"{_thai(k)}.", text=f"การพัฒนาคนและเทคโนโลยี ข้อ {_thai(k)}", order=k)
    return fw


def _indicator(fw, years, *, number, order, strategy=None):
    ind = Indicator.objects.create(
        framework=fw, strategy=strategy, number=number, order=order, unit="ครั้ง",
        name="จัดกิจกรรมให้ความรู้และถ่ายทอดเทคโนโลยี รวมทั้งฝึกอาชีพ",
        total_text=f"{_thai(len(years))} ครั้ง", total_value=Decimal(len(years)),
    )
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=ind, year=y, text="๑ ครั้ง", value=Decimal(1)) for y in years
    )


def _projects(edition, org, it_plan, count):
    units = [Unit.objects.get_or_create(organization=org, name=n, defaults={"order": i})[0]
             for i, n in enumerate(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา"])]
    strategies = list(it_plan.strategies.order_by("order"))
    for n in range(1, count + 1):
        strategy = strategies[(n - 1) % len(strategies)]
        project = Project.objects.create(
            edition=edition, number=n, name=f"โครงการพัฒนาระบบสารสนเทศเพื่อการบริการประชาชน ระยะที่ {_thai(n)}",
            strategy=strategy, unit=units[n % len(units)], is_sample=True,
            rationale=PARAGRAPH, objectives=f"{SHORT}\nเพื่อลดขั้นตอนและระยะเวลาในการให้บริการ",
            targets="เจ้าหน้าที่และประชาชนในตำบลท้ายเหมือง", method="สำรวจความต้องการ จัดหา ติดตั้ง และอบรมการใช้งาน",
            duration="ตุลาคม - กันยายน", kpi="ร้อยละ ๘๐ ของผู้รับบริการพึงพอใจ", outcomes="บริการประชาชนรวดเร็วขึ้น",
        )
        for year in edition.years:
            if (n + year) % 3:
                ProjectBudget.objects.create(project=project, fiscal_year=year, amount=Decimal(50_000 * (n % 5 + 1)))


def _monitoring(edition):
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
        EvaluationMethod.objects.create(edition=edition, number=f"{_thai(i)}.", title=title, text=PARAGRAPH, order=i, is_sample=True)
    for i, (name, period, covers, month) in enumerate(
        [("รอบ ๖ เดือน", "ตุลาคม - มีนาคม", 6, 4), ("รอบ ๑๒ เดือน", "ตุลาคม - กันยายน", 12, 10)], 1
    ):
        ScheduleRound.objects.create(
            edition=edition, number=f"{_thai(i)}.", name=name, period_text=period, covers_months=covers,
            report_month=month, description="รายงานผลต่อผู้บริหารและประกาศให้ประชาชนทราบ", order=i, is_sample=True,
        )
