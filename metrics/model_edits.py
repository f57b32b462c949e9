"""The tenant's edits to its semantic model: measure labels, words, direction and format; derived measures;
dimension labels and words; member aliases.

Stored as one document in the tenant's table (``SEMANTIC / EDITS``, with a
revision for optimistic writes), apart from the dataset versions, and laid over
the current version's model whenever it is read (``with_edits``): so an edit
is kept across re-imports wherever the names it talks about persist, and
silently waits where they do not. The parser, the narrative and the UIs see
edits only through the ``SemanticModel`` they already read.

Every edit is validated against the model it lands on: the measure or
dimension must exist, a derived measure's parts must exist, and a word may
name only one thing (a measure, a dimension, or a member).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError

from core.text import InvalidText, clean_text
from metrics.errors import MetricsError
from metrics.measures import Computation, Direction, Format, Measure, snake_case
from metrics.semantic import Dimension, SemanticModel
from tenants.context import TenantContext
from tenants.storage import TenantItem, bind

EDITS_PK = "SEMANTIC"
EDITS_SK = "EDITS"
EDITS_TTL = 1.0  # seconds another process may serve an edit late, like the current-version pointer
MODEL_CACHE_SIZE = 256
MAX_WORDS = 30
MAX_WORD_LENGTH = 60
MAX_DERIVED = 50
MAX_ALIASES = 500
MAX_LABEL_LENGTH = 100
MAX_MEMBER_LENGTH = 500

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_edits: dict[str, tuple[float, ModelEdits]] = {}
_models: OrderedDict[tuple[str, str, int], SemanticModel] = OrderedDict()


class ModelEditError(MetricsError):
    code = "invalid_model_edit"


class UnknownModelName(MetricsError):
    status_code = 404
    code = "not_in_model"


class EditConflict(MetricsError):
    status_code = 409
    code = "model_edit_conflict"


def _phrase(word: str) -> str:
    return " ".join(word.casefold().split())


def _words(values: Iterable[str]) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(_phrase(v) for v in values if _phrase(v)))
    if len(words) > MAX_WORDS:
        raise ValueError(f"at most {MAX_WORDS} words")
    for word in words:
        if len(word) > MAX_WORD_LENGTH or not re.search(r"\w", word):
            raise ValueError(f"{word!r} is not a word people could type (letters or digits, at most "
                             f"{MAX_WORD_LENGTH} characters)")
    return words


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MeasureEdit(_Strict):
    label: str | None = Field(default=None, min_length=1, max_length=MAX_LABEL_LENGTH)
    words: tuple[str, ...] | None = None
    direction: Direction | None = None
    format: Format | None = None

    @field_validator("words")
    @classmethod
    def check_words(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else _words(value)


class DerivedMeasure(_Strict):
    name: str = Field(min_length=1, max_length=64)
    kind: Literal["ratio", "ratio_pct", "difference"]
    a: str
    b: str
    label: str | None = Field(default=None, min_length=1, max_length=MAX_LABEL_LENGTH)
    words: tuple[str, ...] = ()
    direction: Direction = Direction.GOOD
    format: Format | None = None

    @field_validator("words")
    @classmethod
    def check_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _words(value)

    @field_validator("name")
    @classmethod
    def _snake(cls, value: str) -> str:
        if snake_case(value) != value:
            raise ValueError(f"a measure's name is lower snake_case, like {snake_case(value) or 'profit_per_order'!r}")
        return value

    def measure(self) -> Measure:
        spoken = self.name.replace("_", " ")
        return Measure(
            name=self.name, label=self.label or spoken.capitalize(), words=tuple(dict.fromkeys((spoken, *self.words))),
            direction=self.direction,
            format=self.format or (Format.PERCENT if self.kind == "ratio_pct" else Format.NUMBER),
            computation=Computation(kind=self.kind, a=self.a, b=self.b),
        )


class DimensionEdit(_Strict):
    label: str | None = Field(default=None, min_length=1, max_length=MAX_LABEL_LENGTH)
    words: tuple[str, ...] | None = None
    aliases: dict[str, str] | None = Field(default=None, description="alias → member")

    @field_validator("words")
    @classmethod
    def check_words(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else _words(value)

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is None:
            return None
        if len(value) > MAX_ALIASES:
            raise ValueError(f"at most {MAX_ALIASES} aliases")
        for alias in value:
            if not _words([alias]):
                raise ValueError("an alias needs letters or digits")
        return {alias.strip(): member for alias, member in value.items()}


class ModelEdits(_Strict):
    revision: int = 0
    measures: dict[str, MeasureEdit] = {}
    derived: tuple[DerivedMeasure, ...] = ()  # in the order they were defined: later ones may use earlier ones
    dimensions: dict[str, DimensionEdit] = {}


class ModelEditsItem(TenantItem):
    revision = NumberAttribute()
    document = UnicodeAttribute()


# --- applying ----------------------------------------------------------------------------------------------
def apply_edits(model: SemanticModel, edits: ModelEdits) -> SemanticModel:
    """``model`` with every edit whose names it has; the rest wait for a dataset that has them."""
    if not (edits.measures or edits.derived or edits.dimensions):
        return model
    definitions = dict(model.definitions)
    for name, edit in edits.measures.items():
        if name in definitions:
            definitions[name] = _edited_measure(definitions[name], edit)
    measures = list(model.measures)
    for derived in edits.derived:
        if derived.name not in definitions and {derived.a, derived.b} <= definitions.keys():
            definitions[derived.name] = _edited_measure(derived.measure(), edits.measures.get(derived.name))
            measures.append(derived.name)
    details = dict(model.dimension_details)
    for name, edit in edits.dimensions.items():
        if name in details:
            details[name] = _edited_dimension(details[name], edit, members=set(model.dimensions[name]))
    return dataclasses.replace(model, measures=tuple(measures), definitions=definitions, dimension_details=details)


def _edited_measure(measure: Measure, edit: MeasureEdit | None) -> Measure:
    if edit is None:
        return measure
    return measure.model_copy(update=edit.model_dump(exclude_none=True))


def _edited_dimension(dimension: Dimension, edit: DimensionEdit, *, members: set[str]) -> Dimension:
    update: dict[str, object] = {key: value for key, value in (("label", edit.label), ("words", edit.words))
                                 if value is not None}
    if edit.aliases is not None:
        update["aliases"] = tuple((alias, member) for alias, member in edit.aliases.items() if member in members)
    return dimension.model_copy(update=update)


def _owners(model: SemanticModel) -> dict[str, set[tuple[str, str]]]:
    """Every phrase people may use for something in ``model`` → the things it names."""
    owners: dict[str, set[tuple[str, str]]] = {}

    def add(phrase: str, thing: tuple[str, str]) -> None:
        owners.setdefault(_phrase(phrase), set()).add(thing)

    for name, measure in model.definitions.items():
        for word in (name.replace("_", " "), *measure.words):
            add(word, ("measure", name))
    for name, dimension in model.dimension_details.items():
        for word in (name, *dimension.words):
            add(word, ("dimension", name))
        for alias, member in dimension.aliases:
            add(alias, ("member", f"{name}:{member}"))
        for member in model.dimensions[name]:
            add(member, ("member", f"{name}:{member}"))
    return owners


def _refuse_collisions(model: SemanticModel, *, words: Iterable[str], thing: tuple[str, str]) -> None:
    owners = _owners(model)
    for word in words:
        others = owners.get(_phrase(word), set()) - {thing}
        if others:
            kind, name = sorted(others)[0]
            raise ModelEditError(f"{word!r} already names the {kind} {name!r}; a word may name only one thing.")


# --- reads -------------------------------------------------------------------------------------------------
def model_edits(*, tenant: TenantContext, fresh: bool = False) -> ModelEdits:
    """The tenant's edits (an empty set before the first), cached for ``EDITS_TTL`` seconds per process
    unless ``fresh`` (writes build on the stored revision)."""
    cached = None if fresh else recent_edits(tenant=tenant, now=time.monotonic())
    if cached is not None:
        return cached
    Record = bind(ModelEditsItem, tenant=tenant)
    try:
        document = Record.get(EDITS_PK, EDITS_SK, consistent_read=True).document
    except Record.DoesNotExist:
        document = None
    return remember_stored_edits(tenant=tenant, document=document)


def recent_edits(*, tenant: TenantContext, now: float) -> ModelEdits | None:
    """The edits this process read or wrote less than ``EDITS_TTL`` seconds before ``now``, else None."""
    with _lock:
        cached = _edits.get(tenant.table_name)
    return cached[1] if cached is not None and now - cached[0] < EDITS_TTL else None


def remember_stored_edits(*, tenant: TenantContext, document: str | None) -> ModelEdits:
    """The edits of a stored ``ModelEditsItem`` document (None: no item, no edits), cached as just read
    (``metrics.selectors`` reads the item beside the current-version pointer)."""
    edits = ModelEdits() if document is None else _stored(document, tenant=tenant)
    _remember(tenant, edits)
    return edits


def _stored(document: str, *, tenant: TenantContext) -> ModelEdits:
    """The stored edits that still validate. Text stored before today's rules (a lone surrogate, a control
    character in an alias) is skipped and logged, item by item: one bad word never fails every read of the
    model. The next write stores what is kept."""
    try:
        # json, not pydantic's parser: it reads an escaped lone surrogate, which pydantic refuses outright.
        stored = json.loads(document)
    except ValueError:
        stored = None
    if not isinstance(stored, dict):
        logger.error("stored model edits unreadable; none applied", extra={"tenantId": tenant.tenant_id})
        return ModelEdits()

    def kept(kind: type[_Strict], data: object, *, where: str) -> _Strict | None:
        try:
            return kind.model_validate(_readable(data, where=where, tenant=tenant))
        except ValidationError as exc:
            logger.warning("stored model edit skipped: %s (%s)", where, exc.errors()[0]["msg"],
                           extra={"tenantId": tenant.tenant_id})
            return None

    def entries(key: str) -> list[tuple[str, object]]:
        found = stored.get(key)
        if key == "derived":
            return [(str(i), entry) for i, entry in enumerate(found)] if isinstance(found, list) else []
        return list(found.items()) if isinstance(found, dict) else []

    revision = stored.get("revision")
    return ModelEdits(
        revision=revision if isinstance(revision, int) else 0,
        measures={name: edit for name, data in entries("measures")
                  if (edit := kept(MeasureEdit, data, where=f"measure {name!r}")) is not None},
        derived=tuple(edit for index, data in entries("derived")
                      if (edit := kept(DerivedMeasure, data, where=f"derived measure #{index}")) is not None),
        dimensions={name: edit for name, data in entries("dimensions")
                    if (edit := kept(DimensionEdit, data, where=f"dimension {name!r}")) is not None},
    )


def _readable(data: object, *, where: str, tenant: TenantContext) -> object:
    """``data`` (one stored edit) without the label, words and aliases the one text validation now refuses."""
    if not isinstance(data, dict):
        return data

    def valid(field: str, value: object, limit: int) -> bool:
        if not isinstance(value, str) or not value.strip():
            return True  # not text people typed: the edit's own validation decides
        try:
            clean_text(value, field=field, max_chars=limit)
        except InvalidText as exc:
            logger.warning("stored model %s skipped in %s: %s", field, where, exc, extra={"tenantId": tenant.tenant_id})
            return False
        return True

    readable = dict(data)
    if "label" in readable and not valid("label", readable["label"], MAX_LABEL_LENGTH):
        del readable["label"]
    if isinstance(readable.get("words"), list):
        readable["words"] = [word for word in readable["words"] if valid("word", word, MAX_WORD_LENGTH)]
    if isinstance(readable.get("aliases"), dict):
        readable["aliases"] = {alias: member for alias, member in readable["aliases"].items()
                               if valid("alias", alias, MAX_WORD_LENGTH) and valid("member", member, MAX_MEMBER_LENGTH)}
    return readable


def _remember(tenant: TenantContext, edits: ModelEdits) -> None:
    with _lock:
        _edits[tenant.table_name] = (time.monotonic(), edits)


def with_edits(*, tenant: TenantContext, model: SemanticModel, edits: ModelEdits) -> SemanticModel:
    """``model`` as ``edits`` change it; the same object for the same table, version and revision."""
    if edits.revision == 0:
        return model
    key = (tenant.table_name, model.version, edits.revision)
    with _lock:
        edited = _models.get(key)
        if edited is not None:
            _models.move_to_end(key)
            return edited
    edited = apply_edits(model, edits)
    with _lock:
        _models[key] = edited
        while len(_models) > MODEL_CACHE_SIZE:
            _models.popitem(last=False)
    return edited


# --- writes ------------------------------------------------------------------------------------------------
def edit_measure(*, tenant: TenantContext, model: SemanticModel, name: str, changes: dict[str, object]) -> ModelEdits:
    """Change a measure's label, words, direction or format; ``model`` is the current one, edits applied."""
    if name not in model.definitions:
        raise UnknownModelName(f"There is no measure {name!r}; there are {', '.join(model.measures)}.")
    edit = _parsed(MeasureEdit, changes)
    if edit.words is not None:
        _refuse_collisions(model, words=edit.words, thing=("measure", name))
    edits = model_edits(tenant=tenant, fresh=True)
    merged = {**(edits.measures[name].model_dump(exclude_none=True) if name in edits.measures else {}),
              **edit.model_dump(exclude_none=True)}
    return _save(tenant=tenant, edits=edits.model_copy(
        update={"measures": {**edits.measures, name: MeasureEdit(**merged)}}))


