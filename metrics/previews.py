"""What an uploaded file holds before it is imported: its columns and the role each would get.

The page shows this so a person can change roles before confirming. A problem in the rows (a numeric
``store_id`` read as a measure repeats rows) may go away with other roles, so it is reported beside the
columns rather than instead of them; a file that cannot be read at all is refused.
"""
from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from metrics.errors import InvalidDataset
from metrics.reading import read_table
from metrics.services import dataset_limits, read_facts
from metrics.uploads import opened_upload
from metrics.validation import DATE_COLUMN, NUMBER, Role


def column_preview(*, name: str) -> dict[str, Any]:
    """``rows``, ``first_date``, ``last_date``, ``columns`` (column, role, name, members) and ``problem``."""
    with opened_upload(name=name) as stream:
        try:
            facts = read_facts(stream)
        except InvalidDataset as exc:
            if exc.line is None or exc.line <= 1:
                raise  # the file itself is unreadable: no roles would help
            limits = dataset_limits()
            raw = read_table(stream, max_columns=limits.max_columns, max_rows=limits.max_rows)
            columns = [{"column": column, "name": column, **_detected(column, values)}
                       for column, values in zip(raw.header, raw.columns, strict=True)]
            return {"rows": raw.row_count, "first_date": None, "last_date": None, "columns": columns,
                    "problem": str(exc)}
    columns = [{**role.as_json(), "members": len(facts.members[role.name]) if role.name in facts.members else None}
               for role in facts.roles]
    return {"rows": facts.row_count, "first_date": facts.first_date, "last_date": facts.last_date,
            "columns": columns, "problem": None}


def _detected(column: str, values: pa.Array) -> dict[str, Any]:
    """The role a column gets unless told otherwise, decided as ``metrics.validation`` does."""
    if column.strip().casefold() == DATE_COLUMN:
        return {"role": Role.DATE, "members": None}
    text = pc.utf8_trim_whitespace(values)
    numbers = pc.or_(pc.equal(text, ""), pc.match_substring_regex(text, NUMBER))
    if pc.all(numbers).as_py() is not False:
        return {"role": Role.MEASURE, "members": None}
    return {"role": Role.DIMENSION, "members": len(pc.unique(text))}
