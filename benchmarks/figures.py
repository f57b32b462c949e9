"""What a benchmark reports: named figures with a unit and, where there is one, the goal they are held to."""
from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    area: str
    name: str
    value: float
    unit: str
    goal: float | None = None
    # True when smaller is better (latencies, durations); False for throughputs.
    lower_is_better: bool = True

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        return self.value <= self.goal if self.lower_is_better else self.value >= self.goal

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "met": self.met}


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile; ``samples`` need not be sorted."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def latency_figures(
    *, area: str, name: str, samples_ms: list[float], p95_goal_ms: float | None = None
) -> list[Figure]:
    return [
        Figure(area, f"{name} p50", percentile(samples_ms, 50), "ms"),
        Figure(area, f"{name} p95", percentile(samples_ms, 95), "ms", goal=p95_goal_ms),
        Figure(area, f"{name} mean", statistics.fmean(samples_ms), "ms"),
    ]
