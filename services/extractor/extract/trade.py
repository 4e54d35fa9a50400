"""Bilateral trade: stated targets ("boost trade to $250 billion by 2024") and reported figures."""

import re
from datetime import date

from services.extractor.extract.clauses import ANAPHOR, NEGATION, clause_of
from services.extractor.extract.dates import resolve
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.money import CHANGE_CUE as _CHANGE_CUE
from services.extractor.extract.money import Amount
from services.extractor.extract.slots import Draft, source

_TRADE = re.compile(
    r"\b(?:trade|traded|turnover|exports?|exported|imports?|imported|shipments|commerce|trading)\b"
)  # lower-cased text
_TARGET_NOUN = re.compile(
    r"\b(?:target|goal|objective|aim)\s+(?:of\s+)?(?:reaching\s+|hitting\s+)?$", re.IGNORECASE
)
_TARGET_VERB = re.compile(
    r"\b(?:to|would|will|should|intends?|aims?|aimed|agreed|pledged|vowed|plans?|hopes?|seeks?|wants?|of)\s+"
    r"(?:\w+\s+){0,2}(?:boost|rais|increas|lift|expand|bring|tak|push|doubl|grow|reach|hit)\w*\b"
    r"[^.;]{0,40}\b(?:trade|turnover|commerce|exchanges|it|the figure|that figure|this figure|the volume|the total)\b[^.;]{0,50}$",
    re.IGNORECASE,
)
# "were aiming for annual trade of $100 billion", "targeting two-way trade of $X"
_TARGET_OF = re.compile(
    r"\b(?:aim\w*|target\w*|hop\w*|seek\w*|want\w*|eye\w*)\s+(?:for|at)?\s*(?:an?\s+)?(?:annual\s+|bilateral\s+"
    r"|two-way\s+|yearly\s+)*(?:trade|turnover|commerce)(?:\s+volume)?\s+of\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# "the two countries aimed to reach $200 billion by 2024" (trade named earlier in the sentence)
_AIM_REACH = re.compile(
    r"\b(?:aim\w*|target\w*|plan\w*|hop\w*|seek\w*|want\w*|goal is|intend\w*)\s+to\s+(?:reach|hit|achieve|attain)"
    r"\s+(?:about\s+|around\s+|at least\s+)?$",
    re.IGNORECASE,
)
# "India, Russia aim for $100 billion trade by 2030"
_AIM_FOR = re.compile(
    r"\b(?:aim\w*|target\w*|eye\w*|seek\w*)\s+(?:for|at)\s+(?:an?\s+)?$", re.IGNORECASE
)
_TRADE_AFTER = re.compile(
    r"\s+(?:(?:in|of)\s+)?(?:(?:annual|bilateral|two-way|yearly)\s+)*(?:trade|turnover)\b",
    re.IGNORECASE,
)
# "China pledged to buy an additional $200 billion of U.S. goods": a purchase pledge, not a trade figure.
# "raising tariffs on essentially all remaining imports from China, worth about $300 billion"
_EVERY_MARKET = re.compile(
    r"\b(?:to|with|across|in|of)\s+(?:every|all|each)\s+(?:of\s+its\s+|its\s+)?(?:markets?|countries|country|destinations?"
    r"|partners?|trading partners)\b"
)
_LEVIED_WORTH = re.compile(
    r"\b(?:tariffs?|duties|levies|sanctions|restrictions)\s+on\b[^.;]{0,80}\bworth\s+(?:about\s+|around\s+|some\s+"
    r"|nearly\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_HORIZON = re.compile(
    r"[^.;]{0,30}?\b(?:within (?:the next )?(?:\w+|\d+) years|in the next (?:\w+|\d+) years)\b",
    re.IGNORECASE,
)
_AND_TO = re.compile(
    r"\band\s+(?:[\w-]+\s+){0,4}?to\s+(?:over\s+|about\s+|around\s+|more than\s+|at least\s+)?$",
    re.IGNORECASE,
)
_PURCHASE = re.compile(
    r"\b(?:buy|purchase|import)\s+(?:an?\s+)?(?:additional|extra|further)\s+$", re.IGNORECASE
)
_TARGET_FROM = re.compile(r"\b(?:target|goal)\s+from\s+$", re.IGNORECASE)
_THRESHOLD = re.compile(
    r"\b(?:topp\w+|surpass\w*|exceed\w*|pass\w*|cross\w*|above|over|more than|beyond)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"\s+(?:(?:annual|bilateral|trade|two-way)\s+){0,2}(?:target|goal)\b", re.IGNORECASE
)
_PREVIOUS_SUBJECT = re.compile(
    r"\W*(?:The|That|Their|An)\s+(?:previous|earlier|old|former|original)\s+(?:\w+\s+)?(?:goal|target|objective|benchmark)\b"
)
_PREVIOUS = re.compile(
    r"\b(?:previous|earlier|prior|old|original|former)\s+(?:\w+\s+)?(?:target|goal|objective|aim|benchmark)\s+of\s+$",
    re.IGNORECASE,
)
_NOT_BILATERAL = re.compile(
    r"\b(?:deficit|surplus|imbalance|gap|investment|investments|loans?|reserves|debt|market share|global|worldwide"
    r"|(?:net )?(?:loss|profit|revenue|earnings|income|sales)\s+of|(?:overall|total) (?:[\w-]+ )?(?:exports|imports)|(?<!of )foreign trade(?! (?:ministry|minister|department|office|council|bank))|(?:import|export) bill)\b",
    re.IGNORECASE,
)
_DEAL_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:currency swap|swap|deal|contract|agreement|loan|credit"
    r"|investment|fund|package|project|pipeline)s?\b",
    re.IGNORECASE,
)
# "ran a $24.1 billion deficit in its trade with Japan": a balance, not a trade figure.
_GAP_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:trade\s+)?(?:deficit|surplus|shortfall|imbalance)\b", re.IGNORECASE
)
_LEVIED = re.compile(
    r"\b(?:tariffs?|duties|levies|sanctions|restrictions|controls)\s+(?:[\w.]+\s+){0,6}?on\s+"
    r"(?:a further |an additional |another |some |about |nearly |over )?$",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:could|may|might|would|will|likely|expect(?:s|ed)?|forecasts?|projected|estimated to|set to|on track"
    r"|predicts?|predicted|projects?)\b",
    re.IGNORECASE,
)
_CARRY = re.compile(
    r"^(?:[\w\s,]{0,25}\b)?(?:it|this|that|the (?:dollar |trade )?(?:figure|value|total|volume|amount))\b"
    r"|\b(?:that|this|the) (?:figure|total|volume)\b",  # "working to bring that figure to $200 billion"
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
_FLOW_PARTNER = re.compile(
    r"\b(?:exports?|exported|imports?|imported|shipments|purchases|sales)\s+(?:[\w-]+\s+){0,3}?(?:to|from)\s+[A-Z]",
    re.IGNORECASE,
)
# "pledged to double bilateral trade by 2030": a target stated as a multiple, with its year.
_MULTIPLY = re.compile(
    r"\b(?:to|would|will|aims? to|plans? to|of|on)\s+(?:\w+\s+){0,2}?(?:double|doubling|triple|tripling|treble)\s+"
    r"(?:the\s+|their\s+|its\s+)?(?:(?:bilateral|two-way|annual|mutual)\s+)?(?:trade|turnover|commerce|it)\b"
    r"(?:\s+(?:volume|turnover))?[^.;]{0,30}?\b(?:by|before|within)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_FLOW = re.compile(
    r"\b(?P<f>exports?|exported|exporting|imports?|imported|importing|shipments)\b", re.IGNORECASE
)


def read_trade(doc: Doc, sent: Sent) -> list[Draft]:
    """Trade targets and trade figures of one sentence."""
    if "last_target" in doc.notes and _previous_told(doc, sent):
        return []
    has_trade = "trade" in sent.families and bool(_TRADE.search(sent.low))
    carry = doc.notes.get("last_trade")
    if not has_trade and not (
        carry and carry[0] == sent.index - 1 and sent.money and _CARRY.search(sent.text)
    ):
        return []
    if _DIGIT.search(sent.text) is None and _CHANGE_CUE.search(sent.low) is None:
        return []  # neither an amount nor a change: nothing to read (checked before the costlier steps)
    if ("every" in sent.low or " all " in sent.low) and _EVERY_MARKET.search(sent.low):
        return []  # "figures that cover sales to every market from Germany to Iraq": a global total
    multiple = (
        _MULTIPLY.search(sent.text)
        if has_trade and ("doubl" in sent.low or "tripl" in sent.low or "trebl" in sent.low)
        else None
    )
    if multiple and not sent.money:
        return _multiple_target(doc, sent, multiple)
    if not sent.money and not sent.changes:
        return []
    if NEGATION.search(sent.text[:40]) and not sent.money:
        return []
    anchor = (
        sent.money[0].start
        if sent.money
        else (sent.changes[0].start if sent.changes else sent.start)
    )
    actors = _pair(sent, clause_of(sent, anchor)) if has_trade or not carry else carry[1].actors
    if len(actors) < 2:
        return []
    drafts: list[Draft] = []
    used: set[int] = set()
    target = _target(doc, sent, actors, used)
    if target:
        drafts.append(target)
        for (
            amount
        ) in sent.money:  # "... to over $100 billion and trade in services to over $15 billion"
            lead = sent.text[max(0, amount.start - sent.start - 50) : amount.start - sent.start]
            if amount.start not in used and amount.currency == "USD" and _AND_TO.search(lead):
                also = Draft(
                    "trade_target", actors, sent, (amount.start, amount.end), confidence=0.7
                )
                also.fields.update(
                    value_usd=amount.value, target_year=target.fields.get("target_year")
                )
                used.add(amount.start)
                drafts.append(also)
    elif multiple:  # "trade reached $41 billion last year, and the sides have set the goal of doubling it by 2030"
        drafts.extend(_multiple_target(doc, sent, multiple))
    for amount in sent.money:
        if amount.start in used or (amount.currency != "USD" and not has_trade):
            continue
        lead = sent.text[max(0, amount.start - sent.start - 50) : amount.start - sent.start]
        tail = sent.text[amount.end - sent.start : amount.end - sent.start + 30]
        if (
            _NOT_BILATERAL.search(lead)
            or _DEAL_AFTER.match(tail)
            or _GAP_AFTER.match(tail)
            or _LEVIED.search(
                lead
            )  # "the tariff it imposed on Sept. 1 on about $120 billion of goods"
            or _PURCHASE.search(lead[-35:])
            or _LEVIED_WORTH.search(
                sent.text, max(0, amount.start - sent.start - 110), amount.start - sent.start
            )
        ):
            continue
        if _NOT_BILATERAL.search(
            sent.text, clause_of(sent, amount.start)[0] - sent.start, amount.start - sent.start
        ):
            continue  # "the EU's trade deficit with China had doubled in two years to around 400 billion euros"
        if _THRESHOLD.search(lead[-25:]) and any(
            m.currency == "USD" and m.start != amount.start and m.start not in used
            for m in sent.money
        ):
            continue  # "topping $100 billion for a second year": a threshold beside the figure itself
        figure = _volume(doc, sent, actors, amount, carry[1] if carry and not has_trade else None)
        horizon = _HORIZON.match(sent.text, amount.end - sent.start)
        if figure.fields.get("forecast") and horizon and amount.currency == "USD":
            # "officials expected two-way trade to reach about $50 billion within five years": a goal
            figure = Draft("trade_target", actors, sent, figure.trigger, confidence=0.7)
            figure.fields.update(
                value_usd=amount.value, target_year=_target_year(sent, doc.published)
            )
        drafts.append(figure)
    if has_trade:
        # A change with no figure in its own clause ("while imports from China dropped 8.5%") is a figure too.
        for clause in _clauses_with_changes_only(sent):
            drafts.append(_volume(doc, sent, actors, None, None, clause))
    for draft in drafts:
        draft.attributed_to = source(sent)
    if drafts:
        doc.notes["last_trade"] = (
            sent.index,
            next((d for d in drafts if d.type == "trade_volume"), drafts[0]),
        )
        targets = [d for d in drafts if d.type == "trade_target"]
        if targets:
            doc.notes["last_target"] = (sent.index, targets[-1])
    return drafts


def _previous_told(doc: Doc, sent: Sent) -> bool:
    """ "... set a target of $100 billion by 2030. The previous goal, $30 billion by 2025, was overtaken":
    the target just set replaced that one."""
    last = doc.notes.get("last_target")
    if last is None or last[0] != sent.index - 1 or _PREVIOUS_SUBJECT.match(sent.text) is None:
        return False
    money = next((m for m in sent.money if m.currency == "USD"), None)
    if money is None:
        return False
    last[1].fields.setdefault("previous_value_usd", money.value)
    if last[1].fields.get("previous_value_usd") is None:
        last[1].fields["previous_value_usd"] = money.value
    return True


def _multiple_target(doc: Doc, sent: Sent, match: re.Match[str]) -> list[Draft]:
    """A target without a figure: "to double bilateral trade by 2030" (the year, no value)."""
    at = sent.start + match.start()
    clause = clause_of(sent, at)
    if NEGATION.search(sent.text[clause[0] - sent.start : match.start()]):
        return []
    actors = _pair(sent, clause)
    if len(actors) < 2:
        return []
    draft = Draft("trade_target", actors, sent, (at, sent.start + match.end()), confidence=0.7)
    draft.fields["target_year"] = int(match["year"])
    draft.attributed_to = source(sent)
    return [draft]


def _pair(sent: Sent, clause: tuple[int, int]) -> frozenset[str]:
    """The two trading parties: the clause's actors, the article's pair when the text points at it."""
    local = set(sent.codes(*clause)) - {"UN"}
    said = ANAPHOR.search(sent.text[clause[0] - sent.start : clause[1] - sent.start])
    if sent.pair and (sent.pair <= local or (said and local <= sent.pair)):
        return sent.pair
    codes = [c for c in sent.codes() if c != "UN"]
    unique = set(codes)
    # "imports from Russia": the other side is the pair's; "India's exports of services" names no partner
    pointed = ANAPHOR.search(sent.text) or _FLOW_PARTNER.search(sent.text)
    if sent.pair and (sent.pair <= unique or (len(unique) < 2 and pointed and unique <= sent.pair)):
        return sent.pair
    ordered = list(dict.fromkeys(codes))
    return frozenset(ordered[:2]) if len(ordered) >= 2 else frozenset()


def _target(doc: Doc, sent: Sent, actors: frozenset[str], used: set[int]) -> Draft | None:
    for amount in sent.money:
        lead = sent.text[max(0, amount.start - sent.start - 120) : amount.start - sent.start]
        tail = sent.text[amount.end - sent.start : amount.end - sent.start + 30]
        # "the $200 billion target set by the two countries", "aiming for annual trade of $100 billion"
        named = (
            _TARGET_AFTER.match(tail) is not None
            or _TARGET_OF.search(lead[-60:]) is not None
            or _AIM_REACH.search(lead[-45:]) is not None
            or (_AIM_FOR.search(lead[-25:]) is not None and _TRADE_AFTER.match(tail) is not None)
        )  # "the $200 billion target set by the two countries", "aimed to reach $200 billion by 2024"
        if _PREVIOUS.search(lead) or not (
            named or _TARGET_NOUN.search(lead[-40:]) or _TARGET_VERB.search(lead)
        ):
            continue
        if amount.currency != "USD":
            continue
        if _TARGET_FROM.search(lead[-30:]):  # "lift the target from $5 billion to $10 billion"
            later = [
                m
                for m in sent.money
                if m.start > amount.end
                and re.fullmatch(
                    r"\s+to\s+", sent.text[amount.end - sent.start : m.start - sent.start]
                )
            ]
            if later and later[0].currency == "USD":
                draft = Draft(
                    "trade_target", actors, sent, (amount.start, later[0].end), confidence=0.8
                )
                draft.fields.update(value_usd=later[0].value, previous_value_usd=amount.value)
                draft.fields["target_year"] = _target_year(sent, doc.published)
                used.update({amount.start, later[0].start})
                return draft
        draft = Draft("trade_target", actors, sent, (amount.start, amount.end), confidence=0.8)
        draft.fields["value_usd"] = amount.value
        used.add(amount.start)
        for other in sent.money:
            other_lead = sent.text[max(0, other.start - sent.start - 40) : other.start - sent.start]
            if other.start != amount.start and _PREVIOUS.search(other_lead):
                draft.fields["previous_value_usd"] = other.value
                used.add(other.start)
        draft.fields["target_year"] = _target_year(sent, doc.published)
        return draft
    return None


def _target_year(sent: Sent, published: date) -> int | None:
    year = next(
        (
            d.year
            for d in sent.dates
            if d.kind == "y" and d.prep in {"by", "of", "end", "until", "for"}
        ),
        None,
    )
    if year is None:
        # "a goal of lifting bilateral trade to $1.2 billion next year": the year after publication
        nxt = next(
            (d for d in sent.dates if d.kind == "rel" and d.extra.endswith("next year")), None
        )
        year = published.year + 1 if nxt else None
    return year


def _clauses_with_changes_only(sent: Sent) -> list[tuple[int, int]]:
    """Clauses that hold a percentage change and a trade word but no money figure."""
    out: list[tuple[int, int]] = []
    for change in sent.changes:
        clause = clause_of(sent, change.start)
        if clause in out or any(clause[0] <= m.start < clause[1] for m in sent.money):
            continue
        if not _TRADE.search(sent.low, clause[0] - sent.start, clause[1] - sent.start):
            continue
        # Whose trade: both parties in the clause, or the clause points at them ("imports from China",
        # "bilateral trade"); "India's exports of services jumped 11 percent" is no bilateral figure.
        text = sent.text[clause[0] - sent.start : clause[1] - sent.start]
        if len(set(sent.codes(*clause))) >= 2 or ANAPHOR.search(text) or _FLOW_PARTNER.search(text):
            out.append(clause)
    return out


def _volume(
    doc: Doc,
    sent: Sent,
    actors: frozenset[str],
    amount: Amount | None,
    carried: Draft | None,
    within: tuple[int, int] | None = None,
) -> Draft:
    if within is not None:
        anchor = next(c.start for c in sent.changes if within[0] <= c.start < within[1])
    else:
        anchor = amount.start if amount else (sent.changes[0].start if sent.changes else sent.start)
    clause = within or clause_of(sent, anchor)
    draft = Draft(
        "trade_volume", actors, sent, (anchor, amount.end if amount else anchor), confidence=0.7
    )
    if amount:
        draft.fields.update(_money_fields(amount))
    flow, reporter = _flow(sent, anchor, actors)
    if carried and flow == "total":
        flow, reporter = carried.fields.get("flow", "total"), carried.fields.get("reporter")
    draft.fields["flow"], draft.fields["reporter"] = flow, reporter
    change = min(
        (c for c in sent.changes if clause[0] <= c.start < clause[1] + 40),
        key=lambda c: abs(c.start - anchor),
        default=None,
    )
    draft.fields["change_pct"] = change.pct if change else None
    period = _period(doc, sent, anchor, clause)
    last = doc.notes.get("last_trade")
    if period is None and last and last[0] >= sent.index - 3 and last[1].type == "trade_volume":
        period = last[1].fields.get("period")  # a story's later figures keep its period
    draft.fields["period"] = period
    if _FORECAST.search(sent.text[clause[0] - sent.start : anchor - sent.start]):
        draft.fields["forecast"] = True
    return draft


def _money_fields(amount: Amount) -> dict[str, object]:
    if amount.currency == "USD":
        return {"value_usd": amount.value}
    return {"amount": amount.value, "currency": amount.currency}


def _flow(sent: Sent, anchor: int, actors: frozenset[str]) -> tuple[str, str | None]:
    flows = list(_FLOW.finditer(sent.text))
    lead = sent.text[: anchor - sent.start][-60:]
    total = list(
        re.finditer(r"\b(?:trade|traded|turnover)\b", lead, re.IGNORECASE)
    )  # "the two countries traded $762 billion"
    flow_near = list(_FLOW.finditer(lead))
    # "Bilateral trade reached $150 billion ..., and Brazilian exports to China totaled $89.7 billion":
    # the nearer word decides
    if not flows or (total and not (flow_near and flow_near[-1].start() > total[-1].start())):
        return "total", None
    clause = clause_of(sent, anchor)
    before = [m for m in flows if clause[0] <= sent.start + m.start() < anchor]
    # "Chinese exports to Russia jumped 46.9% to $111 billion, while imports ...": the flow word
    # that leads the figure's own clause, else the nearest one.
    near = before[-1] if before else min(flows, key=lambda m: abs(sent.start + m.start() - anchor))
    flow = "exports" if near["f"].lower().startswith(("export", "shipment")) else "imports"
    pos = sent.start + near.start()
    owner = [
        m.code
        for m in sent.mentions
        if m.code in actors
        and pos - 25 <= m.end <= pos
        and not re.search(r"\b(?:from|to|into)\s+$", sent.text[: m.start - sent.start][-8:])
    ]  # "... goods from Japan in 2018 and exported $30.5 billion": Japan is the partner, not the exporter
    partner = [m.code for m in sent.mentions if m.code in actors and pos < m.start <= pos + 40]
    if owner:
        return flow, owner[-1]
    if (
        near["f"].lower().endswith(("ed", "ing"))
    ):  # "South Korea imported $54.6 billion ... and exported $30.5 billion"
        subject = [m.code for m in sent.mentions if m.code in actors and m.end <= pos]
        if subject:
            return flow, subject[0]
    if partner:
        others = sorted(actors - {partner[0]})
        return flow, others[0] if others else None
    return flow, None


def _period(doc: Doc, sent: Sent, anchor: int, clause: tuple[int, int]) -> str | None:
    candidates = [
        d
        for d in sent.dates
        if d.prep not in {"since", "by", "until"}
        and not (
            d.kind == "y" and d.prep in {"from", "over", "than"}
        )  # "rose 26.3% from 2022": the base
        and d.kind != "dow"
        and not (
            d.kind == "rel" and d.extra.endswith(("week", "day", "today", "yesterday", "tomorrow"))
        )
    ]
    if not candidates:
        return None
    # "rose to $4.2 billion in October from $3.6 billion in September": each figure's own date
    # follows it; else the nearest date in its clause.
    end = next((m.end for m in sent.money if m.start == anchor), anchor)
    own = [d for d in candidates if 0 <= d.start - end <= 12]
    best = (
        own[0]
        if own
        else min(
            candidates,
            key=lambda d: abs(d.start - anchor) + (0 if clause[0] <= d.start < clause[1] else 200),
        )
    )
    resolved = resolve(best, doc.published, "past")
    return (
        resolved.iso
        if resolved and resolved.precision != "day"
        else (resolved.iso[:7] if resolved else None)
    )
