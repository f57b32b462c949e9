"""Every labelled question set we score: one list, read by the eval tests (`make test`) and by `make eval`.

Each held-out company's data comes from its generator, tests/eval/make_<data>.py; the shared dev sets read the
shared CSVs. The test files say who wrote each set and what it tests; tests/eval/BASELINE.md has first scores.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
OURS = Path(__file__).resolve().parent


@dataclass(frozen=True, kw_only=True)
class QuestionSet:
    name: str
    group: str  # the test file that scores it, so `pytest -n 2 --dist loadfile` spreads the groups
    questions: Path
    data: str  # the generator tests/eval/make_<data>.py, or a CSV file name under shared/eval
    dimensions: tuple[str, ...] = ()  # number-only columns imported as dimensions
    currency: str = "USD"
    contested: frozenset[str] = frozenset()  # turns whose label reads a word otherwise than the contract

    @property
    def tenant_id(self) -> str:
        return f"{Path(self.data).stem}-eval"

    def write_data(self, folder: Path) -> Path:
        """The set's CSV: the shared file, or one written by its generator into ``folder``."""
        if self.data.endswith(".csv"):
            return SHARED_EVAL / self.data
        generator = importlib.import_module(f"tests.eval.make_{self.data}")
        return generator.write(folder / f"{self.data}.csv")


def _shared(name: str, data: str) -> QuestionSet:
    return QuestionSet(name=name, group="dev", questions=SHARED_EVAL / f"{name}.jsonl", data=data)


def _ours(group: str, data: str, *, questions: str = "", dimensions: tuple[str, ...] = (), currency: str = "USD",
          contested: frozenset[str] = frozenset()) -> QuestionSet:
    questions = questions or f"{data}-questions.jsonl"
    return QuestionSet(name=questions.removesuffix(".jsonl").removesuffix("-questions"), group=group,
                       questions=OURS / questions, data=data, dimensions=dimensions, currency=currency,
                       contested=contested)


