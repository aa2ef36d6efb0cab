"""What the parser recognised in a plan file, as plain dataclasses (no database).

The parser fills a ``ParsedPlan``; the checks add flags to it; the writer saves
it in one transaction. Every item keeps the line it came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from plans.models import Block, ImportFlag


@dataclass
class Flag:
    kind: str  # ImportFlag.Kind
    message: str
    line: int | None = None
    text: str = ""
    severity: str = ImportFlag.Severity.WARNING


@dataclass
class PBlock:
    kind: str  # Block.Kind
    text: str = ""
    marker: str = ""
    embed: str = ""
    framework: str = ""  # Framework.Kind of an embed's framework
    line: int | None = None

    @classmethod
    def embed_of(cls, embed: str, framework: str, line: int | None) -> PBlock:
        return cls(kind=Block.Kind.EMBED, embed=embed, framework=framework, line=line)


@dataclass
class PSection:
    number: str  # as printed: "บทที่ ๒", "๒.๒", "๒.๒.๑", "" for the foreword
    title: str
    level: int
    parts: tuple[int, ...] = ()  # (2,), (2, 2), (2, 2, 1)
    toc_pages: str = ""
    in_toc: bool = False
    toc_line: int | None = None
    body_line: int | None = None
    body_title: str = ""
    parent: PSection | None = None
    units: list = field(default_factory=list)  # content lines, filled by the parser
    blocks: list[PBlock] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def heading(self) -> str:
        """The title to recognise content by: what the body prints, else the TOC."""
        return self.body_title or self.title


@dataclass
class PPoint:
    kind: str  # FrameworkPoint.Kind
    number: str
    title: str
    text: str
    line: int


@dataclass
class PItem:
    """A goal or a tactic."""

    number: str
    text: str
    line: int


@dataclass
class PIndicator:
    number: str
    name: str
    line: int
    unit: str = ""
    targets: dict[int, tuple[str, Decimal | None]] = field(default_factory=dict)
    total_text: str = ""
    total_value: Decimal | None = None
    total_rule: str = "sum"


@dataclass
class PStrategy:
    number: int
    title: str
    line: int
    printed: str = ""
    heading_in_detail: str = ""
    detail_line: int | None = None
    description: str = ""
    goals: list[PItem] = field(default_factory=list)
    tactics: list[PItem] = field(default_factory=list)
    indicators: list[PIndicator] = field(default_factory=list)
    aligns_with: list[tuple[str, int, int]] = field(default_factory=list)  # (framework kind, number, line)


@dataclass
class PFramework:
    kind: str
    name: str
    short_name: str
    slug: str
    order: int
    section: PSection
    start_year: int | None = None
    end_year: int | None = None
    vision: str = ""
    values: str = ""
    points: list[PPoint] = field(default_factory=list)
    strategies: list[PStrategy] = field(default_factory=list)
    tactics: list[PItem] = field(default_factory=list)
    indicators: list[PIndicator] = field(default_factory=list)


@dataclass
class PBudget:
    year: int
    amount: Decimal
    source: str
    line: int


@dataclass
class PProject:
    number: int
    line: int
    name: str = ""
    code: str = ""
    strategy_number: int | None = None
    tactic_number: int | None = None
    rationale: str = ""
    objectives: str = ""
    targets: str = ""
    method: str = ""
    duration: str = ""
    kpi: str = ""
    outcomes: str = ""
    unit_name: str = ""
    budgets: list[PBudget] = field(default_factory=list)


@dataclass
class PSummaryRow:
    strategy_number: int | None  # None for the total row
    cells: dict[int, tuple[int | None, Decimal | None]]  # year -> (projects, baht)
    line: int


@dataclass
class PMember:
    name: str
    position: str
    role: str
    line: int


@dataclass
class PCommittee:
    line: int
    name: str = ""
    appointed_by: str = ""
    members: list[PMember] = field(default_factory=list)


@dataclass
class PMethod:
    number: str
    title: str
    text: str
    line: int


@dataclass
class PRound:
    number: str
    name: str
    period_text: str
    covers_months: int
    report_month: int
    description: str
    line: int


@dataclass
class PSwot:
    kind: str  # SwotItem.Kind
    text: str
    line: int


@dataclass
class ParsedPlan:
    source_name: str
    line_count: int
    organization_name: str = ""
    # The owner the file itself names, when the person importing chose another organization.
    document_organization_name: str = ""
    title: str = ""
    start_year: int | None = None
    end_year: int | None = None
    is_sample_file: bool = False
    foreword_signatory: str = ""
    sections: list[PSection] = field(default_factory=list)
    frameworks: dict[str, PFramework] = field(default_factory=dict)
    swot: list[PSwot] = field(default_factory=list)
    projects: list[PProject] = field(default_factory=list)
    summary: list[PSummaryRow] = field(default_factory=list)
    committee: PCommittee | None = None
    methods: list[PMethod] = field(default_factory=list)
    schedule: list[PRound] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    cover_pages: list[tuple[int, int]] = field(default_factory=list)  # first and last line of each
    recognised: Counter = field(default_factory=Counter)  # lines by what they were read as
    markup: dict[int, str] = field(default_factory=dict)  # layout lines the structure expresses: line -> kind
    absorbed: dict[int, int] = field(default_factory=dict)  # a line merged into the item of another line
    lost: list[int] = field(default_factory=list)  # lines nothing held (see accounting.account)
    source_kind: str = "txt"  # txt | docx: what a "line" of this file is
    partial: bool = False  # no table of contents or chapters: headings read from topic words

    def flag(self, kind, message, *, line=None, text="", severity=ImportFlag.Severity.WARNING) -> None:
        self.flags.append(Flag(kind=kind, message=message, line=line, text=text, severity=severity))

    def mark(self, kind: str, *lines: int) -> None:
        """Lines that are layout (a label, a table header, a cover page), counted as ``kind``."""
        for line in lines:
            self.markup[line] = kind
        self.recognised[kind] += len(lines)

    def absorb(self, lines, host: int) -> None:
        """Lines whose text went into the item that starts at line ``host``."""
        for line in lines:
            if line != host:
                self.absorbed[line] = host

    def unplaced(self, line: int, text: str, why: str) -> None:
        self.flag(ImportFlag.Kind.UNPLACED, why, line=line, text=text)

    @property
    def unplaced_flags(self) -> list[Flag]:
        return [f for f in self.flags if f.kind == ImportFlag.Kind.UNPLACED]

    def framework_for(self, kind: str) -> PFramework | None:
        return self.frameworks.get(kind)
