"""News date expressions, found once per text and resolved against the publication date with a tense."""

import re
from datetime import date, timedelta
from typing import NamedTuple

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_DAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.?|Oct\.|Nov\.|Dec\.)"
)
_YEAR = r"(?:19|20)[0-9][0-9]"
# Each pattern starts with a literal or a digit class and has no case folding, so the regex engine
# skips most positions in C: this file is on the hot path.
_MONTH_FIRST = re.compile(
    rf"(?P<m>{_MON})(?![a-z])(?:(?P<dd>\s[0-3]?[0-9])(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<d2>[0-3]?[0-9]))?(?![0-9])"
    rf"(?:,?\s(?P<y>{_YEAR}))?|(?:\sof)?,?\s(?P<y2>{_YEAR}))?"
)
_DAY_FIRST = re.compile(rf"[0-3]?[0-9](?:st|nd|rd|th)?\s(?P<m>{_MON})(?:,?\s(?P<y>{_YEAR}))?")
_BARE_YEAR = re.compile(rf"{_YEAR}(?![0-9%-]|\s?(?:billion|million|percent|trillion))")
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_RELATIVE = re.compile(  # on the lower-cased text
    r"(?:yesterday|today|tomorrow|tonight|(?:(?:earlier|later) (?:this|in the)|last|next|this|past|coming"
    r"|(?:the )?(?:end|start|beginning|middle) of (?:the|this|next|last))"
    r" (?:week|month|year)|(?:over |during )?(?:the|this|last) weekend)(?![a-z])"
)
_PART = re.compile(  # on the lower-cased text
    rf"(?:the )?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[ -](?P<qh>quarter|half)"
    rf"(?: (?:of|in) (?:(?P<qy>{_YEAR})|(?P<qrel>the year|this year|last year|next year)))?"
)
_YEAR_WORD = re.compile(
    r",? (?:of )?(?P<rel>last|next|this) year(?![a-z])"
)  # on the lower-cased text
_PART_CODE = re.compile(rf"(?P<k>[QH])(?P<n>[1-4])(?:\s?(?P<y>{_YEAR}))?(?![0-9A-Za-z])")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*(?:the\s)?$")
# A bare month or year is a date only after one of these words ("in March", "by 2024").
_DATE_PREPS = {
    "in",
    "on",
    "by",
    "since",
    "until",
    "till",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "between",
    "and",
    "around",
    "for",
    "end",
    "start",
    "beginning",
    "as",
    "at",
    "within",
    "throughout",
    "every",
}


class DateExpr(NamedTuple):
    start: int
    end: int
    kind: str  # md (month-day), my, m, y, q, h, dow, rel
    year: int | None
    month: int | None
    day: int | None
    extra: str  # the second day of a range, a weekday, a relative phrase, or a quarter number
    prep: str  # the word before it, lowercased ("since", "by", "last", ...)


