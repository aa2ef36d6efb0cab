import reversion

from .plan import Committee, CommitteeMember, EvaluationMethod, ScheduleRound
from .records import (
    ANNOUNCE_WITHIN_DAYS,
    KEEP_UP_DAYS,
    EvaluationRound,
    EvaluationRoundQuerySet,
    IndicatorResult,
    ProjectProgress,
    RoundFinding,
)

# History of the committee's records. A round's revision carries its progress
# rows and findings, so one save of the entry screen is one entry in the history.
reversion.register(ProjectProgress)
reversion.register(RoundFinding)
reversion.register(IndicatorResult)
reversion.register(EvaluationRound, follow=("progress", "findings"))

__all__ = [
    "ANNOUNCE_WITHIN_DAYS",
    "KEEP_UP_DAYS",
    "Committee",
    "CommitteeMember",
    "EvaluationMethod",
    "EvaluationRound",
    "EvaluationRoundQuerySet",
    "IndicatorResult",
    "ProjectProgress",
    "RoundFinding",
    "ScheduleRound",
]
