"""Reading a question: time expressions, measures, members and cues into an ``Understanding``."""
from insights.understanding.parser import parse
from insights.understanding.types import Understanding

__all__ = ["Understanding", "parse"]
