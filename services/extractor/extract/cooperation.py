"""Joint military exercises and joint statements."""

import re

from services.extractor.extract.clauses import (
    clause_of,
    modality,
    objects_after,
    participants,
    with_pair,
)
from services.extractor.extract.dates import Resolved, resolve
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.slots import NOT_EVENT_DATE, Draft, event_date, place, source

_DRILL = (
    r"(?:exercises?|drills?|patrols?|war ?games|manoeuvres|maneuvers|flights|missions|naval games"
    r"|maritime (?:cooperative )?activit(?:y|ies))"
)
_EXERCISE = re.compile(
    rf"\b(?:joint|combined|bilateral|trilateral|three-way)\s+(?:[\w-]+\s+){{0,4}}?{_DRILL}\b"
    rf"|\b(?:naval|military|air|aerial|army|navy|war)\s+{_DRILL}\s+(?:with|together|alongside|involving)\b"
    rf"|\b(?:held|hold|holding|holds|conduct\w*|stag\w*|launch\w*|began|begin|start\w*|kick\w* off)\s+"
    rf"(?:[\w-]+\s+){{0,3}}(?:naval|military|air|aerial|army|navy)\s+{_DRILL}\b"
    rf"|\b(?:held|hold|holding|holds|conduct\w*|stag\w*|began|begin|start\w*|launch\w*|wrap\w* up|conclud\w*"
    rf"|complet\w*|kick\w* off|carr\w+ out|took part in|take part in|taking part in|participat\w+ in|join\w*)"
    rf"\s+(?:(?:the|their|a|an)\s+|(?:[\w-]+\s+)?(?:days?|weeks?) of\s+)(?:[\w/\"'“”-]+\s+){{0,5}}?{_DRILL}\b"
    # a named drill and what it is: "launched Freedom Edge, their first multi-domain military exercise"
    rf"|\b(?:held|hold|holding|holds|conduct\w*|stag\w*|began|begin|start\w*|launch\w*|kick\w* off)"
    rf"\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)|\s+\d{{2,4}}|-\d{{2,4}})*,\s+(?:the|their|its|a|an)\s+"
    rf"(?:[\w/-]+\s+){{0,5}}?{_DRILL}\b",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"\b(?:series of|number of|several|many|numerous|multiple|\d{1,3}|two|three|four|five)\s+"
    r"(?!(?:days?|weeks?|hours?|months?)\b)(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_INSIDE_DEAL = re.compile(
    r"\b(?:agreement|deal|pact|accord|treaty|memorandum|plan|plans)\b[^.;]{0,40}\b(?:for|on|to hold)\s+$",
    re.IGNORECASE,
)
_PLEDGE = re.compile(
    r"\b(?:commit\w*|pledg\w*|vow\w*|agree\w*|promis\w*|propos\w*|call\w* for|plan\w*)\s+to\s+"
    r"(?:[\w-]+\s+){0,6}$",
    re.IGNORECASE,
)
_SEQUEL = re.compile(
    r"\b(?:the|these|those|their)\s+(?:[\w-]+\s+){0,2}(?:drills|exercises?|patrols?|manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)
_COUNTED_INSIDE = re.compile(
    r"\b(?:number of|series of|several|many|numerous|multiple|dozens of|two|three|four|five)\s|(?<![\w/-])\d{1,3}\s",
    re.IGNORECASE,
)
_STOPPED = re.compile(
    r"\b(?:suspend\w*|halt\w*|cancel\w*|scrap\w*|stopp\w*|stops?|end(?:ed|s)?|call\w* off|postpon\w*)\s+"
    r"(?:the\s+|their\s+|its\s+|all\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_TOPIC_LIST = re.compile(
    r"\b(?:including|such as|covers|covering|cover)\s+(?:[\w-]+\s+){0,1}$", re.IGNORECASE
)
_SPAN_OF = re.compile(
    r"\s(?:[\w-]+\s+)?(?:days?|weeks?) of\s"
)  # "held five days of joint drills": one drill
_SUBORDINATE = re.compile(r"\b(?:when|since|who|which|whose|after|before|while)\b", re.IGNORECASE)
_PLANNED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,5}?\s+(?:are|is|were|was|will be|would be)\s+(?:\w+\s+)?(?:envisag|envision|foreseen"
    r"|planned|proposed|expected|scheduled|due|set to|to be held|provided for)",
    re.IGNORECASE,
)
_NOT_WHERE = re.compile(r"\b(?:that|which|who|part of|under|after|since)\b", re.IGNORECASE)
_VERB_FIRST = re.compile(r"(?:held|hold|conduct|stag|launch|began|begin|start|kick)", re.IGNORECASE)
_PLURAL = re.compile(
    r"\b(?:they|their|them|the two|both|each other|one another|the leaders|the sides|the three|the four|the allies"
    r"|the partners|(?-i:joint))\b",
    re.IGNORECASE,
)
_NAMED_IN = re.compile(
    r"\b(?:including|under|in line with|based on|of|with|to)\s+(?:the|a|their)\s+(?:19|20)\d\d\s+$",
    re.IGNORECASE,
)
_LEADERS = re.compile(
    r"\b(?:the (?:leaders|heads of state|three|four|(?:two|three|four|five|six|seven|eight|nine|ten) (?:leaders"
    r"|heads of state))|all three)\b",
    re.IGNORECASE,
)
_NAMED_BY = re.compile(
    r"\b(?:the (?:two|three|four|five|six|seven|eight|nine|ten) (?:leaders|sides|countries|presidents|heads of state"
    r"|nations)|both sides|both leaders)\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\bjoint (?:[\w']+\s+)?(?:statement|declaration|communiqu[eé])s?\b"
    r"|\b(?:jointly|together) (?:declared|stated|issued|announced)\b"
    # a summit's named declaration, signed or adopted by its leaders: "signed the Xi'an Declaration"
    r"|\b(?:signed|adopted|issued|endorsed|released)\s+(?:the|a)\s+(?-i:(?:[A-Z][\w'-]*\s+){1,4}Declaration)\b"
    r"|\b(?:the two (?:countries|sides|leaders|nations|presidents)|both sides|both countries)\s+(?:also\s+)?declared\b",
    re.IGNORECASE,
)


