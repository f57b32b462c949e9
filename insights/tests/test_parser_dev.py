"""Every turn of shared/eval/questions-dev.jsonl, parsed and checked with the evaluator's own comparison.

The semantic model is built from the members and dates of shared/eval/acme.csv, the
data those questions are about. Without the shared eval folder the test is skipped,
saying so. The team's second company (tests/eval, Globex Coffee: country × store type ×
product line, no new customers) is scored the same way.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import os
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from insights.understanding.parser import parse
from insights.understanding.types import Understanding
from metrics.measures import available_measures
from metrics.semantic import SemanticModel
from tests.eval import make_globex

EVAL_DIR = Path(os.environ.get("SALESTALK_EVAL_DIR", Path(__file__).resolve().parents[2].parent / "shared" / "eval"))
QUESTIONS = EVAL_DIR / "questions-dev.jsonl"
DATA = EVAL_DIR / "acme.csv"
MEASURE_COLUMNS = ("revenue", "cost", "units", "orders", "new_customers")


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("salestalk_eval", EVAL_DIR / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluator() -> ModuleType:
    if not (QUESTIONS.exists() and DATA.exists() and (EVAL_DIR / "evaluate.py").exists()):
        pytest.skip(f"SKIPPED: no dev questions at {EVAL_DIR} (set SALESTALK_EVAL_DIR); the parser is unscored")
    return _evaluator()


@pytest.fixture(scope="module")
def acme_model() -> SemanticModel:
    members: dict[str, set[str]] = {}
    first = last = None
    with DATA.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        dimensions = [c for c in reader.fieldnames or [] if c not in (*MEASURE_COLUMNS, "date")]
        for row in reader:
            day = date.fromisoformat(row["date"])
            first = day if first is None or day < first else first
            last = day if last is None or day > last else last
            for dimension in dimensions:
                members.setdefault(dimension, set()).add(row[dimension])
    assert first is not None and last is not None
    return SemanticModel(
        version="acme-dev", measures=available_measures(set(MEASURE_COLUMNS)),
        dimensions={d: tuple(sorted(members[d])) for d in dimensions}, first_date=first, last_date=last,
    )


def _conversations() -> list[dict]:
    if not QUESTIONS.exists():
        return [{"id": "missing", "as_of": "2025-01-01", "turns": []}]
    lines = QUESTIONS.read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


@pytest.mark.parametrize("conversation", _conversations(), ids=lambda c: c["id"])
def test_dev_conversation_is_understood(conversation: dict, evaluator: ModuleType, acme_model: SemanticModel) -> None:
    as_of = date.fromisoformat(conversation["as_of"])
    context: Understanding | None = None
    for turn in conversation["turns"]:
        result = parse(turn["q"], model=acme_model, as_of=as_of, context=context)
        errors = evaluator.understanding_errors(result.understanding.as_json(), turn["gold"])
        assert errors == [], f"{conversation['id']}: {turn['q']!r}: {errors}"
        if result.understanding.answered:
            context = result.understanding


GLOBEX_QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "eval" / "globex-questions.jsonl"


def _globex_conversations() -> list[dict]:
    lines = GLOBEX_QUESTIONS.read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


@pytest.mark.parametrize("conversation", _globex_conversations(), ids=lambda c: c["id"])
def test_globex_conversation_is_understood(conversation: dict, evaluator: ModuleType) -> None:
    model = SemanticModel(
        version="globex", measures=available_measures({f for f in make_globex.FIELDS if f in MEASURE_COLUMNS}),
        dimensions={"country": tuple(make_globex.COUNTRIES), "store_type": tuple(make_globex.STORE_TYPES),
                    "product_line": tuple(make_globex.PRODUCT_LINES)},
        first_date=make_globex.FIRST, last_date=make_globex.LAST,
    )
    as_of = date.fromisoformat(conversation["as_of"])
    context: Understanding | None = None
    for turn in conversation["turns"]:
        result = parse(turn["q"], model=model, as_of=as_of, context=context)
        errors = evaluator.understanding_errors(result.understanding.as_json(), turn["gold"])
        assert errors == [], f"{conversation['id']}: {turn['q']!r}: {errors}"
        if result.understanding.answered:
            context = result.understanding
