"""The PDF's list of page references built once per page added, not once per tagged element.

Part of the patch printing/textlayer.py installs (read its docstring first). pydyf 0.13's
``PDF.page_references`` builds a tuple of every page's reference each time it is read, and
WeasyPrint 70's PDF/UA tagging (weasyprint/pdf/tags.py) reads it once per structure element
to write that element's page (``/Pg``): tagging cost pages x elements. At 10x the demo plan
(249 pages, about 24,000 elements) that was a tenth of the render, and it grows with the square
of the plan's size. ``page_references`` below returns the same tuple until a page is added.

The tuple holds only bytes, so sharing it is safe. Pages are only ever appended to
``pages['Kids']`` (``PDF.add_page``); nothing in pydyf 0.13.0 or WeasyPrint 70.0 edits that list
in place, so its identity and length say whether the tuple is still right.
"""

_CACHE = "_printing_page_references"


def page_references(original, pdf):
    """``original(pdf)`` (pydyf's property getter), kept while ``pdf``'s page list has not grown."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get(_CACHE)
    if cached is None or cached[0] is not kids or cached[1] != len(kids):
        cached = (kids, len(kids), original(pdf))
        pdf.__dict__[_CACHE] = cached
    return cached[2]