_AROUND = re.compile(
    r"\b(?:circl\w*|encircl\w*|around|near|off|approach\w*|toward|towards|close to|skirt\w*|circuit of"
    r"|circumnavigation of)\s+(?:the\s+)?$"
)  # lower-cased text


_COUNTERED = re.compile(
    r"\b(?:to counter|countering|against|to deter|deterring|in response to|responding to|aimed at|targeting"
    r"|simulating|to track|tracking)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$"
)  # lower-cased text


def read_exercises(doc: Doc, sent: Sent) -> list[Draft]:
    """Joint drills, patrols or exercises of two or more states (one per place a sentence names)."""
    found: list[Draft] = []
    if "exercise" not in sent.families:
        return found
    for match in _EXERCISE.finditer(sent.text):
        before = sent.text[: match.start()]
        verb_first = (
            _VERB_FIRST.match(match.group()) is not None
        )  # "the two navies held the ... exercise"
        if _PLANNED_AFTER.match(sent.text, match.end()):
            continue  # "Joint patrols along the M4 are envisaged by the protocol": planned, not held
        if verb_first and _COUNTED_INSIDE.search(_SPAN_OF.sub(" ", match.group())):
            continue  # "conducting an increased number of joint drills": many drills, no one event
        if verb_first and re.search(r"\bto\s+$", before[-8:]):
            continue  # "to hold military exercises every year": intended, not held
        if _STOPPED.search(before[-50:]) or _TOPIC_LIST.search(before[-40:]):
            continue  # "suspended joint exercises with the US in 2017", "cooperation ..., including joint exercises"
        if (not verb_first and _COUNTED.search(before[-25:])) or _INSIDE_DEAL.search(before[-70:]):
            continue
        at, end = sent.start + match.start(), sent.start + match.end()
        clause = clause_of(sent, at)
        if modality(sent, at, end, clause) != "factual" or _PLEDGE.search(
            sent.text[max(0, match.start() - 60) : match.start()]
        ):
            continue  # planned, pledged or denied drills are not drills held
        pointed = not any(
            m.code and clause[0] <= m.start < clause[1] for m in sent.mentions
        ) and _PLURAL.search(sent.text, clause[0] - sent.start, at - sent.start)
        # "The three navies staged an exercise ... after North Korea tested a missile": the navies pointed at
        actors = with_pair(sent, set() if pointed else participants(sent, at, clause), _PLURAL)
        watched = {
            m.code
            for m in sent.mentions
            if m.code
            and _AROUND.search(sent.low, max(0, m.start - sent.start - 16), m.start - sent.start)
            and not (m.code in sent.group and sent.low.startswith("off ", m.start - sent.start - 4))
        }  # "off Alaska" is watched; "the three navies held an exercise off Cape Town" is a host
        # "held a missile defence drill ... to counter North Korean threats": the threat, not a party
        watched |= objects_after(sent, end, _COUNTERED)
        if len(actors - watched) >= 2:
            actors -= (
                watched  # "Chinese and Russian warships circle Japan": Japan watched, not drilling
            )
        if len(actors) < 2:
            continue
        draft = Draft(
            "military_exercise",
            frozenset(actors),
            sent,
            (at, end),
            confidence=0.7,
            attributed_to=source(sent),
        )
        cut = _NOT_WHERE.search(sent.text, end - sent.start, clause[1] - sent.start)
        hi = (
            sent.start + cut.start() if cut else clause[1]
        )  # "..., under a ceasefire deal reached in Moscow"
        draft.fields["location"] = place(sent, end, hi, end) or place(sent, at, end, at)
        draft.date = event_date(doc, sent, clause[0], clause[1], at, "past")  # drills told as held
        if not found or (
            all(d.fields["location"] not in {None, draft.fields["location"]} for d in found)
            and draft.fields["location"]
        ):
            found.append(draft)
    if found:
        doc.notes["last_exercise"] = (sent.index, found[-1])
    else:
        _fill_place(doc, sent)
    return found


