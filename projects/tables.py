"""The public project inventory table (django-tables2)."""


import django_tables2 as tables
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from projects.models import Project
from thaimuang_plan.lib import formatting as fmt

PER_PAGE = 25
MAX_PER_PAGE = 100
# A project number no plan has, to reverse the detail address once and fill in each row's number.
_NUMBER_PLACEHOLDER = 987654321


class BoundedPaginator(Paginator):
    """A paginator that keeps ``?per_page=`` between 1 and MAX_PER_PAGE.

    django-tables2 passes the visitor's number straight through: -1 crashed the page
    and 100000 built a 1.4 MB page. Out of range means the default page size.
    """

    def __init__(self, object_list, per_page, *args, **kwargs):
        if not 1 <= per_page <= MAX_PER_PAGE:
            per_page = PER_PAGE
        super().__init__(object_list, per_page, *args, **kwargs)



class BahtColumn(tables.Column):
    """A baht amount, right-aligned, in the portal's digit style; blank years show a dash."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", {"th": {"class": "num"}, "td": {"class": "num"}})
        super().__init__(*args, **kwargs)

    def render(self, value):
        if not value:
            return "–"
        return fmt.baht(value)


class ProjectTable(tables.Table):
    number = tables.Column(
        verbose_name="ที่", attrs={"th": {"class": "num"}, "td": {"class": "num"}}
    )
    # Every sort ends with the project number: rows that tie keep one order, so that no
    # project shows on two pages and none on neither.
    name = tables.Column(verbose_name="ชื่อโครงการ", order_by=("name", "number"))
    strategy = tables.Column(verbose_name="ยุทธศาสตร์", order_by=("strategy__order", "strategy__number", "number"))
    unit = tables.Column(verbose_name="หน่วยงานรับผิดชอบ", order_by=("unit__order", "unit__name", "number"))
    status = tables.Column(verbose_name="สถานะ", order_by=("status", "number"))
    total = BahtColumn(
        verbose_name="งบประมาณรวม (บาท)", empty_values=(None,), default="–", order_by=("total", "number")
    )

    caption = "บัญชีโครงการ"
    row_header = "name"  # rendered as <th scope="row"> by partials/table.html

    class Meta:
        model = Project
        fields = ("number", "name", "strategy", "unit", "status")
        sequence = ("number", "name", "strategy", "unit", "status", "...", "total")
        template_name = "partials/table.html"
        order_by = ("number",)
        empty_text = "ไม่พบโครงการตามเงื่อนไขที่เลือก"
        attrs = {"class": "projects-table wide"}

    def __init__(self, data, *, edition, **kwargs):
        self.edition = edition
        self._detail_url = ""
        year_columns = [
            (
                f"budget_{year}",
                BahtColumn(verbose_name=f"ปี {fmt.year(year)}", default="–", order_by=(f"budget_{year}", "number")),
            )
            for year in edition.years
        ]
        super().__init__(data, extra_columns=year_columns, **kwargs)

    def page_rows(self) -> list[SafeString]:
        """The rows of the current page as HTML, formatted here in one pass.

        django-tables2 renders each cell through its accessor, an inspect.signature() of the
        render_* method and a template loop; for a page of 25 projects that was most of the
        page's time. The header (sort links, aria-sort) still comes from django-tables2, and
        the render_* methods stay the one definition of what each cell shows.
        """
        columns = [
            (
                column.name,
                "th" if column.name == self.row_header else "td",
                mark_safe(
                    (' scope="row"' if column.name == self.row_header else "")
                    + (' class="num"' if column.attrs.get("td", {}).get("class") == "num" else "")
                ),
                column.column,
            )
            for column in self.columns
        ]
        # One reverse() for the page, not one per row (each costs about half a millisecond here).
        self._detail_url = reverse(
            "projects:detail", kwargs={**self.edition.address_kwargs, "number": _NUMBER_PLACEHOLDER}
        ).replace(str(_NUMBER_PLACEHOLDER), "{}")
        rows = []
        for index, row in enumerate(self.paginated_rows):
            record = row.record
            # f-strings with conditional_escape: the same HTML as format_html_join, at a third of its cost.
            cells = "".join(
                f"<{tag}{attrs}>{conditional_escape(self._cell(name, column, record))}</{tag}>"
                for name, tag, attrs, column in columns
            )
            rows.append(mark_safe(f'<tr class="{"even" if index % 2 else "odd"}">{cells}</tr>'))
        return rows

    def _cell(self, name, column, record):
        if name == "number":
            return self.render_number(record.number)
        if name == "name":
            return self.render_name(record.name, record)
        if name == "strategy":
            return self.render_strategy(record.strategy) if record.strategy else self.default
        if name == "unit":
            return record.unit if record.unit else self.default
        if name == "status":
            return self.render_status(record)
        return column.render(getattr(record, name))  # the baht columns

    def render_number(self, value):
        return fmt.number(value)

    def render_name(self, value, record):
        url = self._detail_url.format(record.number) if self._detail_url else reverse(
            "projects:detail", kwargs={**self.edition.address_kwargs, "number": record.number}
        )
        sample = mark_safe(' <span class="tag tag--sample">ข้อมูลตัวอย่าง</span>') if record.is_sample else ""
        return format_html('<a href="{}">{}</a>{}', url, value, sample)

    def render_strategy(self, value):
        return fmt.strategy_label(value.number)

    def render_status(self, record):
        return record.get_status_display()
