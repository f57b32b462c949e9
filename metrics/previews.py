"""What an uploaded file holds before it is imported: its columns and the role each would get.

The page shows this so a person can change roles before confirming. A problem in the rows (a blank member,
a stray "$12") may go away with other roles, so it is reported beside the columns rather than instead of them;
a file that cannot be read at all is refused. Rows that repeat a date and members are added together on
import; when a numeric column that looks like an identifier was read as a measure, that may be why they
repeat, and the note says so.
"""
from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from metrics.errors import InvalidDataset
from metrics.measures import snake_case
from metrics.reading import RawTable, read_table
from metrics.services import dataset_limits, read_facts
from metrics.uploads import opened_upload
from metrics.validation import DATE_COLUMN, NUMBER, Facts, Role

# The last word of a column's name that says it identifies something rather than counts it.
IDENTIFIER_WORDS = frozenset({"id", "code"})


def column_preview(*, name: str) -> dict[str, Any]:
    """``rows`` (the file's), ``first_date``, ``last_date``, ``columns`` (column, role, name, members),
    ``problem`` (what the import would refuse) and ``note`` (what it would do that may not be meant)."""
    limits = dataset_limits()
    with opened_upload(name=name) as stream:
        try:
            facts = read_facts(stream)
        except InvalidDataset as exc:
            if exc.line is None or exc.line <= 1:
                raise  # the file itself is unreadable: no roles would help
            raw = read_table(stream, max_columns=limits.max_columns, max_rows=limits.max_rows)
            columns = [{"column": column, "name": column, **_detected(column, values)}
                       for column, values in zip(raw.header, raw.columns, strict=True)]
            return {"rows": raw.row_count, "first_date": None, "last_date": None, "columns": columns,
                    "problem": str(exc), "note": None}
        # Read again only when rows repeat: the hint needs the values before they were added together.
        raw = (read_table(stream, max_columns=limits.max_columns, max_rows=limits.max_rows)
               if facts.added_together else None)
    columns = [{**role.as_json(), "members": len(facts.members[role.name]) if role.name in facts.members else None}
               for role in facts.roles]
    return {"rows": facts.file_rows, "first_date": facts.first_date, "last_date": facts.last_date,
            "columns": columns, "problem": None, "note": _repeats_note(facts, raw) if raw is not None else None}


def _detected(column: str, values: pa.Array) -> dict[str, Any]:
    """The role a column gets unless told otherwise, decided as ``metrics.validation`` does."""
    if column.strip().casefold() == DATE_COLUMN:
        return {"role": Role.DATE, "members": None}
    text = pc.utf8_trim_whitespace(values)
    numbers = pc.or_(pc.equal(text, ""), pc.match_substring_regex(text, NUMBER))
    if pc.all(numbers).as_py() is not False:
        return {"role": Role.MEASURE, "members": None}
    return {"role": Role.DIMENSION, "members": len(pc.unique(text))}


def _repeats_note(facts: Facts, raw: RawTable) -> str:
    repeats = facts.added_together
    note = (f"{repeats:,} {'row shares' if repeats == 1 else 'rows share'} a date and members with an earlier "
            "row; the import adds them together.")
    suspects = _identifier_measures(facts, raw)
    if not suspects:
        return note
    one = len(suspects) == 1
    names = suspects[0] if one else f"{', '.join(suspects[:-1])} and {suspects[-1]}"
    return (f"{note} {names} {'was' if one else 'were'} read as {'a measure' if one else 'measures'}, "
            f"so {'its' if one else 'their'} numbers would be added up too; if {'it names' if one else 'they name'} "
            f"something (a store, a code), make {'it a dimension' if one else 'them dimensions'}.")


def _identifier_measures(facts: Facts, raw: RawTable) -> list[str]:
    """Measure columns that look like identifiers: named so (``store_id``, ``BranchCode``), or whole numbers
    repeated across rows that, taken as a member, leave no two rows with the same date and members."""
    position = {column.strip(): index for index, column in enumerate(raw.header)}  # roles name them stripped
    keys = [pc.utf8_trim_whitespace(raw.columns[position[role.column]])
            for role in facts.roles if role.role != Role.MEASURE]
    return [role.column for role in facts.roles if role.role == Role.MEASURE and (
        snake_case(role.column).rsplit("_", 1)[-1] in IDENTIFIER_WORDS
        or _separates_rows(raw.columns[position[role.column]], keys=keys))]


def _separates_rows(column: pa.Array, *, keys: list[pa.Array]) -> bool:
    """Whether a column of few whole numbers (at most a fifth as many as rows, as store numbers are), added to the
    keys, makes every row's key its own."""
    text = pc.utf8_trim_whitespace(column)
    values = pc.cast(pc.if_else(pc.equal(text, ""), pa.scalar("0"), text), pa.float64())
    whole = pc.all(pc.equal(pc.floor(values), values)).as_py()
    if not whole or 5 * pc.count_distinct(values).as_py() > len(values):
        return False
    names = [f"k{i}" for i in range(len(keys) + 1)]
    table = pa.table([*keys, values], names=names)
    return table.group_by(names, use_threads=False).aggregate([]).num_rows == len(values)