SETS: tuple[QuestionSet, ...] = (
    _shared("questions-dev", "acme.csv"),
    _shared("questions-dev-v2", "acme.csv"),
    _shared("questions-custom-dev", "brightlane.csv"),
    _ours("dev", "globex"),
    # "bookings by quarter since we started" is labelled a trend; three later writers label the same words a
    # breakdown by quarter, which the engine follows (all of the data said is no period: the time-grain breakdown)
    _ours("heldout", "fernhill", dimensions=("store_id",), contested=frozenset({"f60.0"})),
    _ours("heldout", "marlow"),
    # fresh sentences over the same companies, written after the parser was tuned on the two sets above
    _ours("heldout", "fernhill", questions="fernhill-reserve.jsonl", dimensions=("store_id",)),
    _ours("heldout", "marlow", questions="marlow-reserve.jsonl"),
    _ours("heldout", "haulwise"),
    _ours("heldout", "kestrel"),
    _ours("heldout", "bramble", dimensions=("clinic_code",), currency="GBP"),
    _ours("heldout", "pantrylane"),
    # "rev" (a short form the contract does not list) and "l30d" labelled clarify; the engine reads them as
    # revenue and as the contract's "last 30 days", as another writer labelled "l30d" (Voltaro)
    _ours("heldout", "quillby", dimensions=("course_id",), contested=frozenset({"qb38.0", "qb39.0"})),
    _ours("heldout", "harbourline", currency="EUR"),
    _ours("heldout", "tallyho", dimensions=("lot_number",)),
    _ours("heldout", "brightads"),
    _ours("heldout", "gridwise", currency="GBP"),
    _ours("heldout", "medline", dimensions=("warehouse",)),
    _ours("heldout", "orchardly", currency="GBP"),
    _ours("unseen", "copperleaf", currency="AUD"),
    _ours("unseen", "lumenbay", currency="EUR"),
    _ours("unseen", "pinecrest", dimensions=("branch_code",)),
    _ours("unseen", "tidewell"),
    _ours("unseen", "vantor"),
    _ours("unseen", "saltmarsh", currency="GBP"),
    _ours("unseen", "northbeam", currency="CAD"),
    _ours("round_three", "ferrowind", currency="EUR"),
    _ours("round_three", "tealcart", currency="GBP"),
    _ours("round_three", "stackline"),
    _ours("round_three", "odyssea", currency="AUD"),
    _ours("round_three", "kilnworks"),
    _ours("round_three", "brewhaus", currency="NZD"),
    # "and just monthly plan riders?" after a trend of rides keeps rides, where the contract gives "riders"
    # (new_riders' last word, used by no other measure) to new_riders
    _ours("round_three", "voltaro", currency="EUR", contested=frozenset({"vt03.1"})),
    _ours("round_three", "partsdepot"),
    _ours("round_three", "gigstack", currency="GBP"),
    _ours("round_three", "harvestco", currency="CAD"),
    _ours("round_three", "clearpath"),
    # "and which donor segment dropped the most last month?" after "…this yr vs last yr" is labelled against the
    # month before; the contract's follow-up inherits what it does not say, here the comparison with last year
    _ours("round_four", "donorly", contested=frozenset({"d11.1"})),
    _ours("round_four", "kaizen", currency="JPY"),
    _ours("round_four", "cellarpoint", dimensions=("vintage",), currency="ZAR"),
    _ours("round_four", "surecover", currency="INR"),
    _ours("round_four", "baywholesale"),
    _ours("round_four", "harborinn", currency="SGD"),
    _ours("round_five", "pixelforge", currency="KRW"),
    _ours("round_five", "stonebridge", currency="GBP"),
    _ours("round_five", "farmacia", currency="MXN"),
    _ours("round_five", "alpenair", currency="CHF"),
    _ours("round_five", "meadowgold"),
    _ours("round_five", "deskhive", currency="CAD"),
    # vw33.2 "daily visits for <vet> last month" is labelled the month's visits per day; the contract divides by a
    # grain only for "average daily …", and reads a grain adjective alone as the series (as every other set labels it)
    _ours("round_six", "vetwell", currency="EUR", contested=frozenset({"vw33.2"})),
    _ours("round_six", "legalease"),
    _ours("round_six", "rideon", currency="AUD"),
    # rh24 "how did Last Week do last week?" is labelled a plain value; "how did X do <period>" is the change against
    # the period before (other sets label it a summary), which the engine gives, and its follow-up inherits it
    _ours("round_six", "reelhouse", currency="GBP", contested=frozenset({"rh24.0", "rh24.1"})),
    _ours("round_seven", "tinytots", currency="PLN"),
    # ink36.1 "the retailer, not the book" answers a question back; the contract does not say how a reply to a
    # clarify resolves, and the engine reads it as a new question
    _ours("round_seven", "inkwell", contested=frozenset({"ink36.1"})),
    # ss17.3 is no label dispute but an engine miss kept visible: "how many hotel nights did that drive?", where
    # "hotel" is a word of the member Hotel Partner, is answered out of scope where the contract asks a clarify
    _ours("round_seven", "slopeside", currency="SEK", contested=frozenset({"ss17.3"})),
    _ours("round_seven", "voltcharge", currency="NOK"),
    _ours("round_eight", "petalpost", currency="DKK"),
    _ours("round_eight", "signalone", currency="BRL"),
    _ours("round_eight", "hirewise"),
    _ours("round_eight", "pedalgo", currency="EUR"),
    _ours("round_nine", "ramenya", currency="JPY"),
    _ours("round_nine", "kirana", currency="INR"),
    _ours("round_nine", "hammerline", currency="CAD"),
    _ours("round_nine", "tranvia", currency="MXN"),
    _ours("round_nine", "vinterra", currency="ZAR"),
    _ours("round_nine", "flexgym", currency="EUR"),
)


def in_group(group: str) -> list[QuestionSet]:
    return [s for s in SETS if s.group == group]
