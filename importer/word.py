"""A Word (.docx) plan as the lines the text parser reads, so one parser serves both formats.

Read with python-docx: the body in order (paragraphs, tables, content controls such as
a table of contents), each paragraph one line with the number or bullet Word draws for
it (list and heading numbering) written in front, each table row one line of
tab-separated cells. Headers, footers, page breaks, field instructions (the TOC field
code), deleted tracked changes and text-box fallbacks are left out: a reader never sees
them in the document. An empty paragraph is a blank line; a heading and a table are set
apart by blank lines, as they are on the page.
"""

from __future__ import annotations

import io
import zipfile

from thaimuang_plan.lib.thai import to_thai_digits

from .messages import NOT_DOCX, OLD_DOC, ImportRejected

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {W + "del", W + "instrText", W + "delText", MC_FALLBACK, W + "rPr", W + "pPr"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc
THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def is_docx(data: bytes) -> bool:
    """A zip (every .docx is one), or an old binary .doc, which gets its own message."""
    return data[:4] == b"PK\x03\x04" or data[:8] == OLE_MAGIC


def docx_text(data: bytes, *, name: str) -> str:
    """The document's text, one paragraph or table row a line."""
    return read_docx(data, name=name)[0]


def read_docx(data: bytes, *, name: str) -> tuple[str, set[int]]:
    """The document's text and the (1-based) lines that Word styles as headings."""
    import docx  # python-docx; imported here so text imports never pay for it

    if data[:8] == OLE_MAGIC:
        raise ImportRejected(OLD_DOC.format(name=name))
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportRejected(NOT_DOCX.format(name=name)) from exc
    reader = _Reader(document)
    reader.read(document.element.body)
    return "\n".join(reader.lines) + "\n", reader.headings


class _Reader:
    def __init__(self, document):
        self.document = document
        self.lines: list[str] = []
        self.headings: set[int] = set()
        self.numbering = _Numbering(document)

    def read(self, container) -> None:
        for element in container.iterchildren():
            if element.tag == W + "p":
                self.paragraph(element)
            elif element.tag == W + "tbl":
                self.table(element)
            elif element.tag == W + "sdt":
                content = element.find(W + "sdtContent")
                if content is not None:
                    self.read(content)

    def paragraph(self, p) -> None:
        text = _text(p)
        style = _style_name(self.document, p)
        heading = style.lower().startswith(("heading", "หัวเรื่อง", "title")) or _outline_level(p) is not None
        if not text.strip():
            if not self.lines or self.lines[-1] != "":
                self.lines.append("")
            return
        marker = self.numbering.marker(p, style)
        if marker and not text.lstrip().startswith(marker.strip()):
            text = f"{marker} {text.lstrip()}"
        if heading and self.lines and self.lines[-1] != "":
            self.lines.append("")
        if heading:
            self.headings.add(len(self.lines) + 1)
        self.lines.extend(text.split("\n"))
        if heading:
            self.lines.append("")

    def table(self, tbl) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl:
                continue  # a nested table's rows are read as its cell's text
            cells = []
            for tc in tr.findall(W + "tc"):
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                continued = merge is not None and merge.get(W + "val") in (None, "continue")
                text = " ".join(_text(p).replace("\n", " ").strip() for p in tc.iter(W + "p"))
                cells.append("" if continued else text.replace("\t", " ").strip())
            if any(cells):
                self.lines.append("\t".join(cells))
        self.lines.append("")


def _text(p) -> str:
    """What a reader sees of a paragraph: runs, tabs and line breaks, not page breaks or field codes."""
    out: list[str] = []

    def walk(element):
        for child in element:
            tag = child.tag
            if tag in SKIPPED:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag == W + "br":
                if child.get(W + "type") not in ("page", "column"):
                    out.append("\n")
            elif tag == W + "cr":
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "p":  # a text box's paragraph, inside this one: its text is part of the line
                out.append(" ")
                walk(child)
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _style_name(document, p) -> str:
    style_id = p.find(f"{W}pPr/{W}pStyle")
    if style_id is None:
        return ""
    sid = style_id.get(W + "val")
    style = next((s for s in document.styles if s.style_id == sid), None)
    return (style.name if style is not None else sid) or ""


def _outline_level(p):
    level = p.find(f"{W}pPr/{W}outlineLvl")
    return None if level is None else int(level.get(W + "val"))


class _Numbering:
    """The numbers and bullets Word draws in front of list items and numbered headings."""

    def __init__(self, document):
        self.document = document
        self.counters: dict[str, list[int]] = {}
        self.levels: dict[
            tuple[str, int], tuple[str, str, int]
        ] = {}  # (numId, ilvl) -> (format, text, start)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
        for num in numbering.findall(W + "num"):
            ref = num.find(W + "abstractNumId")
            definition = abstract.get(ref.get(W + "val")) if ref is not None else None
            if definition is None:
                continue
            for lvl in definition.findall(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                start = lvl.find(W + "start")
                self.levels[(num.get(W + "numId"), int(lvl.get(W + "ilvl")))] = (
                    fmt.get(W + "val") if fmt is not None else "decimal",
                    text.get(W + "val") if text is not None else "",
                    int(start.get(W + "val")) if start is not None else 1,
                )

    def _num_pr(self, p, style_name):
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is None and style_name:
            style = self.document.styles[style_name] if style_name in self.document.styles else None
            while style is not None and num_pr is None:
                num_pr = style.element.find(f"{W}pPr/{W}numPr")
                style = style.base_style
        if num_pr is None:
            return None
        num_id = num_pr.find(W + "numId")
        ilvl = num_pr.find(W + "ilvl")
        if num_id is None or num_id.get(W + "val") == "0":
            return None
        return num_id.get(W + "val"), int(ilvl.get(W + "val")) if ilvl is not None else 0

    def marker(self, p, style_name: str) -> str:
        found = self._num_pr(p, style_name)
        if found is None:
            if style_name.lower().startswith("list bullet"):
                return "-"
            return ""
        num_id, ilvl = found
        fmt, text, start = self.levels.get((num_id, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        if fmt == "bullet":
            return "-"
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(0)
        del counters[ilvl + 1 :]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for level in range(ilvl + 1):
            value = counters[level] if level < len(counters) and counters[level] else 1
            level_fmt = self.levels.get((num_id, level), (fmt,))[0]
            text = text.replace(f"%{level + 1}", _format(value, level_fmt))
        return text.strip()


def _format(value: int, fmt: str) -> str:
    if fmt == "thaiNumbers" or fmt == "thaiCounting":
        return to_thai_digits(str(value))
    if fmt == "thaiLetters":
        return THAI_LETTERS[(value - 1) % len(THAI_LETTERS)]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)
