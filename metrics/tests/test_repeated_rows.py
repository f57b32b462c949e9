"""Transaction-level files (many rows per date and members): added together on import, answered as their sums."""
from __future__ import annotations

import cProfile
import csv
import io
import pstats
import random
from datetime import date, timedelta

import pyarrow as pa
import pytest

from metrics.errors import DatasetExists, InvalidDataset
from metrics.reading import RawTable
from metrics.selectors import QuerySpec, query, query_many
from metrics.services import dataset_limits, import_dataset, read_facts
from metrics.tests.conftest import Gold, label
from metrics.validation import validate

MEASURES = ("revenue", "units", "discount")
START, END = date(2024, 1, 1), date(2024, 3, 10)


def orders_csv(*, seed: int = 3) -> str:
    """One row per order: most days and members have several, in no order, with blank cells and negatives."""
    rng = random.Random(seed)
    rows = []
    for _ in range(2500):
        day = START + timedelta(days=rng.randint(0, (END - START).days))
        rows.append([day.isoformat(), rng.choice(["EMEA", "APAC", "LATAM"]), rng.choice(["Web", "Shop"]),
                     "" if rng.random() < 0.1 else round(rng.uniform(-20, 400), 2), rng.randint(1, 4),
                     "" if rng.random() < 0.7 else round(rng.uniform(0, 15), 2)])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "region", "channel", *MEASURES])
    writer.writerows(rows)
    return out.getvalue()


def keys_of(text: str) -> set[tuple[str, ...]]:
    return {(r["date"], r["region"], r["channel"]) for r in csv.DictReader(io.StringIO(text))}


def test_repeated_rows_are_added_together_and_every_answer_is_the_sum_of_the_files_rows(tenant, import_csv):
    text = orders_csv()
    gold, distinct = Gold(text, measures=MEASURES), keys_of(text)
    result = import_csv(tenant, text)
    assert (result.rows, result.added_together) == (len(distinct), 2500 - len(distinct))
    assert result.as_json()["note"] == (f"{2500 - len(distinct):,} rows shared a date and members with an earlier "
                                        "row and were added together.")
    whole = query(tenant=tenant, start=START, end=END).total
    assert whole.sums == pytest.approx({m: s for m, s in gold.sums(START, END, {})[None].items() if m in MEASURES})
    emea = {"region": ["EMEA"]}
    specs = [QuerySpec(start=START, end=END, group_by="channel", constraints=emea),
             QuerySpec(start=START, end=END, grain="day", constraints={"channel": ["Web"]}),
             QuerySpec(start=date(2024, 2, 1), end=END, grain="week")]
    by_channel, daily, weekly = query_many(tenant=tenant, specs=specs)
    expected = gold.sums(START, END, emea, key=lambda r: r["channel"])
    assert {c.key: c.sums["revenue"] for c in by_channel.rows} == pytest.approx(
        {k: v["revenue"] for k, v in expected.items()})
    expected = gold.sums(START, END, {"channel": ["Web"]}, key=lambda r: label(r["date"], "day"))
    assert {(c.key, m): c.sums[m] for c in daily.rows if c.facts for m in ("units", "discount")} == pytest.approx(
        {(k, m): v[m] for k, v in expected.items() for m in ("units", "discount")})
    expected = gold.sums(date(2024, 2, 1), END, {}, key=lambda r: label(r["date"], "week"))
    assert {c.key: c.sums["revenue"] for c in weekly.rows} == pytest.approx(
        {k: v["revenue"] for k, v in expected.items()})


def test_the_stored_facts_hold_one_row_per_date_and_members_in_date_order():
    text = orders_csv(seed=11)
    facts = read_facts(io.BytesIO(text.encode()))
    table = facts.table
    stored = list(zip(*(table.column(c).to_pylist() for c in ("date", "region", "channel")), strict=True))
    assert len(stored) == len(set(stored)) == len(keys_of(text)) and facts.file_rows == 2500
    assert [d for d, _, _ in stored] == sorted(d for d, _, _ in stored)
    assert pa.types.is_dictionary(table.schema.field("region").type)  # still dictionary-encoded for Parquet
    assert facts.members == {"region": ("APAC", "EMEA", "LATAM"), "channel": ("Shop", "Web")}


