"""Clauses of a sentence, modality of a trigger, and the actors that take part in what a trigger names."""

import itertools
import re

from services.extractor.extract.doc import Sent
from services.extractor.extract.gazetteer import REGIONS, Mention
from services.extractor.extract.text import case_blind

_BOUNDARY = re.compile(
    r";|\s[—–]\s|\s--\s|[—–]"
    r"|,\s*(?=(?:while|whereas|although|though|but|which|who|whom|when|after|before|since|because|despite"
    r"|if|unless|according to|even as|as|citing|saying)\b)"
    r"|\s(?=(?:while|whereas|although|though|despite|that(?!\s+(?:year|day|week|month|time|morning|evening"
    r"|night|summer|autumn|winter|spring)\b)|because|if|unless|when|since|according to"
    r"|(?:after|before)(?!\s+the\s+(?:end|start|beginning|close|middle)\s+of\b))\s)"  # "before the end of the year"
    # a second verb of the same subject in another tense: "He met Macron on Monday, and will travel to ..."
    r"|,\s*(?=and\s+(?:will|is due to|is expected to|is scheduled to|is set to|plans to|is to)\s)"
    # a second main clause with its own subject: "Tokyo imposed the curbs in 2019, and Seoul retaliated ..."
    r"|,\s*(?=and\s+(?-i:[A-Z][\w'-]+)\s+(?:retaliated|responded|hit back|struck back)\b)"
    # "He flies to Ottawa on Thursday, and President Joe Biden will receive him on Friday"
    r"|,\s*(?=and\s+(?:(?-i:[A-Z])[\w.'-]*\s+){1,4}(?:will|is to|is due to|is expected to)\s)"
)
# Only long asides are clauses of their own; "(SCO)" or "(left)" are part of the clause they sit in.
_ASIDE = re.compile(r"[(\[][^()\[\]]{25,}[)\]]")
_LEAD_SUB = re.compile(
    r"\s*(?:While|Whereas|Although|Though|Despite|As|When|After|Before|Since|Because|If|Unless|Once|With"
    r"|Even though|Following|Ahead of)\b[^,]*,"
)
_PARTICIPIAL = re.compile(
    r"\W*(?:while|when|after|before|by|without)\s+(?:\w+ly\s+|still\s+)?\w+ing\b", re.IGNORECASE
)
NEGATION = re.compile(
    r"\b(?:not|never|no|nor|neither|without|yet to|failed to|refused to|declined to|ruled out|instead of)\b"
    r"|n't\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|(?-i:may)|should|if|unless|whether|can)\b", re.IGNORECASE
)
FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|planned|planning(?= (?:to|for|a|an)\b)|expected to|set to|scheduled|due to|intends? to"
    r"|(?:is|are) moving to"
    r"|going to|hopes? to|upcoming|forthcoming|proposed|next|prepar(?:ing|es) (?:to|for)|invit\w+|aims? to|would"
    r"|(?:begin|start|launch|initiate) the process of|look(?:s|ed|ing)? forward to)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|say|saying|announced|announces|confirmed|reported|reports|report|told|tells|news"
    r"|statement|added|stated|noted|revealed|disclosed|expects?|expected|agreed|believed?|hoped)\b"
    r"(?:\s+(?:reporters|journalists|media|lawmakers|parliament|state media|the \w+))?\W*$",
    re.IGNORECASE,
)
_SAID_WOULD = re.compile(
    r"\b(?:said|says|announced|told|stated|confirmed|added)\b[^.;:?!]{0,70}$", re.IGNORECASE
)
# "denied a report that he planned to meet ...": what is denied did not happen and is not planned.
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted|played down|plays down|downplayed|downplays"
    r"|poured cold water on)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
