"""``QuerySpec.compare``: each member's change between two periods, computed in SQL, checked against sums
computed from the CSV with the standard library."""
from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise

import pytest

from metrics import engine
from metrics.compiler import compile_many, compile_query
from metrics.errors import InvalidQuery, UnknownMeasure
from metrics.selectors import Comparison, QuerySpec, get_semantic_model, query_many
from metrics.tests.conftest import Gold, label, sparse_csv, wide_csv
from metrics.tests.test_query import close, gold_value

GRAINS = ("day", "week", "month", "quarter", "year")
# (period, comparison): whole months (the monthly pre-aggregate), odd edges (the facts), overlapping periods,
# periods reaching past the data's ends (grains counted inside the data only), a comparison with no facts,
# whole months of the data from a day before it (the pre-aggregate's month read whole).
PAIRS = [
    ((date(2024, 3, 1), date(2024, 3, 31)), (date(2024, 2, 1), date(2024, 2, 29))),
    ((date(2024, 3, 10), date(2024, 4, 20)), (date(2024, 1, 25), date(2024, 3, 5))),
    ((date(2024, 4, 1), date(2024, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30))),
    ((date(2024, 12, 1), date(2025, 3, 31)), (date(2023, 11, 1), date(2024, 1, 31))),
    ((date(2024, 12, 30), date(2025, 1, 5)), (date(2022, 1, 1), date(2022, 12, 31))),
    ((date(2024, 1, 1), date(2024, 1, 31)), (date(2023, 12, 10), date(2023, 12, 31))),  # from before the data
]
CONSTRAINTS = [{}, {"region": ["EMEA", "APAC"], "channel": ["Online"]}, {"product": ["Tent #2"]}]


def gold_changes(
    gold: Gold, spec: QuerySpec, *, dimensions: tuple[str, ...] = ("region", "channel", "product"),
    value: Callable[[dict, str], float | None] = gold_value,
) -> list[tuple[str, float]]:
    """Each member's value in the period minus its value in the comparison, largest absolute change first."""
    compared = spec.compare
    assert compared is not None and spec.group_by is not None
    sides = []
    for start, end in ((spec.start, spec.end), (compared.start, compared.end)):
        groups = gold.sums(start, end, spec.constraints or {}, key=lambda r: r[spec.group_by])
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        inside = [d for d in days if gold.first <= d <= gold.last]
        values = {}
        for member, sums in groups.items():
            figure = value(sums, compared.measure)
            per = compared.per
            if per in GRAINS:
                count = len({label(d, per) for d in inside})
            elif per in dimensions:
                count = len(sums["members"].get(per, ()))
            elif per is not None:
                count = value(sums, per)
            else:
                count = 1
            values[member] = figure / count if figure is not None and count else 0.0
        sides.append(values)
    now, before = sides
    changes = [(m, now.get(m, 0.0) - before.get(m, 0.0)) for m in set(now) | set(before)]
    return sorted(changes, key=lambda pair: (-abs(pair[1]), pair[0]))


def same_changes(found: tuple[tuple[str, float], ...], expected: list[tuple[str, float]]) -> bool:
    """The same members and changes, largest absolute change first, equal ones by member; changes equal but
    for the last bits (sums added in another order) may come in either order."""
    gold = dict(expected)
    ordered = all(abs(a) > abs(b) or (abs(a) == abs(b) and m < n) or close(abs(a), abs(b))
                  for (m, a), (n, b) in pairwise(found))
    return (len(found) == len(gold) == len(dict(found)) and ordered
            and all(m in gold and close(change, gold[m]) for m, change in found))


@pytest.fixture
def loaded(tenant, import_csv):
    import_csv(tenant, sparse_csv())
    return tenant


