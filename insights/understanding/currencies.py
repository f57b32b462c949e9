"""The currency a target is written in: "$", "CHF 210m", "210m chf", "10 million dollars", "3.5m quid".

A target is a number in the measure's unit, which is the tenant's currency; one said in another currency cannot
be compared without a rate the data does not hold, so the parser asks for it in the tenant's own. A sign shared
by several currencies ("$" of dollars and pesos, "¥" of yen and yuan) is the tenant's where it is one of them.
"""
from __future__ import annotations

import re

_DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD"})
# Signs and words, lower-cased as the question is read, to the ISO codes they may stand for.
_SIGNS: dict[str, frozenset[str]] = {
    "$": _DOLLARS | {"MXN"}, "us$": frozenset({"USD"}), "a$": frozenset({"AUD"}), "au$": frozenset({"AUD"}),
    "c$": frozenset({"CAD"}), "ca$": frozenset({"CAD"}), "nz$": frozenset({"NZD"}), "s$": frozenset({"SGD"}),
    "hk$": frozenset({"HKD"}), "mx$": frozenset({"MXN"}), "r$": frozenset({"BRL"}),
    "£": frozenset({"GBP"}), "€": frozenset({"EUR"}), "¥": frozenset({"JPY", "CNY"}), "₹": frozenset({"INR"}),
    "₩": frozenset({"KRW"}),
}
_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("dollar", "dollars", "bucks"), _DOLLARS),
    **dict.fromkeys(("pound", "pounds", "quid"), frozenset({"GBP"})),
    **dict.fromkeys(("euro", "euros"), frozenset({"EUR"})),
    **dict.fromkeys(("franc", "francs", "swiss francs"), frozenset({"CHF"})),
    "yen": frozenset({"JPY"}), "yuan": frozenset({"CNY"}), "rmb": frozenset({"CNY"}),
    **dict.fromkeys(("rupee", "rupees"), frozenset({"INR"})),
    **dict.fromkeys(("peso", "pesos"), frozenset({"MXN"})),
    "rand": frozenset({"ZAR"}),
    **dict.fromkeys(("lira", "lire", "liras", "tl", "turkish lira"), frozenset({"TRY"})),
    "reais": frozenset({"BRL"}),  # "real" alone is left out: "3m real revenue" is the English word
    **dict.fromkeys(("krona", "kronor"), frozenset({"SEK"})),
    **dict.fromkeys(("krone", "kroner"), frozenset({"NOK", "DKK"})),
    **dict.fromkeys(("zloty", "zlotys"), frozenset({"PLN"})),
    "dirhams": frozenset({"AED"}), "riyals": frozenset({"SAR"}),
    "shekels": frozenset({"ILS"}), "baht": frozenset({"THB"}), "ringgit": frozenset({"MYR"}),
}
# ISO 4217 codes people type; none an English word ("try" of Turkey's lira is left out)
_CODES = frozenset({
    "usd", "eur", "gbp", "chf", "jpy", "cny", "aud", "cad", "nzd", "sgd", "hkd", "inr", "krw", "mxn", "brl", "zar",
    "sek", "nok", "dkk", "pln", "czk", "huf", "aed", "sar", "ils", "twd", "thb", "idr", "myr", "php",
})
_CODE = "|".join(sorted(_CODES))
_SIGN = "|".join(re.escape(s) for s in sorted(_SIGNS, key=len, reverse=True))
# Pattern pieces for the number reader: a sign or code just before the number, a code or word just after it.
BEFORE = rf"(?:{_SIGN}|\b(?:{_CODE})(?![a-z]))"
AFTER = rf"(?:{'|'.join(sorted(_WORDS, key=len, reverse=True))}|{_CODE})"


def foreign(said: str | None, *, tenant: str) -> bool:
    """Whether ``said`` (a sign, code or word of ``BEFORE``/``AFTER``) names a currency other than ``tenant``'s
    ISO code; nothing said, or no tenant currency known, is never foreign."""
    if not said or not tenant:
        return False
    written = re.sub(r"\s+", " ", said.strip().lower())
    means = _SIGNS.get(written) or _WORDS.get(written) or (frozenset({written.upper()}) if written in _CODES else None)
    return means is not None and tenant.upper() not in means


def name_of(said: str) -> str:
    """How a clarify names the currency written: a code in capitals, a sign or word as written."""
    written = said.strip().lower()
    return written.upper() if written in _CODES else said.strip()
