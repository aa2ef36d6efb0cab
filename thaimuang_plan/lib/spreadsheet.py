"""Text cells that a spreadsheet opens as text, never as a formula.

A cell beginning with = + - @ (or a tab or carriage return, which some
programs skip before reading one of those) is run as a formula by Excel and
LibreOffice; an apostrophe in front makes it plain text, shown as typed.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
