"""Agreements concluded: signed, inked, struck or agreed deals, with their domain and value."""

import re

from services.extractor.extract.clauses import (
    ANAPHOR,
    clause_of,
    modality,
    objects_after,
    participants,
    with_pair,
)
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.slots import Draft, event_date, place, source

_DEAL = (
    r"(?:deals?|agreements?|contracts?|pacts?|accords?|treaty|treaties|memorand(?:ums?|a)(?: of understanding)?"
    r"|MoUs?|protocols?|currency swap|swap line|swap|documents|ceasefire|cease-fire|armistice"
    r"|(?:action\s+)?plans?(?=\s+(?:to|for|on|of)\s)|road\s?maps?"  # "signed a three-year action plan to ..."
    r"|(?:trade|investment|economic)(?:\s+and\s+(?:trade|investment|economic))?\s+partnership)"
)
_TRIGGER = re.compile(
    rf"\b(?P<verb>sign(?:ed|s|ing)?|ink(?:ed|s)?|seal(?:ed|s)?|str(?:uck|ikes?)|clinch(?:ed|es)?|conclud(?:ed|es)|exchanged"
    rf"|reach(?:ed|es)?|agreed|agrees|finali[sz]ed|renew(?:ed|s)?)\s+(?:[^\s;]+\s+){{0,9}}?{_DEAL}\b"
    rf"|\b{_DEAL}\b[^.;]{{0,120}}?\s(?:was|were|has been|have been|had been)\s+(?P<passive>signed|inked|sealed|struck"
    r"|concluded|agreed)"
    rf"|\b{_DEAL}\s+(?P<participle>signed|inked|sealed|concluded)\s+(?:in|on|at|by|last|earlier|during)\b"
    r"|\b(?P<agreed>agreed)\s+(?:to the|to an?|on the|on an?|upon)\b"
    # "agreed on Monday to slash the tariffs ..., a deal that sent stock markets soaring"
    r"|\b(?P<agreed_to>agreed)\b(?=[^.;]{0,160},\s+(?:in\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|pact|accord"
    r"|truce)\s+(?:that|which|brokered|reached|struck|mediated)\b)"
    rf"|\b(?P<worth>{_DEAL})\b(?=[^.;]{{0,90}}\b(?:worth|valued at)\s)"
    r"|\b(?P<witnessed>witness\w*|attend\w*|oversaw|oversee\w*|presided over)\s+the\s+signing\s+of\b",
    re.IGNORECASE,
)
_NOT = re.compile(
    r"^\s*(?:into law|off\b(?!\s+on)|up\b)|^[^.;]{0,12}\bwith (?:the|his|her)\b", re.IGNORECASE
)
_DOMAINS = (
    (
        "agriculture",
        r"wheat|grain|barley|soy\w*|corn|maize|agricultur\w*|farm\w*|food|pork|beef|poultry|dairy"
        r"|fertili[sz]er\w*|fisher\w*|fish|fish meal|seafood|rice|phytosanitary|crops?|livestock|sorghum|grapes?"
        r"|fruits?(?! of)|vegetables?|meat|mutton|sugar|coffee|cocoa|cotton|sesame|cherries|avocados?|durians?|palm oil"
        r"|veterinary|sanitary|fresh produce|citrus|horticultur\w*",
    ),
    (
        "energy",
        r"gas|oil|lng|pipelines?|energy|nuclear|power plants?|electricity|coal|crude|petroleum|uranium"
        r"|reactors?|hydrocarbons?|Power of Siberia|hydrogen|ammonia|renewables?|renewable energy|solar|wind power"
        r"|clean energy|green energy|power grids?",
    ),
    (
        "military",
        r"military|defen[cs]e|arms|weapons?|missiles?|S-400|fighters?|jets?|warships?|submarines?"
        r"|security|troops|army|naval|helicopters?|rifles?|guns?|ammunition|artillery|tanks?|drones?|frigates?"
        r"|air defen[cs]e|mutual (?:military )?assistance|mutual defen[cs]e|collective defen[cs]e|under attack|alliance"
        r"|reciprocal access|status of forces|visiting forces|ceasefire|cease-fire|armistice",
    ),
    (
        "finance",
        r"currenc(?:y|ies)|settle\w*|yuan|renminbi|reais|rupees|roubles?|rubles?|swaps?|financ\w*|bank\w*|payments?|loans?|credit|settlements?|bonds?|monetary",
    ),
    (
        "trade",
        r"trade|traded|free-trade|investments?|tariffs?|exports?|imports?|commerce|economic|customs|NAFTA|USMCA|CEPA"
        r"|RCEP|FTA|CPTPP",
    ),
)
_DOMAIN_RES = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in _DOMAINS]
# Subjects outside the named domains: a deal whose own words name one is "other", whatever its context says.
_OTHER_DOMAIN = re.compile(
    r"\b(?:satellites?|space|lunar|science|scientific|research|education\w*|universit\w+|students?|cultur\w+"
    r"|tourism|health|medical|vaccines?|climate|environment\w*|media|sports?|visas?|extradition|legal"
    r"|judicial|law enforcement|migration|customs cooperation|water)\b",
    re.IGNORECASE,
)
# Ceremony, not subject matter: "welcomed Lula with full military honours".
_CEREMONY = re.compile(r"\bmilitary (?:honou?rs|band|parade|guard)|guard of honou?r", re.IGNORECASE)
_MONEY_CUE = re.compile(
    r"(?:worth|valued at|value of|totall?ing)(?:\s+(?:an estimated|about|around|nearly|some|almost|up to"
    r"|more than|over))?\s*$",
    re.IGNORECASE,
)
# Near the deal, a plainer preposition also gives its size: "expand their swap line by $5 billion".
_NEAR_MONEY_CUE = re.compile(
    r"\b(?:by|of|for|at|renew\w*(?:\s+(?:their|its|the))?)(?:\s+(?:about|around|nearly|some|almost|up to|more than"
    r"|over))?\s*$",
    re.IGNORECASE,
)
_GOVERNED = re.compile(
    r"\b(?:from|for|of|on|in|to|bid\w*|tender\w*|win\w*|won)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
# "concluded negotiations (in principle) on the pact": talks that end in a deal conclude it (two of the
# three blind sets that met the phrase counted it).
_CONCLUDED_TALKS = re.compile(
    r"conclud\w+\s+(?:the\s+|their\s+)?(?:talks|negotiations)\s+(?:in principle\s+)?on\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:would|will|could|may|might|to|plans? to|expected to|set to)\s+(?:\w+\s+)?(?:sign|ink|seal|conclude)\b",
    re.IGNORECASE,
)
_AFTER_CLAUSE = re.compile(r"\W*(?:after|since|when|before|once|until)\s(?!which)", re.IGNORECASE)
# "28 agreements were signed during the visit": the article's two parties
_POINTER = re.compile(
    rf"{ANAPHOR.pattern}|\b(?:during|at the end of|on the sidelines of|after) the (?:visit|summit|talks|trip|meeting)\b",
    re.IGNORECASE,
)
_DURING_IT = re.compile(
    r"\b(?:[Dd]uring|[Aa]t the end of|[Aa]fter|[Ff]ollowing) the (?:meeting|talks|visit)\b"
)
_PAIR_SUBJECT = re.compile(
    r"\W*(?:[A-Z]\w+ \w+,\s*)?(?:the|both) (?:two )?(?:governments|sides|countries|nations|leaders|presidents|ministers)\b",
    re.IGNORECASE,
)
_TALKS_ON = re.compile(
    r"\b(?:talks|negotiations|work|discussions|consultations)\s+(?:on|about|toward|towards|over)\b",
    re.IGNORECASE,
)
_SUMMIT_IN = re.compile(r"\b(?:summit|conference|forum|games)\s+in\b", re.IGNORECASE)
_LISTING = re.compile(
    r"\W*(?:The|These|Those|Among the|They)\s+(?:deals|agreements|accords|documents|memoranda|contracts"
    r"|include|included|cover|covered)\b|\W*Among them\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"\s+(?:President|Prime Minister|Premier|leader|Chancellor|King|Crown Prince|Emir|Foreign Minister"
    r"|Defen[cs]e Minister|Supreme Leader)\b"
)
_TARGET_TALK = re.compile(
    r"\b(?:boost|raise|increase|lift|expand|double)\b[^.;]{0,60}\btrade\b[^.;]{0,40}\bto\b",
    re.IGNORECASE,
)


_AIMED_AT = re.compile(
    r"\b(?:to (?:restrict|curb|limit|counter|deter|contain|block|cut off|isolate|pressure|sanction)|against"
    r"|aimed at|targeting|directed at|brokered by|mediated by|facilitated by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
)  # lower-cased text; "in a deal brokered by China": the broker is no party


def read_agreements(doc: Doc, sent: Sent) -> list[Draft]:
    """The agreement a sentence says was concluded, if any (one per sentence)."""
    if "agreement" not in sent.families:
        return []
    for match in _TRIGGER.finditer(sent.text):
        if _NOT.match(sent.text[match.end("verb") if match["verb"] else match.end() :]):
            continue
        if match["agreed"] and _TARGET_TALK.search(sent.text):
            continue
        if _TALKS_ON.search(match.group()) and not _CONCLUDED_TALKS.match(match.group()):
            continue  # "agreed to restart talks on a trade deal": no deal yet
        if match["verb"] and re.search(
            r"\bto\s+$", sent.text[max(0, match.start() - 8) : match.start()]
        ):
            continue  # "officials expect the two governments to sign 40 agreements": not signed yet
        if match["worth"] and _NOT_DONE.search(sent.text, 0, match.start()):
            continue  # "Vietnam Airlines would sign a memorandum ..., a deal it valued at $7.8 billion"
        if match["worth"] and _GOVERNED.search(
            sent.text[max(0, match.start() - 30) : match.start()]
        ):
            continue  # "barred from contracts worth ...": contracts as a kind, not one concluded
        at, end = sent.start + match.start(), sent.start + match.end()
        clause = clause_of(sent, at)
        if modality(sent, at, end, clause) != "factual":
            continue
        if _AFTER_CLAUSE.match(sent.text, clause[0] - sent.start) and not any(
            clause[0] <= d.start < clause[1] for d in sent.dates
        ):
            continue  # "The exercise came days after North Korea and Russia signed a treaty": a reference
        own = participants(sent, at, clause)
        actors = with_pair(sent, own, _POINTER)
        met = doc.notes.get("last_meeting")
        if (
            len(own) < 2
            and met
            and met[0] >= sent.index - 1
            and own <= met[1]
            and _DURING_IT.search(sent.text)
        ):
            actors = set(
                met[1]
            )  # "Albanese met Boric ... During the meeting, the ministers signed ..."
        if sent.pair and _PAIR_SUBJECT.match(sent.text, clause[0] - sent.start):
            # "The two governments signed 18 agreements, including one on the Budapest-Belgrade railway";
            # the two who met in the sentence before, when they are not the article's pair ("On Tuesday in
            # Riyadh, Trump held talks with Mohammed bin Salman ... The two countries signed ...")
            met = doc.notes.get("last_meeting")
            near = met[1] if met and met[0] == sent.index - 1 and len(met[1]) == 2 else frozenset()
            actors = set(near if near and own <= near else sent.pair)
        aimed = objects_after(sent, end, _AIMED_AT)
        if len(actors - aimed) >= 2:
            actors -= aimed  # "reached an agreement to restrict China's access to chipmaking tools"
        if len(actors) < 2:
            continue
        draft = Draft(
            "agreement_signed",
            frozenset(actors),
            sent,
            (at, end),
            confidence=0.7,
            attributed_to=source(sent),
        )
        draft.fields["domain"] = _domain(doc, sent, _deal_words(sent, match), match.start())
        amount = _value(sent, at, end)
        if amount is not None:
            key = "value_usd" if amount[1] == "USD" else "amount"
            draft.fields[key] = amount[0]
            if amount[1] != "USD":
                draft.fields["currency"] = amount[1]
        draft.date = event_date(doc, sent, clause[0], clause[1], at, "past")
        _note_place(doc, sent, draft, clause)
        split = _per_partner(sent, match, draft, clause)
        if split:
            return split
        return [draft, *_second_deal(sent, match, draft), *_signing_meeting(sent, draft, clause)]
    return []


def _note_place(doc: Doc, sent: Sent, deal: Draft, clause: tuple[int, int]) -> None:
    """ "Iran and China signed a pact in Tehran on Saturday ... Wang also held talks with Rouhani": a deal's
    day and place, for the meetings of the same visit told later (meetings.py reads them)."""
    if deal.date is None or deal.date.precision != "day":
        return
    where = place(sent, clause[0], clause[1], deal.trigger[1]) or (
        doc.notes.get("dateline", (None, None))[0]
        if doc.notes.get("dateline", (None, None))[1] in deal.actors
        else None
    )
    if where is None:
        return
    noted = Draft("agreement_signed", deal.actors, sent, deal.trigger, date=deal.date)
    noted.fields["location"] = where
    doc.notes["last_placed"] = (sent.index, noted)
    doc.notes.setdefault("placed_by_day", {}).setdefault(deal.date.iso, (sent.index, noted))


def _signing_meeting(sent: Sent, deal: Draft, clause: tuple[int, int]) -> list[Draft]:
    """Leaders who sign together met: "Putin and Kim signed a treaty in Pyongyang on Wednesday"."""
    at = deal.trigger[0]
    leaders = {
        m.code
        for m in sent.mentions
        if m.code
        and clause[0] <= m.start < at
        and (
            m.kind == "person"
            or (m.kind == "demonym" and _TITLE.match(sent.text, m.end - sent.start))
        )
    }
    if len(leaders) < 2 or not leaders <= deal.actors:
        return []
    where = place(sent, at, clause[1], deal.trigger[1])
    if where and _SUMMIT_IN.search(sent.text, deal.trigger[1] - sent.start, clause[1] - sent.start):
        where = None  # "signed 37 agreements on the heels of the G20 summit in Rio de Janeiro"
    if where is None:
        return []  # without a place the signing may have been remote or the leaders' agreement in principle
    meeting = Draft(
        "meeting_held",
        deal.actors,
        sent,
        deal.trigger,
        date=deal.date,
        confidence=0.6,
        attributed_to=deal.attributed_to,
        cameo="040",
    )
    meeting.fields["location"] = where
    meeting.fields["format"] = "in_person"
    return [meeting]


def _value(sent: Sent, at: int, end: int) -> tuple[float, str] | None:
    for amount in sent.money:
        inside = at <= amount.start < end
        lead = sent.text[max(0, amount.start - sent.start - 30) : amount.start - sent.start]
        cued = amount.start >= at and _MONEY_CUE.search(lead)
        near = end <= amount.start <= end + 90 and _NEAR_MONEY_CUE.search(lead)
        if inside or cued or near:
            if (
                amount.currency != "USD"
            ):  # "worth 15 billion yuan, or about $2.1 billion": the text's dollars
                dollars = next(
                    (
                        m
                        for m in sent.money
                        if m.currency == "USD"
                        and _OR_ABOUT.fullmatch(
                            sent.text, amount.end - sent.start, m.start - sent.start
                        )
                    ),
                    None,
                )
                if dollars is not None:
                    return dollars.value, "USD"
            return amount.value, amount.currency
    return None


_OR_ABOUT = re.compile(
    r"\s*[,(]?\s*(?:or|about|roughly|around|some|or about|or roughly|or around|equivalent to)?\s*(?:about\s+)?"
)


_SECOND_DEAL = re.compile(
    rf"\s+and\s+(?:a|an|the)\s+(?P<words>(?:[\w-]+\s+){{0,4}}?){_DEAL}\b", re.IGNORECASE
)


_WITH_EACH = re.compile(r"\s+with\s+", re.IGNORECASE)
_PLURAL_DEALS = re.compile(r"\b(?:agreements|deals|pacts|accords|treaties)\b", re.IGNORECASE)


def _per_partner(
    sent: Sent, match: re.Match[str], draft: Draft, clause: tuple[int, int]
) -> list[Draft]:
    """ "Zelensky signed bilateral security agreements with Estonia and Lithuania": one deal per partner."""
    if len(draft.actors) < 3 or not match["verb"] or not _PLURAL_DEALS.search(match.group()):
        return []
    end = sent.start + match.end()
    if not _WITH_EACH.match(sent.text, match.end()):
        return []
    subject = {
        m.code
        for m in sent.mentions
        if m.code and clause[0] <= m.start < sent.start + match.start()
    }
    partners = [
        m.code
        for m in sent.mentions
        if m.code and end <= m.start < clause[1] and m.code not in subject
    ]
    if len(subject) != 1 or len(set(partners)) < 2:
        return []
    out = []
    for partner in dict.fromkeys(partners):
        one = Draft(
            draft.type,
            frozenset(subject | {partner}),
            sent,
            draft.trigger,
            dict(draft.fields),
            draft.date,
        )
        one.confidence, one.attributed_to = draft.confidence, draft.attributed_to
        out.append(one)
    return out


_INCLUDING = re.compile(r",?\s+including\s+(?:(?!\s+and\s+(?:a|an|another)\b)[^,.;]){0,80}")
_ANOTHER = re.compile(
    r"\s+and\s+(?:another|an?)\s+(?:(?:one|deal|agreement|memorandum|protocol|pact|contract|MoU)\s+)?"
    r"(?P<words>(?:on|to|for|covering|about)\s+(?:[^,.;]|[,.](?=\d)){0,80})"
)


def _own_domain(words: str) -> str | None:
    """The domain a deal's own words name, if any."""
    for name, pattern in _DOMAIN_RES:
        if pattern.search(words):
            return name
    return "other" if _OTHER_DOMAIN.search(words) else None


def _second_deal(sent: Sent, match: re.Match[str], first: Draft) -> list[Draft]:
    """ "signed a military framework agreement and a financial cooperation agreement": two deals, when
    the second's own words name another domain."""
    if not match["verb"]:
        return []
    second = _SECOND_DEAL.match(sent.text, match.end())
    domain = _own_domain(second["words"]) if second else None
    if (
        second is None
    ):  # "signed 18 agreements, including one on nuclear energy and another on the railway"
        listed = _INCLUDING.match(sent.text, match.end())
        second = _ANOTHER.match(sent.text, listed.end()) if listed else None
        domain = (_own_domain(second["words"]) or "other") if second else None
    if second is None or domain is None or domain == first.fields.get("domain"):
        return []
    draft = Draft(
        first.type,
        first.actors,
        sent,
        (sent.start + second.start(), sent.start + second.end()),
        {"domain": domain},
        first.date,
        confidence=first.confidence,
        attributed_to=first.attributed_to,
    )
    return [draft]


def _deal_words(sent: Sent, match: re.Match[str]) -> str:
    """The words naming the deal itself ("a new 30-year oil and gas deal"), without the verb."""
    if match["verb"]:
        named = re.match(
            r",?\s+including\s+(?:(?!\s+and\s+(?:a|an|another)\b)[^,.;]){0,80}"
            r"|\s+(?:on|for|concerning|regarding)\s+[^,.;]{0,60}",
            sent.text[match.end() :],
        )  # "signed a Treaty on Mutual Legal Assistance in Criminal Matters": what it is about
        # "signed four documents, including a water cooperation agreement": the one named names them
        return match.group()[len(match["verb"]) :] + (named.group() if named else "")
    if match["witnessed"]:  # "witnessed the signing of 37 cooperation documents covering ..."
        return sent.text[match.end() : match.end() + 80]
    if match["agreed"] or match["agreed_to"]:
        return ""
    # the noun phrase before the noun only: "the fruit of a 30-year supply contract" is a "supply contract"
    head = re.split(
        r",|\s(?:of|is|was|are|were|that|which)\s",
        sent.text[max(0, match.start() - 40) : match.start()],
    )
    return head[-1] + match.group()


_FIELD_LIST = re.compile(
    r"\b(?:in|on|covering|including|spanning|ranging from)\s+(?:areas such as\s+|fields such as\s+)?"
    r"(?P<items>(?:[\w-]+(?:\s+[\w-]+)?,\s+){2,}(?:and\s+)?[\w-]+(?:\s+[\w-]+)?)"
)


def _mixed(text: str, at: int) -> bool:
    """A package whose documents the sentence lists over three or more fields, two of them different
    named ones or one named and one outside them: a mixed package, of no one field."""
    found = _FIELD_LIST.search(text, at)
    if found is None or found.start() - at > 120:
        return False
    fields = set()
    for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", found["items"]):
        named = next((name for name, p in _DOMAIN_RES if p.search(item)), None)
        fields.add(named or ("other" if _OTHER_DOMAIN.search(item) else "?"))
    return len(fields - {"?"}) >= 2


_CURRENCY_NAMES = frozenset(
    {"yuan", "renminbi", "reais", "rupees", "rouble", "roubles", "ruble", "rubles"}
)


def _nearest_domain(text: str, at: int) -> str | None:
    """The named field whose word stands nearest the deal's trigger ("the fruit of a supply contract that
    Gazprom and China National Petroleum Corp signed": petroleum, not fruit)."""
    best: tuple[int, str] | None = None
    for name, pattern in _DOMAIN_RES[:-1]:
        for found in pattern.finditer(text):
            if found.group().lower() in _CURRENCY_NAMES:
                continue  # "5,000 crore rupees", "a Yuan-class submarine": a price or a name, not a field
            distance = abs(found.start() - at)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def _first_domain(text: str) -> str | None:
    """The first named field (trade aside) whose words the text holds, in the order of _DOMAINS."""
    return next((name for name, pattern in _DOMAIN_RES[:-1] if pattern.search(text)), None)


def _domain(doc: Doc, sent: Sent, deal: str, at: int) -> str:
    """The deal's own words decide first, then the subject matter of its sentence and the two before."""
    if _mixed(sent.text, at):
        return "other"  # "signed 23 agreements on cooperation in infrastructure, mining, agriculture, health"
    own = _CEREMONY.sub("", sent.text)
    named = [name for name, pattern in _DOMAIN_RES if pattern.search(deal)]
    if (
        len(named) > 1
    ):  # "the fruit of a supply contract ... Petroleum": the word nearest the trigger
        return _nearest_domain(own, at) or named[0]
    if named:
        return named[0]
    if _OTHER_DOMAIN.search(deal):
        return "other"  # "a pact to jointly build a sixth satellite"
    # "The deals include protocols opening China's market to ...", in one of the next two sentences
    listed = [
        s.text
        for s in doc.sents[sent.index + 1 : sent.index + 3]
        if _LISTING.match(s.text)
        # "Among them is an agreement on ...", right after: the one deal singled out names the domain of
        # documents that have none, not of "37 agreements covering agriculture, trade, ..."
        and not (
            s.text.lstrip().startswith("Among them")
            and (s.index != sent.index + 1 or _first_domain(own) is not None)
        )
    ]
    for text in listed:
        found = _first_domain(text)
        if found:
            return found
    found = _nearest_domain(own, at) or _first_domain(own)
    if found:
        return found
    if _OTHER_DOMAIN.search(own):
        return (
            "other"  # "signed an agreement under which Tokyo will provide a lunar rover": not the
        )
        # defence talks of the sentences before
    for earlier in reversed(doc.sents[max(0, sent.index - 2) : sent.index]):
        found = _first_domain(_CEREMONY.sub("", earlier.text))
        if found:
            return found
    return "trade" if _DOMAIN_RES[-1][1].search(sent.text) else "other"