# A second verb of the same subject starts its own mood: "said it did not accept X and would Y".
_COORDINATED = re.compile(
    r"\s(?:and|but)\s+(?=(?:would|will|could|may|might|vowed|warned|threatened|said|says|is|are|was|were"
    r"|has|have|had|later|then|also)\b)"
    r"|,\s+(?:and|but)\s+(?=(?:[\w-]+\s+){1,3}(?:said|says|say|told|warned|added|announced)\b)",
    re.IGNORECASE,
)
# "Blinken postponed a trip to Beijing": the trip did not take place.
_CALLED_OFF_BEFORE = re.compile(
    r"\b(?:postpon|cancel|called off|call off|calls off|calling off|scrapp|shelv|put off|delay)\w*\s+(?:(?:the|a|an|his|her|their|its|this"
    r"|planned|long-awaited|scheduled)\s+)*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_HELD = re.compile(
    r"^\W*(?:[\w-]+\s+){0,6}?(?:is|are|was|were|will|would|has|have|had|did|does|do)(?:\s+\w+)?\s+(?:not|never)\b"
    r"|^\W*(?:[\w-]+\s+){0,6}?\w+n't\b",
    re.IGNORECASE,
)
_NOT_HESITATE = re.compile(
    r"\b(?:not|never)\s+hesitate\s+to\b|\bwon't\s+hesitate\s+to\b", re.IGNORECASE
)
_CALLED_OFF_CUE = re.compile(r"postpon|cancel|call|scrap|shelv|put off|delay")
_CALLED_OFF = re.compile(
    r"\b(?:was|were|has been|had been|have been|is|are|been)\s+(?:\w+\s+)?(?:cancell?ed"
    r"|postponed|called off|scrapped|shelved|put off|suspended)\b",  # passive: not "were cancelling"
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|over|off|to|from|city of|outside|inside|of|(?:north|south|east|west)\w* of|leaves|left|leaving"
    r"|departs|departed)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?$",
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"\b(?:to discuss|discuss(?:ed|ing|es)?|on issues|over(?! the (?:weekend|past|next|last|coming|course|years?|months?|weeks?|days?)\b)|about|regarding|concerning|including|the situation in"
    r"|war in|crisis in|invasion of|conflict in|relations with|ties with|tensions with|support for|annexation of"
    r"|sidelines of|margins of|as well as|amid|on the part of|show of force against|aimed at|directed at|against"
    r"|apart from|besides|other than|except for|prompting|forcing|leading|causing|through|via|across"
    r"|call(?:ed|s|ing) for|the latest (?:show|sign|display|example|step|move)|in the face of)\b[^,;]*"
    r"|,\s+(?:telling|saying|adding|urging|warning|stressing|noting|arguing|assuring|giving|leaving|making)\b[^;]*",
)  # on the lower-cased text
# A source named after the event, not a party to it: ", in what U.S. officials described as ...",
# ", Japanese officials said".
_SPEAKER_AFTER = re.compile(
    r",\s+(?:in what\s+|according to\s+)?(?:the\s+)?(?:[A-Z][\w.'-]*\s+){1,3}(?:[a-z]+\s+)?(?:officials?|ministry|ministries"
    r"|spokes(?:man|woman|person)|sources|state media|media|diplomats?|analysts?)\s+(?:have\s+|had\s+)?"
    r"(?:said|says|say|described|told|reported|confirmed|added|noted)\b"
)
ANAPHOR = re.compile(
    r"\b(?:the two (?:countries|nations|sides|leaders|presidents|men|governments|neighbou?rs|powers|militaries"
    r"|navies|states|heads of state|ministers|foreign ministers|partners|allies|giants|economies)"
    r"|both (?:sides|countries|nations|leaders|men|governments|delegations)|each other|one another|the pair"
    r"|the (?:two )?delegations|the negotiators|two-way|the neighbou?rs"
    r"|the (?:three|four|five) (?:countries|nations|sides|leaders|governments|allies|partners|militaries|navies"
    r"|(?:[\w-]+ )?ministers)|all three|trilateral"
    r"|our (?:two )?(?:countries|nations|states|peoples)|between us|mutual (?:trade|turnover|commerce)"
    r"|bilateral|they|their|them|jointly|joint|the two(?!\s+(?:groups|compan|firms|clubs|teams|universit|lobb|banks|executives|organi|chambers|bodies|associations)))\b",
    re.IGNORECASE,
)