_CONTENT = re.compile(
    r"\b(?:calling|called|urging|urged|demanding|proposing|setting out|to declare)\b"
)


def _statement_date(doc: Doc, sent: Sent, clause: tuple[int, int], at: int) -> Resolved | None:
    """The statement's date in its clause, but not one inside a subordinate phrase before it ("The two
    leaders, who last met when Xi travelled to Moscow in March 2023, issued a joint statement") nor a
    target year ("... by 2030"); without one, merge() takes the date of the parties' meeting."""
    best = None
    for expr in sent.dates:
        if not clause[0] <= expr.start < clause[1] or expr.prep in NOT_EVENT_DATE:
            continue
        if expr.start < at and _SUBORDINATE.search(
            sent.text, max(clause[0], expr.start - 45) - sent.start, expr.start - sent.start
        ):
            continue
        if expr.start > at and _CONTENT.search(sent.text, at - sent.start, expr.start - sent.start):
            continue  # "a joint statement calling for a ceasefire from midnight on January 12": its content
        distance = abs(expr.start - at)
        if best is None or distance < best[0]:
            best = (distance, expr)
    if best is None:  # "A joint statement issued after Tuesday's talks": the talks' day
        owner = next(
            (
                d
                for d in sent.dates
                if at <= d.start <= at + 60 and sent.text.startswith("'s", d.end - sent.start)
            ),
            None,
        )
        return resolve(owner, doc.published, "past") if owner else None
    return resolve(best[1], doc.published, "past")


_SAID_IN = re.compile(
    r"\b(?:said|say|says|announced|declared)\s+in\s+(?:a|their)\s+joint\b", re.IGNORECASE
)


def _story_day(doc: Doc) -> Resolved | None:
    """The day the story's lead tells (its only recent day), for a statement no meeting of its parties
    dates ("Britain, France and Germany said in a joint statement that ...")."""
    lead = next((s for s in doc.sents[:2] if s.text.rstrip().endswith((".", '"', "”"))), None)
    if lead is None:
        return None
    days = [
        when
        for d in lead.dates
        if d.kind in {"dow", "md", "rel"}
        and d.prep not in NOT_EVENT_DATE
        and (when := resolve(d, doc.published, "past")) is not None
        and when.precision == "day"
    ]
    recent = [w for w in days if 0 <= (doc.published - w.day).days <= 7]
    return (
        recent[-1] if len(recent) == 1 or (recent and len({w.iso for w in recent}) == 1) else None
    )


