"""Money amounts, percentages and changes as news writes them: "$250billion", "US$200bn", "fell 7.7%"."""

import re
from typing import NamedTuple

from services.extractor.extract.trie import trie_pattern

_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "lakh": 1e5,
    "thousand": 1e3,
    "k": 1e3,
}
_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "jpy": "JPY",
    "rs": "INR",
    "rs.": "INR",
    "₹": "INR",
    "inr": "INR",
    "r$": "BRL",
    "brl": "BRL",
    "₩": "KRW",
    "krw": "KRW",
    "₺": "TRY",
    "try": "TRY",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "rub": "RUB",
}
_DOLLARS = {
    "Canadian": "CAD",
    "Australian": "AUD",
    "Hong Kong": "HKD",
    "Singapore": "SGD",
    "New Zealand": "NZD",
    "Taiwan": "TWD",
}
_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "rupee": "INR",
    "yen": "JPY",
    "won": "KRW",
    "pound": "GBP",
    "real": "BRL",
    "reais": "BRL",
    "lira": "TRY",
    "dirham": "AED",
    "riyal": "SAR",
}
_NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_SCALE = r"trillion|billion|million|crore|lakh|thousand|tn|bn|mn|mln|m|b|k"
# Symbol first or digits first, no case folding: the engine skips most positions in C (hot path).
_SYMBOL_FIRST = re.compile(
    r"(?P<sym>US\$|U\.S\.\s?\$|HK\$|AU\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|₺|(?:USD|EUR|GBP|CNY|RMB|JPY|INR|BRL|KRW|RUB|Rs\.?)\s?)"
    rf"[ ]?(?P<num>{_NUM})(?:\s?-?(?P<scale>{_SCALE})(?![a-z]))?"
)  # "US$ 100 billion" (Indian and Gulf releases put a space after the symbol)
_NUMBER_FIRST = re.compile(
    rf"(?P<num>{_NUM})\s?(?P<scale>trillion|billion|million|crore|bn|mn|tn)?\s+"
    r"(?:US |U\.S\. |American |(?P<kind>Canadian|Australian|Hong Kong|Singapore|New Zealand|Taiwan) )?(?P<word>dollar|euro|yuan|renminbi|ruble|rouble|rupee|yen|won|pound|real|reais"
    r"|lira|dirham|riyal|USD|EUR|CNY|RMB|JPY|INR|RUB|BRL|KRW|GBP)s?(?![a-z])"
)
_CURRENCY_WORDS = (
    "dollar",
    "euro",
    "yuan",
    "renminbi",
    "ruble",
    "rouble",
    "rupee",
    "yen",
    "won",
    "pound",
    "real",
    "reais",
    "lira",
    "dirham",
    "riyal",
    "usd",
    "eur",
    "cny",
    "rmb",
    "jpy",
    "inr",
    "rub",
    "brl",
    "krw",
    "gbp",
)
_CURRENCY_CUE = re.compile(
    trie_pattern(_CURRENCY_WORDS)
)  # a trie: 40 % faster than a flat alternation
_DIGIT = re.compile(r"[0-9]")
_SYMBOL_CUE = re.compile(r"[$€£¥₹₩₺]|USD|EUR|GBP|CNY|RMB|JPY|INR|BRL|KRW|RUB|Rs")
_PAREN = re.compile(r"\s*\(\s*[^()]{1,30}\)")

_FRACTIONS = {
    "one-third": 33.3,
    "one third": 33.3,
    "a third": 33.3,
    "two-thirds": 66.7,
    "half": 50.0,
    "one-half": 50.0,
    "a quarter": 25.0,
    "one-quarter": 25.0,
    "one quarter": 25.0,
    "three-quarters": 75.0,
    "a fifth": 20.0,
    "one-fifth": 20.0,
}
_WORD_NUMS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UP = (
    r"rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|grown"
    r"|jump(?:ed|s|ing)?|surged?|surges|surging|climb(?:ed|s|ing)?|soar(?:ed|s|ing)?|gain(?:ed|s)?"
    r"|(?<!make )(?<!made )(?<!makes )(?<!making )up|expand(?:ed|s|ing)?|rebound(?:ed|s)?|advanced?"
)
_DOWN = (
    r"fell|fall|falls|falling|fallen|drop(?:ped|s|ping)?|declined?|declines|declining"
    r"|decreased?|decreases|decreasing|down|slump(?:ed|s)?|plunged?|plunging|shr[aiu]nk|shrinking"
    r"|contract(?:ed|s|ing)?|slid|slides?|sliding|tumbled?|dipped|dips?|slipped"
)
# Amounts are found first (few, cheap to find); the verb is then read just before them.
_AMOUNT = re.compile(  # on the lower-cased text
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?)\s?(?:%|percent(?![a-z])|per cent(?![a-z])|pct(?![a-z]))"
    rf"|(?P<w>{'|'.join(_WORD_NUMS)}) (?:percent|per cent)(?![a-z])"
    rf"|(?P<f>{'|'.join(_FRACTIONS)})(?![a-z])"
    r"|(?P<mult>doubled|tripled|trebled|halved)(?![a-z])"
)
_VERB_BEFORE = re.compile(
    rf"(?<![a-z])(?:(?P<up>{_UP})|(?P<down>{_DOWN})) (?:by )?(?:(?:over|nearly|almost|about|around|more than"
    r"|roughly|some|just over|just under|less than|an estimated|close to|a) )?$"
)
_NOUN_AFTER = re.compile(
    r" (?:(?P<up>increase|rise|growth|jump|gain|surge)|(?P<down>decline|drop|fall|decrease|contraction))(?![a-z])"
)
# "a rise of 2.1 percent", "an increase of 30%": the noun before the amount.
_NOUN_BEFORE = re.compile(
    r"(?<![a-z])(?:an?|the) (?:(?P<up>increase|rise|growth|jump|gain|surge)|(?P<down>decline|drop|fall|decrease"
    r"|contraction)) of (?:(?:about|around|nearly|almost|some|roughly|more than|over) )?$"
)
_MULT = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "halved": -50.0}
_CHANGE_CUES = (
    "%",
    "percent",
    "per cent",
    "pct",
    "third",
    "half",
    "quarter",
    "fifth",
    "doubled",
    "tripled",
    "trebled",
    "halved",
)
CHANGE_CUE = re.compile("|".join(_CHANGE_CUES))  # any change needs one of these words