def add_derived_measure(*, tenant: TenantContext, model: SemanticModel, definition: dict[str, object]) -> ModelEdits:
    derived = _parsed(DerivedMeasure, definition)
    edits = model_edits(tenant=tenant, fresh=True)
    if derived.name in model.definitions or derived.name in model.dimensions:
        raise ModelEditError(f"{derived.name!r} is already the name of a measure or dimension.")
    for part in (derived.a, derived.b):
        if part not in model.definitions:
            raise ModelEditError(f"{part!r} is no measure of this dataset; it has {', '.join(model.measures)}.")
    if len(edits.derived) >= MAX_DERIVED:
        raise ModelEditError(f"A dataset may have at most {MAX_DERIVED} derived measures.")
    measure = derived.measure()
    _refuse_collisions(model, words=measure.words, thing=("measure", derived.name))
    kept = tuple(d for d in edits.derived if d.name != derived.name)
    return _save(tenant=tenant, edits=edits.model_copy(update={"derived": (*kept, derived)}))


def remove_derived_measure(*, tenant: TenantContext, name: str) -> ModelEdits:
    edits = model_edits(tenant=tenant, fresh=True)
    if name not in {d.name for d in edits.derived}:
        raise UnknownModelName(f"{name!r} is not a measure you defined; only those can be removed.")
    users = [d.name for d in edits.derived if name in (d.a, d.b)]
    if users:
        raise ModelEditError(f"{', '.join(users)} is computed from {name!r}; remove it first.")
    measures = {k: v for k, v in edits.measures.items() if k != name}
    return _save(tenant=tenant, edits=edits.model_copy(
        update={"derived": tuple(d for d in edits.derived if d.name != name), "measures": measures}))