def clauses(sent: Sent) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets): split at subordinators, "that", semicolons, dashes and brackets."""
    if sent.clause_spans is None:
        sent.clause_spans = _clauses(sent)
    return sent.clause_spans


def _clauses(sent: Sent) -> list[tuple[int, int]]:
    cuts = [sent.start]
    lead = _LEAD_SUB.match(sent.text)
    if lead:
        cuts.append(sent.start + lead.end())
    cuts.extend(sent.start + m.start() for m in _BOUNDARY.finditer(sent.text))
    for aside in _ASIDE.finditer(sent.text):
        cuts.extend((sent.start + aside.start(), sent.start + aside.end()))
    cuts = [*sorted(set(cuts)), sent.end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def clause_of(sent: Sent, pos: int) -> tuple[int, int]:
    """The clause holding absolute offset `pos`."""
    for start, end in clauses(sent):
        if start <= pos < end:
            return start, end
    return sent.start, sent.end


def modality(
    sent: Sent, start: int, end: int, clause: tuple[int, int], reach: int | None = None
) -> str:
    """negated, hypothetical, future or factual: read from the clause before the trigger (and up to `reach`).
    The case-blind patterns run on the lower-cased text without case folding (twice as fast); only
    HYPOTHETICAL needs the case ("May" the month is no modal)."""
    text = sent.text
    lo, at = clause[0] - sent.start, start - sent.start
    first = max(lo, at - 70)
    if _PARTICIPIAL.match(text, lo):
        first = max(
            0, lo - 70
        )  # "..., Xi can avoid X while still making Y": the main clause's mood governs
    low = sent.low
    ends = (
        [m.end() for m in _COORDINATED_LOW.finditer(low, first, at + 12) if m.end() <= at]
        if " and " in low[first:at] or " but " in low[first:at]
        else []
    )
    if ends:  # "did not accept the ruling and would take countermeasures": the last verb's own mood
        first = ends[-1]
    after = text[end - sent.start : reach - sent.start] if reach else ""
    after_low = low[end - sent.start : reach - sent.start] if reach else ""
    window = text[first:at] + " " + after
    window_low = low[first:at] + " " + after_low
    hesitate = _NOT_HESITATE_LOW.search(low, first, at)
    if hesitate:  # "would not hesitate to impose further restrictions": a resolve, not a negation
        first = hesitate.end()
    if (
        _NEGATION_LOW.search(low, first, at)
        or _NOT_HELD_LOW.search(
            after_low
        )  # "the summit was not held"; not "... but no firm commitment"
        or (
            _CALLED_OFF_CUE.search(low, max(0, at - 60), at)
            and _CALLED_OFF_BEFORE_LOW.search(low, max(0, at - 60), at)
        )
        or _DENIED_LOW.search(low[max(0, lo - 70) : lo])
        or _called_off_after(low, end - sent.start)
    ):
        return "negated"
    hypo = _hypothetical(window, window_low)
    if hypo:
        if hypo.group().lower() == "would" and (
            _REPORTED.search(text[max(0, lo - 40) : lo])
            or _SAID_WOULD.search(window[: hypo.start()])
        ):
            return "future"  # reported speech: "said it would", not a hypothetical
        return "hypothetical"
    if _FUTURE_LOW.search(window_low):
        return "future"
    return "factual"


_HYPOTHETICAL_LOW = re.compile(r"\b(?:would|could|might|should|if|unless|whether|can)\b")
_MAY = re.compile(r"\bmay\b")  # lower case only: "May" the month is no modal


def _hypothetical(window: str, window_low: str) -> re.Match[str] | None:
    """HYPOTHETICAL, with the case-blind words read on the lower-cased window (twice as fast)."""
    found = [m for m in (_HYPOTHETICAL_LOW.search(window_low), _MAY.search(window)) if m]
    return min(found, key=lambda m: m.start()) if found else None


_COORDINATED_LOW = case_blind(_COORDINATED)
_NOT_HESITATE_LOW = case_blind(_NOT_HESITATE)
_NEGATION_LOW = case_blind(NEGATION)
_NOT_HELD_LOW = case_blind(_NOT_HELD)
_CALLED_OFF_BEFORE_LOW = case_blind(_CALLED_OFF_BEFORE)
_DENIED_LOW = case_blind(_DENIED)
_CALLED_OFF_LOW = case_blind(_CALLED_OFF)


def _called_off_after(low: str, pos: int) -> bool:
    """ "the summit ... was postponed"; not "in a visit that had been postponed from late March", which
    was moved, then made."""
    found = _CALLED_OFF_LOW.search(low, pos, min(len(low), pos + 150))
    return found is not None and not low.startswith(" from ", found.end())


_FUTURE_LOW = case_blind(FUTURE)


# "the G7 Hiroshima Summit"; "the Munich Security Conference", "the Shangri-La Dialogue" style names
_SUMMIT_AFTER = re.compile(
    r"\s+(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Tt]alks"
    r"|(?:Security|Peace|Economic|Investment|Energy|Climate|Defen[cs]e)\s+(?:Conference|Forum|Summit|Dialogue))\b"
)


_POSSESSIVE_PLACE = re.compile(
    r"'s\s+(?:(?:north|south|east|west)\w*\s+|central\s+)?(?:[A-Z][\w-]+\s+){0,2}(?:province|region|city|town|port"
    r"|capital|coast|border|island|islands|territory|prefecture|state|(?:de-escalation\s+)?zone)\b"
)


def located(sent: Sent, mention: Mention) -> bool:
    """A place or capital written as where something happened ("in Samarkand, Uzbekistan", "the G7
    Hiroshima Summit")."""
    if mention.place and _SUMMIT_AFTER.match(sent.text, mention.end - sent.start):
        # "the G7 Hiroshima Summit"; not "the China-Central Asia summit", "the Africa forum": names
        return (
            mention.place not in REGIONS
            and sent.text[mention.start - sent.start - 1 : mention.start - sent.start] != "-"
        )
    if mention.kind == "place" and re.match(
        r"\s+[A-Z][a-z]", sent.text[mention.end - sent.start :]
    ):
        return False  # "the Asia-Pacific Economic Cooperation summit", "the Black Sea Fleet": part of a name
    before = sent.text[max(0, mention.start - sent.start - 24) : mention.start - sent.start]
    if (
        mention.place
        and _LOCATIVE.search(before)
        and not before.endswith(("part of ", "ties with "))
        and not (before.endswith("outside ") and mention.kind == "place" and not mention.code)
    ):  # "outside Moscow" is near Moscow; "a visit outside Southeast Asia" is not in a region
        return True
    if (
        mention.kind == "country"
        and _LOCATIVE.search(before)
        and _POSSESSIVE_PLACE.match(sent.text, mention.end - sent.start)
    ):
        return True  # "a patrol in Syria's northwestern Idlib province": where, not who
    if mention.kind == "capital" and before.endswith((" and ", " or ")):
        gap = 5 if before.endswith(" and ") else 4
        previous = [m for m in sent.mentions if m.end == mention.start - gap]
        # "the defence ministries in Tokyo and Seoul said": both towns are where, not who
        return bool(previous) and previous[0].kind == "capital" and located(sent, previous[0])
    if mention.kind != "country" or not before.endswith(", "):
        return False
    previous = [m for m in sent.mentions if m.end == mention.start - 2]
    return (
        bool(previous)
        and previous[0].place is not None
        and previous[0].kind in {"place", "capital"}
    )


def _masked(sent: Sent, lo: int, hi: int) -> list[tuple[int, int]]:
    text = sent.text[lo - sent.start : hi - sent.start]
    masks = [
        (sent.start + m.start(), sent.start + m.end())
        for m in _TOPIC.finditer(sent.low, lo - sent.start, hi - sent.start)
    ]
    if ", " in text:
        masks += [(lo + m.start(), lo + m.end()) for m in _SPEAKER_AFTER.finditer(text)]
    return masks


def participants(sent: Sent, pos: int, clause: tuple[int, int] | None = None) -> set[str]:
    """Who takes part: people first, then states named in the clause, then hosts, then the sentence."""
    lo, hi = clause or clause_of(sent, pos)
    key = f"participants:{lo}:{hi}"
    cached = sent.memo.get(key)
    if isinstance(cached, set):
        return set(cached)
    found = _participants(sent, lo, hi)
    sent.memo[key] = found
    return set(found)


def _participants(sent: Sent, lo: int, hi: int) -> set[str]:
    named: set[str] = set()
    for a, b in ((lo, hi), (sent.start, sent.end)):
        masks = _masked(sent, a, b)
        inside = [
            m
            for m in sent.mentions
            if m.code and a <= m.start < b and not any(s <= m.start < e for s, e in masks)
        ]
        people = {m.code for m in inside if m.kind == "person" and m.code}
        if len(people) >= 2:
            # "Turkmen President Serdar Berdimuhamedov": a leader the gazetteer does not list, by title
            return people | {
                m.code
                for m in inside
                if m.kind == "demonym" and m.code and _TITLED.match(sent.text, m.end - sent.start)
            }
        named = {m.code for m in inside if m.code and not located(sent, m)}
        if len(named) >= 2:
            return named
        hosts = {m.code for m in inside if m.code}
        if len(hosts) >= 2:
            return hosts
    return named


_TITLED = re.compile(
    r"\s+(?:President|Prime Minister|Premier|Chancellor|Foreign Minister|Defen[cs]e Minister|King|Emir|Crown Prince"
    r"|leader)\s+(?-i:[A-Z])"
    # "the American president brought Kishida and Yoon together": a leader by title alone
    r"|\s+(?:president|prime minister|premier|chancellor|leader)\b(?!\s*(?:'s|-elect))"
)
_GROUP = re.compile(
    r"\b(?:the|all|all the|of the)\s+(?P<n>three|four|five)(?:\s+(?:countries|nations|states|governments|leaders|sides"
    r"|allies|partners|navies|militaries|armies|powers|neighbou?rs|(?:[\w-]+\s+)?ministers|heads of state))?\b"
    r"|\b(?P<tri>trilateral)\b",
    re.IGNORECASE,
)
_COUNT = {"three": 3, "four": 4, "five": 5}


def with_group(sent: Sent, found: set[str]) -> set[str] | None:
    """ "the three countries", "trilateral": the states last listed together, when their number fits."""
    if not sent.group or not found <= sent.group:
        return None  # "three-way naval exercises with Iran" names its third party
    for match in _GROUP.finditer(sent.text):
        size = 3 if match["tri"] else _COUNT[match["n"].lower()]
        if size == len(sent.group) and (found or not match["tri"]):
            return set(sent.group)
    return None


def _points(sent: Sent, pointer: re.Pattern[str]) -> bool:
    """The sentence points at the article's pair; read once per sentence and pattern."""
    key = f"points:{id(pointer)}"
    cached = sent.memo.get(key)
    if cached is None:
        cached = sent.memo[key] = pointer.search(sent.text) is not None
    return bool(cached)


def with_pair(sent: Sent, found: set[str], pointer: re.Pattern[str] = ANAPHOR) -> set[str]:
    """Complete a one-sided actor set with the article's pair when the text points at it ("the two sides"),
    or with the states last listed together ("the three countries")."""
    if len(found) < 3 and sent.group:
        group = with_group(sent, found)
        if group is not None:
            return group
    if len(found) >= 2 or not sent.pair or not _points(sent, pointer):
        return found
    if found <= sent.pair:
        return set(sent.pair)
    return found


def objects_after(sent: Sent, end: int, cue: re.Pattern[str]) -> set[str]:
    """Codes of the states named after `end` that a phrase matching `cue` (end-anchored, on the lower-cased
    text, at most 40 characters back) introduces: "to counter North Korean threats", "brokered by China"."""
    return {
        m.code
        for m in sent.mentions
        if m.code
        and m.start > end
        and cue.search(sent.low, max(end, m.start - 40) - sent.start, m.start - sent.start)
    }