class Resolved(NamedTuple):
    iso: str
    precision: str  # day, week, month, quarter, year
    day: date  # a day inside the span, for comparisons with the publication date


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def find_dates(text: str, low: str, lo: int = 0, hi: int | None = None) -> list[DateExpr]:
    """Date expressions in text[lo:hi] (`low` is the text lower-cased), with the word before each."""
    hi = len(text) if hi is None else hi
    out: list[DateExpr] = []
    taken: set[int] = set()
    for m in _MONTH_FIRST.finditer(text, lo, hi):
        if m.start() and text[m.start() - 1].isalpha():
            continue
        prep = _prep(text, m.start())
        month = _month(m["m"])
        if m["dd"]:
            year = int(m["y"]) if m["y"] else None
            out.append(
                DateExpr(m.start(), m.end(), "md", year, month, int(m["dd"]), m["d2"] or "", prep)
            )
        elif m["y2"]:
            out.append(DateExpr(m.start(), m.end(), "my", int(m["y2"]), month, None, "", prep))
        elif (prep in _DATE_PREPS or text.startswith("'s", m.end())) and (
            m["m"] != "May"
            or prep in {"in", "since", "until", "last", "next", "early", "late", "mid", "of"}
        ):  # "May" alone is a verb more often than a month
            year_word = _YEAR_WORD.match(low, m.end())  # "in November last year"
            end = year_word.end() if year_word else m.end()
            extra = year_word["rel"] if year_word else ""
            out.append(DateExpr(m.start(), end, "m", None, month, None, extra, prep))
            taken.update(range(m.start(), end))
        taken.update(range(m.start(), m.end()))
    for m in (
        _DAY_FIRST.finditer(text, lo, hi) if out or taken else ()
    ):  # "4 February": a month is named
        if m.start() not in taken and not (m.start() and text[m.start() - 1].isalnum()):
            year = int(m["y"]) if m["y"] else None
            day = int(re.match(r"[0-9]+", m.group()).group())  # type: ignore[union-attr]
            out.append(
                DateExpr(
                    m.start(), m.end(), "md", year, _month(m["m"]), day, "", _prep(text, m.start())
                )
            )
            taken.update(range(m.start(), m.end()))
    for m in _BARE_YEAR.finditer(text, lo, hi):
        if m.start() in taken or (m.start() and text[m.start() - 1] in "0123456789,.$€£-"):
            continue
        prep = _prep(text, m.start())
        if _is_year(text, m, prep):
            out.append(DateExpr(m.start(), m.end(), "y", int(m.group()), None, None, "", prep))
    segment = low[lo:hi]
    for m in _WEEKDAY.finditer(text, lo, hi) if "day" in segment else ():
        out.append(
            DateExpr(
                m.start(),
                m.end(),
                "dow",
                None,
                None,
                None,
                m.group().lower(),
                _prep(text, m.start()),
            )
        )
    relative = any(w in segment for w in ("week", "month", "year", "day", "tonight", "tomorrow"))
    for m in _RELATIVE.finditer(low, lo, hi) if relative else ():
        if not (m.start() and low[m.start() - 1].isalpha()) and m.start() not in taken:
            out.append(
                DateExpr(
                    m.start(),
                    m.end(),
                    "rel",
                    None,
                    None,
                    None,
                    " ".join(m.group().split()),
                    _prep(text, m.start()),  # "by the end of the year": a deadline, not a date
                )
            )
    for m in _PART.finditer(low, lo, hi) if "quarter" in segment or "half" in segment else ():
        out.append(_quarter(m, _prep(text, m.start())))
    for m in _PART_CODE.finditer(text, lo, hi):
        if not (m.start() and text[m.start() - 1].isalnum()):
            kind = "q" if m["k"] == "Q" else "h"
            year = int(m["y"]) if m["y"] else None
            out.append(
                DateExpr(
                    m.start(), m.end(), kind, year, None, None, f"{m['n']}|", _prep(text, m.start())
                )
            )
    return sorted(out)


def _prep(text: str, start: int) -> str:
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    return prev.group(1).lower() if prev else ""


def _is_year(text: str, m: re.Match[str], prep: str) -> bool:
    """A bare year is a date after a date word, not a modifier as in "the 2022 Winter Olympics"."""
    if text[max(0, m.start() - 4) : m.start()].lower() == "the ":
        return False
    return prep in _DATE_PREPS or text[m.end() : m.end() + 1] in {",", ".", ";", ")"}


def _quarter(m: re.Match[str], prep: str) -> DateExpr:
    year = m["qy"]
    kind = "q" if m["qh"] == "quarter" else "h"
    number = _ORD[m["qn"]]
    return DateExpr(
        m.start(),
        m.end(),
        kind,
        int(year) if year else None,
        None,
        None,
        f"{number}|{m['qrel'] or ''}",
        prep,
    )


def _week(day: date) -> Resolved:
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return Resolved(f"{monday.year}-{monday.month:02d}", "week", day)
    return Resolved(str(day.year), "week", day)


def _pick_year(pub: date, month: int, day: int, direction: str | None) -> int:
    candidates = [date(pub.year + k, month, min(day, 28)) for k in (-1, 0, 1)]
    if direction == "past":
        fitting = [c for c in candidates if c <= pub + timedelta(days=1)]
    elif direction == "future":
        fitting = [c for c in candidates if c >= pub - timedelta(days=1)]
    else:
        fitting = candidates
    best = min(fitting or candidates, key=lambda c: abs((c - pub).days))
    return best.year


