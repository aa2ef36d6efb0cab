"""One entry in a plan's edit history (django-reversion) for a write that a person made."""

from contextlib import contextmanager

import reversion

# The comment of the revision that keeps a row about to be deleted that had no version yet:
# it can then be recovered, and its history says whose it was. Not a change (audit skips it).
KEPT_BEFORE_DELETION = "บันทึกไว้ก่อนลบ (รายการนี้ยังไม่มีประวัติ)"


@contextmanager
def revision(*, user=None, comment: str):
    """Everything saved inside is one revision, by ``user`` when signed in, with ``comment``.

    A task or a command (no user, or an anonymous one) still gets its comment, so the
    history says what happened even when it cannot say who.
    """
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        yield
