"""`make eval`: every set of tests/eval/companies.py scored by the shared evaluator through `manage.py ask`, as an
outsider runs it (each tenant set up by `manage.py eval_setup`), then one line a set; exit 1 on any miss but the
set's contested turns, so "every set at 100%" is checked rather than read off a long log.

Usage: python tests/eval/score_all.py [--python PY] [--run-dir DIR] [NAME ...]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script, the generators are imported as tests.eval.make_<name>

from tests.eval.companies import SETS, SHARED_EVAL, QuestionSet  # noqa: E402

_FAILED = re.compile(r"^FAIL (\S+):", re.MULTILINE)
_HEADLINE = re.compile(r"^turns right (\d+)/(\d+).*$", re.MULTILINE)


def _set_up(question_set: QuestionSet, *, python: str, data: Path) -> None:
    command = [python, "manage.py", "eval_setup", "--tenant", question_set.tenant_id, "--data", str(data),
               "--currency", question_set.currency]
    if question_set.dimensions:
        command += ["--dimensions", *question_set.dimensions]
    subprocess.run(command, cwd=ROOT, check=True)


def _score(question_set: QuestionSet, *, python: str, data: Path) -> tuple[str, set[str]]:
    command = [python, str(SHARED_EVAL / "evaluate.py"), "--questions", str(question_set.questions),
               "--data", str(data), "--tenant", question_set.tenant_id, "--show-failures", "1000"]
    if question_set.dimensions:
        command += ["--dimensions", ",".join(question_set.dimensions)]
    # the evaluator's stderr (a failed `ask` run's traceback) goes straight to ours, so a set of "no answer" says why
    run = subprocess.run(command, cwd=ROOT, env={**os.environ, "EVAL_PYTHON": python}, stdout=subprocess.PIPE,
                         text=True, check=True)
    return run.stdout, set(_FAILED.findall(run.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs manage.py")
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".run", help="where generated CSVs are written")
    parser.add_argument("names", nargs="*", help="only these sets (default: all)")
    args = parser.parse_args(argv)
    chosen = [s for s in SETS if not args.names or s.name in args.names]
    if args.names and len(chosen) != len(set(args.names)):
        parser.error(f"unknown set among {', '.join(args.names)}; sets: {', '.join(s.name for s in SETS)}")
    args.run_dir.mkdir(parents=True, exist_ok=True)

    summary, unexpected = [], []
    for question_set in chosen:
        data = question_set.write_data(args.run_dir)
        _set_up(question_set, python=args.python, data=data)
        report, missed = _score(question_set, python=args.python, data=data)
        print(f"== {question_set.name}\n{report}", flush=True)
        headline = _HEADLINE.search(report)
        summary.append(f"{question_set.name:<24} {headline.group(0) if headline else 'no score'}"
                       + (f"  (contested: {', '.join(sorted(question_set.contested))})"
                          if question_set.contested else ""))
        surprises = missed ^ question_set.contested
        if surprises or headline is None:
            unexpected.append(f"{question_set.name}: {', '.join(sorted(surprises)) or 'no score'}")
    print("\n".join(["", *summary]))
    if unexpected:
        print("turns that missed (or contested turns now right, whose label the engine no longer contests): "
              + "; ".join(unexpected))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