def resolve(expr: DateExpr, pub: date, direction: str | None) -> Resolved | None:
    """The date `expr` names, read from publication date `pub`; `direction` is past, future or None."""
    if expr.prep in {"last", "past"}:
        direction = "past"
    elif expr.prep in {"next", "coming"}:
        direction = "future"
    if expr.kind == "md" and expr.month and expr.day:
        year = expr.year or _pick_year(pub, expr.month, expr.day, direction)
        try:
            day = date(year, expr.month, expr.day)
        except ValueError:
            return None
        if expr.extra:
            return Resolved(f"{year}-{expr.month:02d}", "week", day)
        return Resolved(day.isoformat(), "day", day)
    if expr.kind == "my" and expr.year and expr.month:
        return Resolved(f"{expr.year}-{expr.month:02d}", "month", date(expr.year, expr.month, 15))
    if expr.kind == "m" and expr.month:
        year = (
            pub.year + {"last": -1, "next": 1}.get(expr.extra, 0)
            if expr.extra
            else _month_year(pub, expr.month, expr.prep, direction)
        )
        return Resolved(f"{year}-{expr.month:02d}", "month", date(year, expr.month, 15))
    if expr.kind == "y" and expr.year:
        return Resolved(str(expr.year), "year", date(expr.year, 7, 1))
    if expr.kind in {"q", "h"}:
        return _resolve_part(expr, pub, direction)
    if expr.kind == "dow":
        return _resolve_weekday(expr.extra, pub, direction)
    if expr.kind == "rel":
        return _resolve_relative(expr.extra, pub)
    return None


def _month_year(pub: date, month: int, prep: str, direction: str | None) -> int:
    if prep == "last" or (prep != "this" and direction == "past"):
        return (
            pub.year
            if month < pub.month or (month == pub.month and prep != "last")
            else pub.year - 1
        )
    if prep == "next" or direction == "future":
        return (
            pub.year
            if month > pub.month or (month == pub.month and prep != "next")
            else pub.year + 1
        )
    if prep == "this":
        return pub.year
    return _pick_year(pub, month, 15, None)


def _resolve_part(expr: DateExpr, pub: date, direction: str | None) -> Resolved:
    number, rel = expr.extra.split("|")
    n = int(number)
    year = expr.year or pub.year + {"last year": -1, "next year": 1}.get(rel, 0)
    if not expr.year and not rel:
        first_month = (n - 1) * (3 if expr.kind == "q" else 6) + 1
        if direction != "future" and first_month > pub.month:
            year -= 1
    middle = date(year, (n - 1) * (3 if expr.kind == "q" else 6) + 2, 15)
    if expr.kind == "q":
        return Resolved(f"{year}-Q{n}", "quarter", middle)
    return Resolved(f"{year}-H{n}", "quarter", middle)


def _resolve_weekday(name: str, pub: date, direction: str | None) -> Resolved:
    back = (pub.weekday() - _DAYS[name]) % 7
    ahead = (_DAYS[name] - pub.weekday()) % 7
    day = (
        pub + timedelta(days=ahead)
        if direction == "future" or (direction is None and ahead < back)
        else pub - timedelta(days=back)
    )
    return Resolved(day.isoformat(), "day", day)


def _resolve_relative(phrase: str, pub: date) -> Resolved | None:
    unit = phrase.rsplit(" ", 1)[-1]
    steps = {"last": -1, "past": -1, "next": 1, "coming": 1}
    step = next(
        (steps[w] for w in phrase.split() if w in steps), 0
    )  # "by the end of next year": +1
    if unit in {"yesterday", "today", "tonight", "tomorrow"}:
        day = pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(unit, 0))
        return Resolved(day.isoformat(), "day", day)
    if unit == "weekend":  # the weekend before publication (or of its week, told on a weekend)
        return _week(pub - timedelta(days=2))
    if unit == "week":
        return _week(pub + timedelta(days=7 * step))
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return Resolved(
            f"{index // 12}-{index % 12 + 1:02d}", "month", date(index // 12, index % 12 + 1, 15)
        )
    if unit == "year":
        return Resolved(str(pub.year + step), "year", date(pub.year + step, 7, 1))
    return None