def edit_dimension(
    *, tenant: TenantContext, model: SemanticModel, name: str, changes: dict[str, object]
) -> ModelEdits:
    """Change a dimension's label, words or member aliases (aliases replace the previous set)."""
    if name not in model.dimensions:
        raise UnknownModelName(f"There is no dimension {name!r}; there are {', '.join(model.dimensions)}.")
    edit = _parsed(DimensionEdit, changes)
    if edit.words is not None:
        _refuse_collisions(model, words=edit.words, thing=("dimension", name))
    members = set(model.dimensions[name])
    for alias, member in (edit.aliases or {}).items():
        if member not in members:
            raise ModelEditError(f"{name!r} has no member {member!r} for the alias {alias!r}.")
        _refuse_collisions(model, words=[alias], thing=("member", f"{name}:{member}"))
    edits = model_edits(tenant=tenant, fresh=True)
    merged = {**(edits.dimensions[name].model_dump(exclude_none=True) if name in edits.dimensions else {}),
              **edit.model_dump(exclude_none=True)}
    return _save(tenant=tenant, edits=edits.model_copy(
        update={"dimensions": {**edits.dimensions, name: DimensionEdit(**merged)}}))


def _checked_text(data: dict[str, object]) -> None:
    """People's text of an edit through the one validation (``core.text``): no control characters, bidi
    overrides or lone surrogates reach the stored model, whose every read would then fail. On writes only:
    stored edits load as they are."""
    texts = [("label", data.get("label"), MAX_LABEL_LENGTH)]
    texts += [("word", word, MAX_WORD_LENGTH) for word in data.get("words") or () if isinstance(word, str)
              and word.strip()]  # blank words are dropped, not refused
    aliases = data.get("aliases")
    if isinstance(aliases, dict):
        for alias, member in aliases.items():
            texts += [("alias", alias, MAX_WORD_LENGTH), ("member", member, MAX_MEMBER_LENGTH)]
    for field, value, limit in texts:
        if isinstance(value, str):
            clean_text(value, field=field, max_chars=limit)


def _parsed(kind: type[_Strict], data: dict[str, object]) -> _Strict:
    _checked_text(data)
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ModelEditError(f"{where + ': ' if where else ''}{first['msg']}") from exc


def _save(*, tenant: TenantContext, edits: ModelEdits) -> ModelEdits:
    """Write ``edits`` as the next revision, unless someone else wrote one since they were read."""
    Record = bind(ModelEditsItem, tenant=tenant)
    saved = edits.model_copy(update={"revision": edits.revision + 1})
    condition = Record.pk.does_not_exist() if edits.revision == 0 else Record.revision == edits.revision
    try:
        Record(pk=EDITS_PK, sk=EDITS_SK, revision=saved.revision,
               document=json.dumps(saved.model_dump(mode="json"))).save(condition=condition)
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            with _lock:
                _edits.pop(tenant.table_name, None)
            raise EditConflict("Someone else changed the data model meanwhile; reload it and try again.") from exc
        raise
    _remember(tenant, saved)
    return saved
