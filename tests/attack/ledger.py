"""Every attack attempt and how SalesTalk answered it; printed as a table and written to attack.json.

Outcomes:
- ``refused``: a 4xx (or a closed socket) that carried none of the victim's data;
- ``contained``: a request the server rightly served from the attacker's own tenant (e.g. a tenant id
  slipped into a body it ignores) — it carried none of the victim's data and changed nothing of it;
- ``leaked``: a 2xx on the victim's object, or any answer carrying the victim's marker;
- ``server_error``: a 5xx; not a leak, but an attacker must never be able to cause one;
- ``unenveloped``: an API refusal that is not the one JSON error envelope (an HTML page, an empty body):
  every refusal under /api must be readable by a client, and say no more than the envelope does.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUTCOMES = ("refused", "contained", "leaked", "server_error", "unenveloped")
FAILURES = ("leaked", "server_error", "unenveloped")


@dataclass(frozen=True)
class Attempt:
    category: str
    target: str
    status: int | str
    outcome: str
    detail: str = ""


def enveloped(body: bytes) -> bool:
    """``{"error": {"code": str, "message": str, "details"?: …}}`` and nothing else."""
    try:
        answer = json.loads(body)
    except ValueError:
        return False
    error = answer.get("error") if isinstance(answer, dict) and set(answer) == {"error"} else None
    return (isinstance(error, dict) and {"code", "message"} <= set(error) <= {"code", "message", "details"}
            and all(isinstance(error[key], str) and error[key] for key in ("code", "message")))


def judge(*, status: int, body: bytes, marker: bytes, success_is_leak: bool = True, api: bool = False) -> str:
    """``api``: the answer is the API's, whose refusals must be the one envelope (HEAD answers have no body)."""
    if marker in body:
        return "leaked"
    if status >= 500:
        return "server_error"
    if 200 <= status < 300:
        return "leaked" if success_is_leak else "contained"
    if api and status >= 400 and body and not enveloped(body):
        return "unenveloped"
    return "refused"


class Ledger:
    def __init__(self) -> None:
        self.attempts: list[Attempt] = []

    def record(self, attempt: Attempt) -> Attempt:
        if attempt.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {attempt.outcome!r}")
        self.attempts.append(attempt)
        return attempt

    def summary(self) -> dict[str, dict[str, int]]:
        rows: dict[str, Counter] = defaultdict(Counter)
        for attempt in self.attempts:
            rows[attempt.category]["attempts"] += 1
            rows[attempt.category][attempt.outcome] += 1
        return {category: {key: counts[key] for key in ("attempts", *OUTCOMES)} for category, counts in rows.items()}

    def totals(self) -> dict[str, int]:
        counts = Counter(attempt.outcome for attempt in self.attempts)
        return {"attempts": len(self.attempts), **{key: counts[key] for key in OUTCOMES}}

    def failures(self) -> list[Attempt]:
        return [a for a in self.attempts if a.outcome in FAILURES]

    def table(self) -> str:
        header = ("category", "attempts", "refused", "contained", "leaked", "5xx", "no envelope")
        rows = [(c, *(str(v) for v in s.values())) for c, s in sorted(self.summary().items())]
        rows.append(("TOTAL", *(str(v) for v in self.totals().values())))
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(row: tuple[str, ...]) -> str:
            cells = enumerate(zip(row, widths, strict=True))
            return "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in cells)

        rule = "  ".join("-" * w for w in widths)
        return "\n".join([line(header), rule, *(line(r) for r in rows[:-1]), rule, line(rows[-1])])

    def report(self) -> dict[str, Any]:
        return {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "totals": self.totals(),
            "categories": self.summary(),
            "failures": [asdict(a) for a in self.failures()],
        }

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.report(), indent=2))


# One per test process: the attack tests record into it, the attack conftest reports it.
LEDGER = Ledger()
