"""Command-line progress of an import: rows validated, then the version written (tqdm, on stderr)."""
from __future__ import annotations

from types import TracebackType
from typing import Self, TextIO

from tqdm import tqdm


class ImportProgress:
    """Pass as ``on_progress`` to ``metrics.services.import_dataset``; use as a context manager."""

    def __init__(self, *, file: TextIO, enabled: bool = True) -> None:
        self.file = file
        self.enabled = enabled
        self.bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        bar = self.bars.get(stage)
        if bar is None:
            for other in self.bars.values():
                other.close()
            label = {"rows": "validating", "writing": "writing the version"}.get(stage, stage)
            unit = "row" if stage == "rows" else "step"
            bar = self.bars[stage] = tqdm(total=total, desc=label, unit=unit, unit_scale=True, file=self.file)
        bar.update(done - bar.n)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for bar in self.bars.values():
            bar.close()