_AFTERWARDS = re.compile(
    r"\W*(?:Afterwards|Afterward|After(?:wards)? the (?:talks|meeting|summit)|Following the (?:talks|meeting)"
    r"|At the end of the (?:talks|meeting|summit)|Later(?: that day)?),?\s"
)


def read_statements(doc: Doc, sent: Sent) -> list[Draft]:
    """A joint statement or declaration that was issued (not one that will be)."""
    if "statement" not in sent.families:
        return []
    match = _STATEMENT.search(sent.text)
    if match is None:
        return []
    at, end = sent.start + match.start(), sent.start + match.end()
    clause = clause_of(sent, at)
    if modality(sent, at, end, clause) != "factual":
        return []
    if _NAMED_IN.search(sent.text, max(0, match.start() - 40), match.start()):
        return []  # "upheld the recognition of previous cabinets, including the 1998 joint declaration"
    if (
        match.group().endswith("Declaration")
        and len(participants(sent, at, clause)) < 2
        and not _NAMED_BY.search(sent.text, clause[0] - sent.start, at - sent.start)
    ):
        return []  # "They adopted the Kazan Declaration": a summit's, of a bloc, not of the article's pair
    told: frozenset[str] = doc.notes.get("statement") or frozenset()
    restated = bool(told) and sent.text[max(0, match.start() - 4) : match.start()] in (
        "The ",
        "the ",
    )
    actors = participants(sent, at, clause)
    if (
        sent.pair
        and not any(m.code and clause[0] <= m.start < clause[1] for m in sent.mentions)
        and _NAMED_BY.search(sent.text, clause[0] - sent.start, at - sent.start)
    ):
        actors = set(
            sent.pair
        )  # "The two sides issued a joint statement ... before the COP30 conference in Brazil"
    met = doc.notes.get("last_meeting")
    if (
        met
        and met[0] >= sent.index - 2
        and _LEADERS.search(sent.text, clause[0] - sent.start)
        and not actors >= met[1]
    ):
        actors = set(
            met[1]
        )  # "In a joint statement ..., the leaders condemned China's ...": those who just met
    elif (
        len(actors) < 2
        and met
        and met[0] >= sent.index - 2
        and _PLURAL.search(sent.text)
        and actors <= met[1]
    ):
        actors = set(met[1])  # "The leaders issued a joint statement": those who just met
    actors = with_pair(sent, actors)
    if restated:
        actors = set(told)  # "The joint statement said ...": the statement already read, told again
    if len(actors) < 2:
        return []
    draft = Draft(
        "joint_statement",
        frozenset(actors),
        sent,
        (at, end),
        confidence=0.7,
        attributed_to=source(sent),
    )
    # The statement's own clause dates it ("The two leaders, who last met when Xi travelled to Moscow in
    # March 2023, issued a joint statement"); without one, merge() takes the date of its meeting.
    draft.date = _statement_date(doc, sent, clause, at)
    last = doc.notes.get("last_date")
    if (
        draft.date is None
        and last is not None
        and last[0] == sent.index - 1
        and draft.actors <= last[2]
        and _AFTERWARDS.match(sent.text, clause[0] - sent.start)
    ):
        draft.date = last[
            1
        ]  # "... held talks on Tuesday. Afterwards they signed a joint statement"
    if draft.date is None and _SAID_IN.search(sent.text, max(0, match.start() - 30), match.end()):
        draft.date = _story_day(doc)  # "Britain, France and Germany said in a joint statement"
    doc.notes["statement"] = draft.actors
    return [draft]


def _fill_place(doc: Doc, sent: Sent) -> None:
    """ "The five-day drills in the Arabian Sea ...": a place for the exercise the sentence before began."""
    last = doc.notes.get("last_exercise")
    if last is None or last[0] != sent.index - 1 or last[1].fields.get("location"):
        return
    sequel = _SEQUEL.search(sent.text)
    if sequel:
        end = sent.start + sequel.end()
        cut = _NOT_WHERE.search(
            sent.text, end - sent.start
        )  # "... are part of a deal that ... reached in Moscow"
        hi = sent.start + cut.start() if cut else sent.end
        last[1].fields["location"] = place(sent, end, hi, end)
