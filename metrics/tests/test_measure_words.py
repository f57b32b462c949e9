"""The words a tenant's own columns give their measures (column_measures): the whole name in both numbers, and its
last word alone only where that word is the measure's own and says something alone. A particle ("offs" of
write_offs, "ups" of sign_ups, "ins" of check_ins) names no figure by itself, in either number."""
from __future__ import annotations

import pytest

from metrics.measures import column_measures, is_particle


def words(columns: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {m.name: m.words for m in column_measures({c: c for c in columns})}


@pytest.mark.parametrize(("column", "particle"), [
    ("write_offs", "off"), ("sign_ups", "up"), ("check_ins", "in"), ("drop_offs", "off"), ("pick_ups", "up"),
    ("take_outs", "out"), ("call_backs", "back"), ("add_ons", "on"), ("hand_overs", "over"),
    ("break_downs", "down"),
])
def test_a_particle_last_word_names_nothing_alone(column, particle):
    got = words((column, "billed_fees"))[column]
    assert not {particle, particle + "s"} & set(got)
    whole = column.replace("_", " ")
    assert whole in got and whole[:-1] in got  # the whole name, in both numbers, still names it


def test_a_distinctive_last_word_still_names_its_measure():
    got = words(("write_offs", "billed_fees", "new_patients"))
    assert {"fees", "fee"} <= set(got["billed_fees"])
    assert {"patients", "patient"} <= set(got["new_patients"])


@pytest.mark.parametrize(("word", "particle"), [("offs", True), ("ups", True), ("ins", True), ("outs", True),
                                                ("off", True), ("fees", False), ("bus", False), ("mins", False)])
def test_is_particle(word, particle):
    assert is_particle(word) is particle
