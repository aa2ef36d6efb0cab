"""The report printed at the end of an import: what was recognised, what was not, the flags."""

from __future__ import annotations

from plans.models import ImportFlag
from thaimuang_plan.lib.thai import to_thai_digits

from . import accounting
from .structure import ParsedPlan

# Names for the parser's counters, in the order the report lists them.
RECOGNISED = [
    ("sample_label", "บรรทัดป้ายข้อมูลตัวอย่าง"),
    ("cover_page", "บรรทัดในหน้าปก/หน้าคั่นบท"),
    ("signatory", "บรรทัดผู้ลงนามคำนำ"),
    ("toc_header", "หัวคอลัมน์สารบัญ"),
    ("toc_entry", "รายการในสารบัญ"),
    ("heading", "หัวข้อในเนื้อหา"),
    ("paragraph", "ย่อหน้า"),
    ("list_item", "รายการมีเลขข้อ"),
    ("quote", "ข้อความในเครื่องหมายคำพูด"),
    ("continuation", "ข้อความต่อจากข้อก่อนหน้า (ขึ้นหน้าใหม่)"),
    ("framework", "กรอบยุทธศาสตร์"),
    ("vision", "วิสัยทัศน์"),
    ("mission", "พันธกิจ"),
    ("values", "ค่านิยม"),
    ("principle", "หลักการ"),
    ("success_factor", "ปัจจัยแห่งความสำเร็จ"),
    ("point_bullet", "ข้อย่อยของหลักการ"),
    ("positioning", "จุดเด่น/จุดแข็ง (จุดยืนทางยุทธศาสตร์)"),
    ("strategy_heading", "หัวข้อยุทธศาสตร์"),
    ("strategy_description", "คำอธิบายยุทธศาสตร์"),
    ("label", "หัวข้อเป้าประสงค์/กลยุทธ์/ตัวชี้วัด"),
    ("goal", "เป้าประสงค์"),
    ("tactic", "กลยุทธ์"),
    ("table_header", "หัวตาราง"),
    ("indicator_row", "ตัวชี้วัด"),
    ("swot_label", "หัวข้อ SWOT"),
    ("swot_item", "รายการ SWOT"),
    ("summary_row", "แถวบัญชีสรุปโครงการ"),
    ("project", "โครงการ"),
    ("project_field", "บรรทัดรายละเอียดโครงการ"),
    ("budget", "งบประมาณรายปี"),
    ("committee_field", "คำสั่งแต่งตั้งคณะกรรมการ"),
    ("committee_member", "กรรมการ"),
    ("method", "วิธีการติดตามและประเมินผล"),
    ("schedule_round", "รอบการติดตาม"),
]


def _n(value: int) -> str:
    return to_thai_digits(f"{value:,}")


def outcome(plan: ParsedPlan) -> tuple[bool, str]:
    """(clean, the closing line): "นำเข้าแล้ว พบปัญหา N รายการ" whenever something needs an editor's look."""
    found = accounting.problems(plan)
    if found:
        return False, f"นำเข้าแล้ว พบปัญหา {_n(len(found))} รายการ (ดูรายการข้างบน หรือในหน้าแก้ไขแผน)"
    return True, "นำเข้าเสร็จ ไม่พบปัญหา"


def problem_lines(plan: ParsedPlan) -> list[str]:
    out = []
    for flag in sorted(accounting.problems(plan), key=lambda f: f.line or 0):
        where = f"บรรทัด {_n(flag.line)}" if flag.line else "ทั้งไฟล์"
        out.append(f"  - {where}: {flag.message}" + (f" [{flag.text[:60]}]" if flag.text else ""))
    return out


def render(plan: ParsedPlan, written) -> str:
    out = []
    edition = written.edition
    action = "สร้างฉบับร่างใหม่" if written.created else "ปรับปรุงฉบับเดิม"
    if plan.is_sample_file:
        action = "เพิ่มข้อมูลตัวอย่างใน"
    out.append(
        f"นำเข้า {plan.source_name} ({_n(plan.line_count)} บรรทัด): {action} “{edition}” [{edition.get_status_display()}]"
    )
    if plan.source_kind == "docx":
        out.append("ไฟล์ Word: “บรรทัด” ในรายงานนี้คือลำดับย่อหน้าและแถวตารางในเอกสาร (ไม่นับหัวกระดาษและท้ายกระดาษ)")
    if plan.partial:
        out.append("ไม่พบสารบัญหรือหัวข้อ “บทที่”: นำเข้าบางส่วน ส่วนที่อ่านโครงสร้างไม่ได้เก็บเป็นข้อความ")
    if written.removed:
        out.append(f"แทนที่ข้อมูลจากการนำเข้าครั้งก่อน {_n(written.removed)} แถว")
    out.append("")
    out.append("สิ่งที่อ่านได้จากไฟล์:")
    for key, label in RECOGNISED:
        if plan.recognised.get(key):
            out.append(f"  {label}: {_n(plan.recognised[key])}")
    if plan.cover_pages:
        spans = ", ".join(f"{_n(a)}-{_n(b)}" for a, b in plan.cover_pages)
        out.append(f"  หน้าปก/หน้าคั่นบทที่รู้จัก: {_n(len(plan.cover_pages))} หน้า (บรรทัด {spans})")
    if plan.foreword_signatory:
        out.append(f"  ผู้ลงนามคำนำ: {plan.foreword_signatory.replace(chr(10), ' / ')}")
    out.append("")
    out.append("บันทึกลงฐานข้อมูล:")
    for name, count in written.counts.items():
        out.append(f"  {name}: {_n(count)}")
    promised = accounting.promises(plan)
    if promised:
        out.append("")
        out.append("เทียบกับที่เอกสารระบุไว้:")
        for what, expected, found in promised:
            mark = "ครบ" if found >= expected else f"ขาด {_n(expected - found)}"
            out.append(f"  {what}: เอกสารระบุ {_n(expected)} พบ {_n(found)} ({mark})")
    unplaced = plan.unplaced_flags
    out.append("")
    if unplaced:
        out.append(f"บรรทัดที่จัดเข้าที่ไม่ได้ ({_n(len(unplaced))}) เก็บไว้เป็นข้อสังเกตพร้อมข้อความเดิม ดูได้ในหน้าแก้ไขแผน:")
        for flag in unplaced:
            out.append(f"  บรรทัด {_n(flag.line or 0)}: {flag.message}: {flag.text[:80]}")
    else:
        out.append("ทุกบรรทัดที่มีข้อความจัดเข้าที่ได้ ไม่มีบรรทัดที่จัดไม่ได้")
    others = [f for f in plan.flags if f.kind != ImportFlag.Kind.UNPLACED]
    out.append("")
    out.append(f"ข้อสังเกตจากต้นฉบับ ({_n(len(others))}) บันทึกไว้ให้บรรณาธิการตรวจในหน้าแก้ไขแผน:")
    for flag in sorted(others, key=lambda f: f.line or 0):
        kind = ImportFlag.Kind(flag.kind).label
        severity = ImportFlag.Severity(flag.severity).label
        where = f"บรรทัด {_n(flag.line)}" if flag.line else "ทั้งไฟล์"
        out.append(f"  [{kind} · {severity}] {where}: {flag.message}")
    return "\n".join(out)