def test_blank_cells_of_repeated_rows_add_as_zero_and_a_lone_row_is_untouched(tenant, import_csv):
    import_csv(tenant, "date,region,revenue,units\n2024-01-02,EMEA,,1\n2024-01-01,APAC,5,\n2024-01-02,EMEA,,\n"
                       "2024-01-02,EMEA,7,\n2024-01-03,EMEA,,\n2024-01-03,EMEA,,\n")
    daily = query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 3), grain="day")
    assert {c.key: c.sums for c in daily.rows} == {"2024-01-01": {"revenue": 5, "units": 0},
                                                    "2024-01-02": {"revenue": 7, "units": 1},
                                                    "2024-01-03": {"revenue": 0, "units": 0}}


def test_the_row_limit_counts_the_files_rows_before_they_are_added_together(tenant, import_csv, settings):
    settings.SALESTALK_MAX_DATASET_ROWS = 3
    with pytest.raises(InvalidDataset, match="4 rows; the limit is 3"):
        import_csv(tenant, "date,revenue\n" + "2024-01-01,1\n" * 4)


def test_repeats_are_added_within_one_file_never_to_the_dataset_already_stored(tenant, import_csv):
    import_csv(tenant, "date,region,revenue\n2024-01-01,EMEA,10\n2024-01-01,EMEA,5\n")
    with pytest.raises(DatasetExists):  # no appending: an import without replace over a dataset is refused
        import_csv(tenant, "date,region,revenue\n2024-01-01,EMEA,1\n")
    import_csv(tenant, "date,region,revenue\n2024-01-01,EMEA,1\n2024-01-01,EMEA,2\n", replace=True)
    assert query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 1)).total.sums == {"revenue": 3}


def test_a_dimension_named_like_a_measures_aggregate_keeps_both_apart(tenant, import_csv):
    import_csv(tenant, "date,revenue_sum,revenue\n2024-01-01,a,1\n2024-01-01,a,2\n2024-01-01,b,4\n")
    split = query(tenant=tenant, start=date(2024, 1, 1), end=date(2024, 1, 1), group_by="revenue_sum")
    assert {c.key: c.sums["revenue"] for c in split.rows} == {"a": 3, "b": 4}


def python_calls(rows: int) -> int:
    """Python function calls validating ``rows`` transaction rows of the same members: what grows per row."""
    days = [(START + timedelta(days=i % 60)).isoformat() for i in range(rows)]
    raw = RawTable(header=["date", "region", "revenue"],
                   columns=[pa.array(days), pa.array(["EMEA", "APAC"] * (rows // 2)),
                            pa.array([str(i % 97) for i in range(rows)])], line_of=lambda i: i + 2)
    profile = cProfile.Profile()
    profile.runcall(validate, raw, limits=dataset_limits())
    return pstats.Stats(profile).total_calls


def test_adding_rows_together_does_no_python_work_per_row():
    # A million rows must stay columnar: 100 times the rows, the same Python calls (none is per row).
    python_calls(100)  # the first run imports what validation loads lazily
    assert python_calls(200_000) <= python_calls(2_000) + 20


def test_a_file_without_repeats_keeps_its_columns_and_reports_none_added():
    facts = read_facts(io.BytesIO(b"date,region,revenue\n2024-01-02,EMEA,1.5\n2024-01-01,APAC,2\n2024-01-01,EMEA,3\n"))
    assert (facts.added_together, facts.row_count, facts.file_rows) == (0, 3, 3)
    assert facts.table.column("revenue").to_pylist() == [2.0, 3.0, 1.5]  # sorted by date, values as written


def test_the_same_file_left_alone_reports_what_its_import_added_together(tenant):
    text = b"date,region,revenue\n2024-01-01,EMEA,10\n2024-01-01,EMEA,5\n2024-01-01,EMEA,1\n2024-01-02,APAC,2\n"
    first = import_dataset(tenant=tenant, stream=io.BytesIO(text), source="a.csv", replace=False)
    again = import_dataset(tenant=tenant, stream=io.BytesIO(text), source="a.csv", replace=True, only_if_changed=True)
    assert (first.status, first.rows, first.added_together) == ("imported", 2, 2)
    assert (again.status, again.rows, again.added_together) == ("unchanged", 2, 2)
    assert again.as_json()["note"] == first.as_json()["note"] is not None