def test_every_measure_kind_per_and_period_pair_matches_the_csv(loaded):
    gold = Gold(sparse_csv())
    model = get_semantic_model(tenant=loaded)
    specs = [
        QuerySpec(start=now[0], end=now[1], constraints=constraints, group_by=group_by,
                  compare=Comparison(start=before[0], end=before[1], measure=measure, per=per))
        for now, before in PAIRS
        for constraints in CONSTRAINTS
        for group_by, measure, per in (
            ("product", "revenue", None), ("region", "gross_margin", None), ("product", "margin_pct", None),
            ("channel", "avg_order_value", None), ("region", "units", "week"), ("product", "revenue", "month"),
            ("region", "revenue", "product"), ("product", "revenue", "orders"), ("channel", "cost", "day"),
        )
    ]
    answers = query_many(tenant=loaded, specs=specs, model=model)
    for spec, answer in zip(specs, answers, strict=True):
        expected = gold_changes(gold, spec)
        assert same_changes(answer.changes, expected), (spec, answer.changes, expected)
        assert answer.rows == ()
        assert answer.total.facts == sum(g["facts"] for g in gold.sums(spec.start, spec.end,
                                                                        spec.constraints or {}).values())
    # Not vacuous: most pairs move members, some both ways, and a comparison with no facts gives the period's values.
    assert sum(1 for answer in answers if any(change for _, change in answer.changes)) > len(specs) // 2
    assert any(change < 0 for answer in answers for _, change in answer.changes)


def test_fused_alone_and_the_one_spec_statement_athena_runs_agree(loaded):
    model = get_semantic_model(tenant=loaded)
    (now, before) = PAIRS[0]
    specs = [
        QuerySpec(start=now[0], end=now[1]),
        QuerySpec(start=before[0], end=before[1]),
        *(QuerySpec(start=now[0], end=now[1], group_by=d,
                    compare=Comparison(start=before[0], end=before[1], measure="revenue"))
          for d in ("region", "channel", "product")),
        QuerySpec(start=now[0], end=now[1], group_by="product", count_distinct="region",
                  compare=Comparison(start=before[0], end=before[1], measure="margin_pct", per="region")),
    ]
    fused = query_many(tenant=loaded, specs=specs, model=model)
    assert fused == [query_many(tenant=loaded, specs=[spec], model=model)[0] for spec in specs]
    tables = engine.version_tables(tenant=loaded, model=model)
    for spec, answer in zip(specs[2:], fused[2:], strict=True):
        single = compile_query(spec=spec, model=model, location=tables.facts, max_rows=1000, dialect=engine.TABLES)
        records = engine.fetch(single.sql, single.params)
        assert [(r[2], pytest.approx(r[-1], rel=1e-9)) for r in records[1:]] == list(answer.changes)
    # The three changes of one answer share one pass over both months' days.
    statement = compile_many(specs=specs, model=model, location=tables.facts, max_rows=1000,
                             dialect=engine.TABLES, monthly=tables.monthly)
    shared = [placed.changes for placed in statement.specs[2:5]]
    assert len(set(shared)) == 3 and len({scan for scan, _ in shared}) == 1
    assert statement.specs[5].changes is not None and statement.specs[5].changes[0] != shared[0][0]


def test_a_high_cardinality_dimension_and_the_tenants_own_measures_match_the_csv(tenant, import_csv):
    text = wide_csv()
    import_csv(tenant, text)
    gold = Gold(text, measures=("revenue", "bookings", "Demo Requests", "refunds"))

    def own(sums: dict, name: str) -> float:
        return sums["Demo Requests" if name == "demo_requests" else name]
    model = get_semantic_model(tenant=tenant)
    specs = [QuerySpec(start=date(2024, 4, 1), end=date(2024, 4, 19), group_by="customer", constraints=constraints,
                       compare=Comparison(start=date(2024, 3, 1), end=date(2024, 3, 31), measure=measure, per=per))
             for measure, per in (("bookings", None), ("refunds", None), ("demo_requests", "day"),
                                  ("revenue", "segment"))
             for constraints in ({}, {"segment": ["Enterprise"]})]
    answers = query_many(tenant=tenant, specs=specs, model=model)
    for spec, answer in zip(specs, answers, strict=True):
        assert same_changes(answer.changes, gold_changes(gold, spec, dimensions=("segment",), value=own)), spec
    assert len(answers[0].changes) > 300


