"""Ask a tenant's data a question from the command line (shared/spec/ask-contract.md, "The command")."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chat.dates import as_of_from
from chat.services import ask
from core.errors import AppError
from metrics.errors import NoDataset
from metrics.selectors import get_semantic_model
from tenants.context import TenantContext
from tenants.errors import TenantError
from tenants.selectors import get_tenant_context

AUTHOR = "cli"


@dataclass(frozen=True)
class BatchLine:
    id: str
    question: str
    as_of: date | None
    follow_up: bool


def _as_of(raw: str | None, *, where: str) -> date | None:
    try:
        return as_of_from(raw)
    except AppError as exc:
        raise CommandError(f"{where}: {exc}") from None


def read_batch(path: Path) -> list[BatchLine]:
    """Every line checked before any question is asked, so a bad file answers nothing."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{where}: not JSON ({exc.msg}).") from None
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise CommandError(f'{where}: expected an object with a "question" string.')
        lines.append(
            BatchLine(
                id=str(item.get("id", number)),
                question=item["question"],
                as_of=_as_of(item.get("as_of"), where=where),
                follow_up=bool(item.get("follow_up", False)),
            )
        )
    return lines


class Command(BaseCommand):
    help = "Answer a question about a tenant's data; --json prints the answer object of the ask contract."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant_id")
        parser.add_argument("question", nargs="?")
        parser.add_argument("--json", action="store_true", help="print the answer object as one JSON line")
        parser.add_argument("--as-of", help="resolve relative periods against this date (YYYY-MM-DD)")
        parser.add_argument("--conversation", help="continue this conversation (follow-ups)")
        parser.add_argument("--batch", type=Path, help="a JSON-lines file of questions (with --json)")

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["batch"]) == bool(options["question"]):
            raise CommandError("Give either a question or --batch FILE.")
        if options["batch"] and not options["json"]:
            raise CommandError("--batch answers in JSON lines; add --json.")
        try:
            tenant = get_tenant_context(tenant_id=options["tenant_id"], email=AUTHOR)
        except TenantError as exc:
            raise CommandError(str(exc)) from exc
        try:
            get_semantic_model(tenant=tenant)
        except NoDataset as exc:
            raise CommandError(f"Tenant {tenant.tenant_id!r} has no data yet; import a dataset first.") from exc
        if options["batch"]:
            self._batch(tenant, read_batch(options["batch"]))
        else:
            self._one(tenant, options)

    def _answer(self, tenant: TenantContext, *, question: str, as_of: date | None, conversation: str | None):
        try:
            return ask(tenant=tenant, conversation_id=conversation, text=question, as_of=as_of, author=AUTHOR)
        except AppError as exc:
            raise CommandError(str(exc)) from exc

    def _one(self, tenant: TenantContext, options: dict[str, Any]) -> None:
        outcome = self._answer(
            tenant,
            question=options["question"],
            as_of=_as_of(options["as_of"], where="--as-of"),
            conversation=options["conversation"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(outcome.answer, ensure_ascii=False))
        else:
            self.stdout.write(outcome.answer["narrative"])

    def _batch(self, tenant: TenantContext, lines: list[BatchLine]) -> None:
        conversation: str | None = None
        for line in lines:
            outcome = self._answer(
                tenant,
                question=line.question,
                as_of=line.as_of,
                conversation=conversation if line.follow_up else None,
            )
            conversation = outcome.conversation_id
            self.stdout.write(json.dumps({"id": line.id, **outcome.answer}, ensure_ascii=False))
            self.stdout.flush()
