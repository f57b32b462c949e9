"""Run one labelled question set through the real ``ask --batch`` command and score it with the shared evaluator.

Used by the eval tests in ``make test`` (one in-process batch per set). The gold numbers come from
the shared evaluator itself (``shared/eval/evaluate.py``), with each conversation's ``as_of`` and
contract version, so these tests score exactly as ``make eval`` does.

Set ``SALESTALK_EVAL_ANSWERS=DIR`` to keep each set's answers as ``DIR/<set>.jsonl``; then
``evaluate.py --questions … --data … --answers DIR/<set>.jsonl`` prints the evaluator's full report.
"""
from __future__ import annotations

import importlib.util
import inspect
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command

from tests.eval.companies import SHARED_EVAL, QuestionSet


def load_evaluator():
    spec = importlib.util.spec_from_file_location("shared_evaluate", SHARED_EVAL / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Score:
    name: str
    turns: int = 0
    right: int = 0
    understood: int = 0
    truthful: int = 0
    failures: list = field(default_factory=list)

    def headline(self) -> str:
        pct = 100 * self.right / max(self.turns, 1)
        return (f"{self.name}: turns right {self.right}/{self.turns} ({pct:.1f}%); "
                f"numbers true where understood {self.truthful}/{self.understood}")

    def report(self, limit: int = 60) -> str:
        lines = [f"FAIL {key}: {q}\n     " + "\n     ".join(errs) for key, q, errs in self.failures[:limit]]
        return "\n".join([*lines, self.headline()])


def import_csv(tenant, data: Path, dimensions=()) -> None:
    from metrics.services import import_dataset

    kwargs = {}
    if dimensions:
        if "dimensions" not in inspect.signature(import_dataset).parameters:
            raise NotImplementedError("import_dataset takes no `dimensions` (column roles): "
                                      f"{', '.join(dimensions)} cannot be made dimensions")
        kwargs["dimensions"] = list(dimensions)
    with open(data, "rb") as stream:
        import_dataset(tenant=tenant, stream=stream, source=data.name, replace=False, **kwargs)


def score_set(name: str, tenant, data: Path, questions: Path, tmp_path: Path, dimensions=()) -> Score:
    """Import ``data`` into ``tenant``, ask every turn of ``questions`` in one batch, score every answer."""
    evaluate = load_evaluator()
    items = evaluate.load_questions(str(questions))
    gold = evaluate.Gold(str(data), dimensions=list(dimensions))
    wanted = evaluate.gold_results(items, gold)  # a label without a number stops here (GOLD ERROR)
    import_csv(tenant, data, dimensions)
    batch = tmp_path / f"{name}-batch.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in evaluate.batch_lines(items)))
    out = io.StringIO()
    call_command("ask", tenant.tenant_id, "--json", "--batch", str(batch), stdout=out)
    keep = os.environ.get("SALESTALK_EVAL_ANSWERS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{name}.jsonl").write_text(out.getvalue())
    answers = evaluate.parse_answers(out.getvalue())

    score = Score(name)
    for item in items:
        for index, turn in enumerate(item["turns"]):
            score.turns += 1
            key = f"{item['id']}.{index}"
            got = answers.get(key)
            if got is None:
                score.failures.append((key, turn["q"], ["no answer"]))
                continue
            errors = evaluate.understanding_errors(got.get("understanding") or {}, turn["gold"])
            if not errors:
                score.understood += 1
                if turn["gold"]["intent"] not in ("clarify", "out_of_scope"):
                    errors = evaluate.number_errors(got.get("result") or {}, wanted[key], turn["gold"]["intent"])
                if not errors:
                    score.truthful += 1
            if errors:
                score.failures.append((key, turn["q"], errors))
            else:
                score.right += 1
    return score


def assert_every_turn_right(question_set: QuestionSet, *, make_tenant, tmp_path: Path) -> None:
    """Score one set of tests/eval/companies.py: every turn understood and every number true, but for its
    ``contested`` turns (keys such as "vt03.1") whose label reads a word otherwise than the contract does: those
    must miss, so a change of the engine's reading is seen."""
    data = question_set.write_data(tmp_path)
    tenant = make_tenant(question_set.tenant_id, currency=question_set.currency)
    score = score_set(question_set.name, tenant, data, question_set.questions, tmp_path,
                      dimensions=question_set.dimensions)
    missed = {key for key, _, _ in score.failures}
    assert missed == set(question_set.contested), score.report()
    assert score.right == score.turns - len(question_set.contested)