_RATE_AFTER = re.compile(
    r"\s*(?:per|to the|to one|against the|a)\s+(?:U\.?S\.?\s+|US\s+)?(?:dollar|euro|yuan|rouble|ruble|pound)s?\b",
    re.IGNORECASE,
)


class Amount(NamedTuple):
    start: int
    end: int
    value: float
    currency: str


class Change(NamedTuple):
    start: int
    end: int
    pct: float


def find_money(text: str, low: str, lo: int = 0, hi: int | None = None) -> list[Amount]:
    """Money amounts in text[lo:hi]; an amount restated in brackets in another currency counts once."""
    hi = len(text) if hi is None else hi
    if _DIGIT.search(text, lo, hi) is None:
        return []  # every amount has a digit: most sentences are done here
    matches = (
        list(_SYMBOL_FIRST.finditer(text, lo, hi)) if _SYMBOL_CUE.search(text, lo, hi) else []
    )  # the symbol pattern only where a symbol or code stands: one cheap scan first
    if _CURRENCY_CUE.search(low, lo, hi):
        matches += [
            m
            for m in _NUMBER_FIRST.finditer(text, lo, hi)
            if not (m.start() and text[m.start() - 1] in ".,0123456789")
        ]
    out: list[Amount] = []
    skip_until = -1
    for match in sorted(matches, key=lambda m: m.start()):
        if match.start() < skip_until:
            continue
        number = float(match["num"].replace(",", ""))
        scale = (match["scale"] or "").lower()
        if "sym" in match.re.groupindex:
            currency = _SYMBOLS.get(match["sym"].strip().lower().replace(" ", ""), "USD")
        else:
            currency = _WORDS.get(match["word"].lower(), match["word"].upper())
            currency = "CNY" if currency == "RMB" else currency
            if match["kind"] and currency == "USD":  # "13.5 billion Canadian dollars"
                currency = _DOLLARS[match["kind"]]
        skip_until = match.end()
        if _RATE_AFTER.match(text, match.end()):
            continue  # "an exchange rate of 6.73 yuan per dollar": a price of money, not an amount
        amount = Amount(match.start(), match.end(), number * _SCALES.get(scale, 1.0), currency)
        paren = _PAREN.match(text, match.end())
        if paren and (_SYMBOL_FIRST.search(paren.group()) or _NUMBER_FIRST.search(paren.group())):
            skip_until = paren.end()
            if (
                currency != "USD"
            ):  # "253.1 billion euros ($274 billion)": the text gives the dollar value
                inner = find_money(text, low, paren.start(), paren.end())
                if inner and inner[0].currency == "USD":
                    amount = Amount(match.start(), paren.end(), inner[0].value, "USD")
        out.append(amount)
    return _restated(text, out) if len(out) > 1 else out


# "50 billion yuan, or 26 billion riyals, about US$6.93 billion": the same sum restated, in dollars last
_RESTATED_GAP = re.compile(
    r",?\s*(?:or|i\.e\.|that is|equal to|equivalent to)?\s*(?:about|around|roughly|some|approximately|nearly"
    r"|almost|over|more than)?\s*$",
    re.IGNORECASE,
)


def _restated(text: str, amounts: list[Amount]) -> list[Amount]:
    """An amount in another currency followed by the same sum in others, dollars among them, counts once,
    at the dollar value the text gives."""
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        first = amounts[i]
        j = i
        while (
            j + 1 < len(amounts)
            and amounts[j].currency != "USD"
            and amounts[j + 1].start - amounts[j].end <= 24
            and _RESTATED_GAP.fullmatch(text, amounts[j].end, amounts[j + 1].start)
        ):
            j += 1
        if j > i and first.currency != "USD" and amounts[j].currency == "USD":
            out.append(Amount(first.start, amounts[j].end, amounts[j].value, "USD"))
            i = j + 1
            continue
        out.append(first)
        i += 1
    return out


def find_changes(low: str, lo: int = 0, hi: int | None = None) -> list[Change]:
    """Percentage changes in low[lo:hi] ("fell 7.7%", "rising by 30 percent", "jumped by one-third"), signed."""
    hi = len(low) if hi is None else hi
    if not CHANGE_CUE.search(low, lo, hi):
        return []
    out: list[Change] = []
    for match in _AMOUNT.finditer(low, lo, hi):
        if match.start() and low[match.start() - 1].isalpha():
            continue
        if match["mult"]:
            out.append(Change(match.start(), match.end(), _MULT[match["mult"]]))
            continue
        size = (
            float(match["n"])
            if match["n"]
            else float(_WORD_NUMS[match["w"]])
            if match["w"]
            else _FRACTIONS[match["f"]]
        )
        verb = _VERB_BEFORE.search(low, max(lo, match.start() - 45), match.start())
        if verb is None:
            verb = _NOUN_BEFORE.search(low, max(lo, match.start() - 40), match.start())
        noun = None if verb else _NOUN_AFTER.match(low, match.end())
        if verb or noun:
            down = (verb or noun)["down"]  # type: ignore[index]
            start = verb.start() if verb else match.start()
            out.append(Change(start, match.end(), -size if down else size))
    return out