def test_a_change_is_refused_where_it_means_nothing(loaded):
    march, february = PAIRS[0]
    model = get_semantic_model(tenant=loaded)

    def ask(**kw):
        compared = Comparison(start=february[0], end=february[1], measure=kw.pop("measure", "revenue"),
                              per=kw.pop("per", None))
        spec = QuerySpec(start=march[0], end=march[1], compare=compared, **{"group_by": "region", **kw})
        return query_many(tenant=loaded, specs=[spec], model=model)

    for refused in ({"group_by": None}, {"grain": "month"}, {"order_by": "revenue"}, {"limit": 3}):
        with pytest.raises(InvalidQuery):
            ask(**refused)
    with pytest.raises(UnknownMeasure):
        ask(measure="bookings")
    with pytest.raises(InvalidQuery):
        ask(per="fortnight")
    assert ask()[0].changes


def test_equal_changes_come_by_member_in_the_order_the_one_spec_statement_gives(tenant, import_csv):
    # Whole sums (exact in floats) make most changes tie: +10, -10 and 0, each many times; members whose case,
    # accents and symbols sort differently by code point than by eye. Periods adjacent, apart and odd-edged,
    # over the monthly pre-aggregate and the facts.
    names = ["Zulu", "acme", "Acme", "acme co", "Ärger", "émile", "b10", "b2", "B2", "_x", "~y", "ß", "Z", "a",
             *(f"m{i}" for i in range(16))]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "team", "account", "revenue"])
    for month in (1, 2, 3, 4):
        for day in (1, 15):
            for k, name in enumerate(names):
                later = (15, 5, 10)[k % 3] if month >= 3 else 10
                writer.writerow([date(2024, month, day).isoformat(), "red" if k % 2 else "blue", name, later])
    text = out.getvalue()
    import_csv(tenant, text)
    model = get_semantic_model(tenant=tenant)
    rows = list(csv.DictReader(io.StringIO(text)))
    pairs = [((date(2024, 3, 1), date(2024, 3, 31)), (date(2024, 2, 1), date(2024, 2, 29))),
             ((date(2024, 4, 1), date(2024, 4, 30)), (date(2024, 2, 1), date(2024, 2, 29))),
             ((date(2024, 3, 2), date(2024, 4, 30)), (date(2024, 2, 1), date(2024, 3, 1)))]
    specs = [QuerySpec(start=now[0], end=now[1], group_by="account", constraints=constraints,
                       compare=Comparison(start=before[0], end=before[1], measure="revenue"))
             for now, before in pairs for constraints in ({}, {"team": ["red"]})]
    answers = query_many(tenant=tenant, specs=specs, model=model)
    tables = engine.version_tables(tenant=tenant, model=model)
    assert tables.monthly is not None
    for spec, answer in zip(specs, answers, strict=True):
        compared, chosen = spec.compare, (spec.constraints or {}).get("team")
        assert compared is not None

        def side(start: date, end: date, rows=rows, chosen=chosen) -> dict[str, float]:
            sums: dict[str, float] = {}
            for r in rows:
                if start <= date.fromisoformat(r["date"]) <= end and (chosen is None or r["team"] in chosen):
                    sums[r["account"]] = sums.get(r["account"], 0.0) + float(r["revenue"])
            return sums

        now, before = side(spec.start, spec.end), side(compared.start, compared.end)
        expected = sorted(((m, now.get(m, 0.0) - before.get(m, 0.0)) for m in set(now) | set(before)),
                          key=lambda pair: (-abs(pair[1]), pair[0]))
        assert list(answer.changes) == expected, spec
        single = compile_query(spec=spec, model=model, location=tables.facts, max_rows=1000, dialect=engine.TABLES)
        assert [(r[2], r[-1]) for r in engine.fetch(single.sql, single.params)[1:]] == expected, spec
        # Not vacuous: most neighbours tie, both signs of one size among them.
        assert sum(abs(a) == abs(b) for (_, a), (_, b) in pairwise(answer.changes)) > len(answer.changes) // 2
        assert {change for _, change in answer.changes} == {10.0, -10.0, 0.0}


