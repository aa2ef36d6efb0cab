"""The address of one page of a paged list, relative to the list's own address.

Page 1 is the list's own address, never "?page=1": the pager links it so (partials/pager.html),
so that the two are not two entries in the page cache, and a page's permanent address names it
the same way.
"""


def page_query(number: int) -> str:
    """"" for page 1, else "?page=N"."""
    return "" if number == 1 else f"?page={number}"