def test_a_change_between_two_months_reads_the_marginal_pre_aggregate_with_the_same_numbers(loaded, monkeypatch):
    gold = Gold(sparse_csv())
    model = get_semantic_model(tenant=loaded)
    tables = engine.version_tables(tenant=loaded, model=model)
    assert tables.monthly is not None and tables.marginal is not None
    march, february = PAIRS[0]

    def change(now=march, before=february, *, group_by="product", measure="revenue", per=None, constraints=None):
        return QuerySpec(start=now[0], end=now[1], group_by=group_by, constraints=constraints,
                         compare=Comparison(start=before[0], end=before[1], measure=measure, per=per))

    served = [change(group_by=d, measure=m, per=p) for d in ("region", "channel", "product")
              for m, p in (("revenue", None), ("margin_pct", None), ("avg_order_value", "week"), ("units", "orders"))]
    served.append(change(now=(date(2023, 12, 1), date(2023, 12, 31)), before=(date(2024, 1, 1), date(2024, 1, 31))))
    not_served = [change(constraints={"channel": ["Online"]}), change(per="region"),
                  change(now=(date(2024, 3, 1), date(2024, 4, 30))), change(now=(date(2024, 3, 2), date(2024, 3, 31)))]
    for spec in [*served, *not_served]:
        statement = compile_many(specs=[spec], model=model, location=tables.facts, max_rows=1000,
                                 dialect=engine.TABLES, monthly=tables.monthly, marginal=tables.marginal)
        assert (engine.TABLES.quote(tables.marginal) in statement.sql) == (spec in served), spec
    specs = [*served, *not_served]
    answers = query_many(tenant=loaded, specs=specs, model=model)
    for spec, answer in zip(specs, answers, strict=True):
        assert same_changes(answer.changes, gold_changes(gold, spec)), spec
    # Its sums are the monthly pre-aggregate's, added in the same order: the very same changes.
    real = engine.version_tables
    monkeypatch.setattr(engine, "version_tables",
                        lambda **kw: dataclasses.replace(real(**kw), marginal=None))
    assert query_many(tenant=loaded, specs=specs, model=model) == answers


def test_the_marginal_pre_aggregate_holds_columns_named_like_its_own(tenant, import_csv):
    # A dimension called "dimension" and a measure called "member": the marginal table's own columns step aside.
    lines = ["date,dimension,member"]
    lines += [f"2024-0{month}-{day:02d},{name},{value * month}" for month in (1, 2) for day in (1, 2, 3)
              for name, value in (("north", 1), ("south", 4), ("east", 2))]
    import_csv(tenant, "\n".join(lines) + "\n")
    model = get_semantic_model(tenant=tenant)
    tables = engine.version_tables(tenant=tenant, model=model)
    assert tables.marginal is not None and "member" in model.columns
    spec = QuerySpec(start=date(2024, 2, 1), end=date(2024, 2, 29), group_by="dimension",
                     compare=Comparison(start=date(2024, 1, 1), end=date(2024, 1, 31), measure="member"))
    statement = compile_many(specs=[spec], model=model, location=tables.facts, max_rows=100, dialect=engine.TABLES,
                             monthly=tables.monthly, marginal=tables.marginal)
    assert engine.TABLES.quote(tables.marginal) in statement.sql
    assert query_many(tenant=tenant, specs=[spec], model=model)[0].changes == (
        ("south", 12.0), ("east", 6.0), ("north", 3.0))
