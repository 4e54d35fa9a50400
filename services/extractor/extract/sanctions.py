"""Sanctions and restrictions: threatened or imposed, by whom and on whom (one event per target).

A sentence is read around each restriction noun ("sanctions", "tariffs", "export controls", "an import ban")
and each restricting verb ("sanctioned", "blacklisted", "banned imports from"): the cue verb before it or the
passive after it says imposed or threatened, the subject or a modifier says by whom, and the objects after it
("on Chinese officials", "against Russia", "imported from China", "exports to South Korea") say on whom.
"""

import re

from services.extractor.extract.clauses import NEGATION, clause_of, located, modality
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.gazetteer import Mention
from services.extractor.extract.slots import Draft, event_date, source

_NOUN = re.compile(
    r"\b(?:sanctions?|restrictions?|embargo(?:es)?|export controls?|(?:controls|curbs?) on (?:the )?exports?|export curbs?"
    r"|export bans?|import bans?"
    r"|tariffs?|(?:anti-dumping |countervailing |punitive |import |retaliatory )?duties|levies"
    r"|blacklist|entity list|penalt(?:y|ies)|punitive measures|counter-?measures|retaliatory measures"
    r"|(?:restrictive|coordinated|parallel|reciprocal) measures"
    r"|asset freezes?|(?:a |an )?ban on"
    r"|(?:temporary |provisional )?(?:anti-dumping|anti-subsidy|countervailing) (?:deposits|measures)"
    r"|trade defen[cs]e (?:instruments?|tools?|measures))\b",
)  # on the lower-cased text: without case folding the engine skips most positions in C
# Nouns that name a sanction only in a warning ("warned London would face consequences").
_THREAT_NOUN = re.compile(
    r"\b(?:consequences|retaliation|reprisals?|a (?:heavy |high |steep )?price"
    r"|(?:a |an )?(?:firm|strong|resolute|stern|forceful|tough|decisive) (?:response|countermeasures|reaction)"
    r"|(?:all )?necessary measures|respond(?: firmly| resolutely| in kind)|measures to (?:safeguard|protect|defend)"
    r"|punitive action|punishment)\b"
)  # lower-cased text
# Verbs that restrict by themselves: their object is the target.
_VERB = re.compile(
    r"\b(?:(?<=be )(?:targeted|penali[sz]ed)|sanctioned|sanctioning|blacklisted|blacklisting|(?:banned|bans|banning|barred|halted|suspended"
    r"|blocked|restricted|curbed|stopped|restricting|curbing|halting|suspending|blocking|banning)\s+(?:(?:all|the|its|most|some|further|new)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:imports?|exports?|shipments|sales|purchases)"
    r"|(?:froze|freezes|freezing|frozen|seized|blocked)\s+(?:the\s+)?(?:[\w-]+\s+)?assets\s+of"
    # "signed an order cutting off US aid to South Africa": aid withdrawn to punish
    r"|(?:cut(?:ting|s)?\s+off|suspend(?:ed|s|ing)?|froze|freez(?:es|ing)|halt(?:ed|s|ing)?|withh(?:eld|olds?|olding))"
    r"\s+(?:all\s+|the\s+)?(?:[\w.-]+\s+){0,2}?(?:aid|assistance|funding)\s+(?:to|for)"
    r"|(?:remov\w*|drop\w*|strik\w+|struck|delist\w*)(?=\s+(?:[\w-]+\s+){0,3}?(?:from|off)\s+(?:a|an|its|the|their)\s+"
    r"(?:own\s+)?[\"']?(?:white ?list|list of (?:trusted|preferred|favou?red)))"
    r"|(?:banned|bans|banning|barred|bars|bar|barring|excluded|excludes|exclude|excluding|shut|shuts|shutting"
    r"|blacklists?)(?=\s+(?:(?:all|the|its|some|more than|over|about|\d+)\s+)?(?:[\w-]+\s+)?"
    r"(?:[A-Z]|\d)))\b",
    re.IGNORECASE,
)
_THREAT = re.compile(
    r"\b(?:(?:could|may|might|would|will)\s+(?:also\s+)?be(?=\s*$)"  # "firms that could be sanctioned"
    r"|warn\w*|threat\w*|caution\w*|made (?:it )?clear|could face|would face|may face|vow\w*|consider\w*|mull\w*|weigh\w*"
    r"|(?:could|would|may|can|will|should) expect|(?:not|never) hesitate to|won't hesitate to"
    r"|(?:may|could|would|will|might|plans? to|ready to|prepared to|poised to|reserves? the right to)"
    r" (?:impose|slap|levy|sanction|respond|take|introduce|adopt|hit|retaliate|raise|hike|tighten|expand"
    r"|act against|act|add|put|place|blacklist|list|use|restrict|curb|limit|block|ban|bar))\b",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\b(?:impos\w+|re-?impos\w+|slapp?\w*|levie[sd]|levy(?:ing)?|announc\w+|unveil\w*|adopt\w*|approv\w*|introduc\w*|published"
    r"|raise[sd]?|raising|hik\w+|increas\w+|doubl\w+|tripl\w+|tighten\w*|expand\w*|extend\w*|broaden\w*"
    r"|froze|frozen|freez\w+|added|adding|adds|placed|put|puts|enacted|issued|rolled out|unleash\w*|began|start\w*"
    r"|(?:has |have |had )?faced|faces|facing|hit(?! out)|targets|targeted|targeting|took effect|take effect"
    r"|retaliated with|responded with|hit back with)\b",  # "Beijing retaliated with 125% duties on US goods"
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"^\s*(?:(?:were|was|have been|has been|had been|are|is|being|now)\s+)?(?:also\s+)?"
    r"(?P<verb>imposed|announced|slapped|levied|introduced|adopted|approved|unveiled|placed|applied|enacted"
    r"|took effect|take effect|came into (?:force|effect))\b",
    re.IGNORECASE,
)
_ON = re.compile(
    r"\b(?:on|against|targeting|targets|target|hitting|covering|included|includes)\s+"
    r"|\b(?:aimed at|designed to|meant to|intended to)\s+(?:cut(?:ting)?|curb\w*|restrict\w*|limit\w*|block\w*|slow\w*"
    r"|choke\w*|keep(?:ing)?|den(?:y|ying))\s+"
    r"|\b(?:exports?|exported|imports?|imported|shipments?|shipped|sales|sold|supplies|purchases)\s+"
    r"(?:[\w-]+\s+){0,8}?(?:to|from|into)\s+",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\bincluding\s+(?:the\s+)?")
_GOODS_TO = re.compile(r"\s+of\s+(?:[\w,'-]+\s+){0,10}?(?:to|into|from)\s+", re.IGNORECASE)
_REASON = re.compile(
    r"\b(?:over|because|in response|in retaliation|for (?:its|their|his|her)|after|amid|accus\w+"
    r"|citing|since|which|while|as part of)\b",
    re.IGNORECASE,
)
_EFFECTIVE = re.compile(
    r"\b(?:from|starting|effective|as of|beginning)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|today|tomorrow|next|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|\d)|\b(?:take|takes|took) effect\b"
    r"|\bwith immediate effect\b|\beffective immediately\b",
    re.IGNORECASE,
)
# "added Chinese telecoms giant Huawei and dozens of its affiliates to the Commerce Department's entity list"
_ADDED_TO = re.compile(
    r"\b(?:added|adding|adds|placed|placing|put|puts|putting)(?P<verb_end>)\b[^.;]{0,140}?\b(?:to|on)\s+"
    r"(?:the\s+|its\s+|a\s+|an\s+|their\s+)?[\"']?(?:[\w.'\"-]+\s+){0,4}?[\"']?"
    r"(?:entity list|blacklist|black list|sanctions list|unverified list|export control list)",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(
    # "Earlier this month it imposed ...": a time phrase may open the clause before the pronoun
    r"\s*(?:(?:Earlier|Later|Last|This|On|In|Since|Then)\b[\w ]{0,24}?,?\s+(?=it\b|they\b))?"
    r"(?:It|it|They|they|The (?:department|ministry|administration|government|bloc|commission|agency|office|Treasury)"
    r"|(?:The )?(?:Treasury|Commerce Department|State Department|Commerce Ministry|Foreign Ministry))\b"
)
_TOOK_EFFECT = re.compile(
    r"^(?:[^,.;]|\.\d){0,160}?\s(?P<verb>took effect|take effect|takes effect|came into (?:force|effect)|went into effect"
    r"|kicked in|kick in)\b",
    re.IGNORECASE,
)
_THREAT_AFTER = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:[\w.]+\s+){0,3}?(?:had\s+|has\s+|have\s+)?(?P<verb>threatened|vowed|warned)\s+to\s+\w+",
    re.IGNORECASE,
)
_PACKAGE = re.compile(
    r"\b(?:package|round|set|raft|wave|tranche|batch)\s+of\s+(?:new\s+|fresh\s+|further\s+)?$",
    re.IGNORECASE,
)
_PACKAGE_VERB = re.compile(
    r"\b(?:blacklist\w*|sanction\w+|impos\w+|adopt\w*|approv\w*|announc\w+|unveil\w*"
    r"|agreed|introduc\w+|targeted|hit)\b",
    re.IGNORECASE,
)
_SUBJECT_GAP = re.compile(
    r"(?:'s)?(?:\s+(?:[\w-]+\s+){0,2}?(?:government|ministry|administration|department|officials?|side|leaders?))?"
    r"\s+(?:(?:has|have|had|also|again|repeatedly|on\s+\w+|last\s+\w+|earlier|previously)\s+){0,3}",
    re.IGNORECASE,
)
_AND_GAP = re.compile(r"(?:'s)?\s*(?:,|and|&)\s*(?:the\s+)?")
_UNOFFICIAL = re.compile(
    r"\b(?:analysts?|experts?|economists?|observers?|critics?|commentators?|investors?|traders?|researchers?"
    r"|scholars?|diplomats? said|some)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_READY = re.compile(
    r"\s(?:was|is|were|are|would be|will be)\s+(?:ready|prepared|willing|poised)\s+to\b",
    re.IGNORECASE,
)
_WOULD = re.compile(
    r"\s+(?:would|will|could|might|may)\s+(?:\w+\s+){0,2}?(?:respond|retaliate|impose|take|hit)\b"
)
_ADJECTIVE_BEFORE = re.compile(r"\b(?:with|of|for|to|from|on|against|other)\s+$", re.IGNORECASE)
_ASKED = re.compile(
    r"\b(?:asked|asking|questioned|wondered)\s+(?:\w+\s+){0,2}?(?:whether|if)\b", re.IGNORECASE
)
_FACE = re.compile(r"\b(?:could|would|may|might|will|to)\s+face\b", re.IGNORECASE)
_SPEAKER = re.compile(
    r"(?P<who>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*)\s+(?:has\s+|had\s+)?(?:also\s+)?(?P<verb>said|says|warned|threatened)\b[^.;]*$"
)
_BACKDROP = re.compile(
    r"\b(?:despite|amid|under|risk of|fears? of|in the face of)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_CONTINUED = re.compile(
    r"\b(?:keep|keeps|continue|continues|extend\w*|maintain\w*|prolong\w*|renew\w*)\s+(?:to\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_BLAME = re.compile(r"\bresponsib\w+ for (?:all )?(?:the )?(?:\w+ )?$")
_SUBORDINATE_START = re.compile(r"\W*(?:after|since|when|before|once|as)\s", re.IGNORECASE)
_UNLESS = re.compile(r"\b(?:unless|if)\b", re.IGNORECASE)
_RELATIVE_IN = re.compile(r"\s(?:that|which|who)\s")
_RELATIVE = re.compile(r"\W*(?:which|that)\s", re.IGNORECASE)
_BY = re.compile(
    r"^\s+by\s+(?!\w+ing\b)(?:the\s+)?", re.IGNORECASE
)  # not "respond by dropping Japan"
_FILLER = re.compile(
    r"^(?:'s)?(?:\s|,|and|new|fresh|further|increasing|punishing|severe|harsh|economic|financial|trade|secondary"
    r"|sweeping|tough|additional|more|unilateral|first|latest|retaliatory|tit-for-tat|\w+-led|led|own|definitive"
    r"|provisional|temporary|permanent|higher|steep|hefty|countervailing|anti-subsidy|anti-dumping|punitive"
    r"|tighter|stricter|tougher|wider|broader)*$",
    re.IGNORECASE,
)
_LIFTED = re.compile(
    r"\b(?:lift\w*|eas(?:e|ed|es|ing)|remov\w+|relax\w*|scrap\w*|suspend\w* (?:the|its)|waive\w*"
    r"|exempt\w*|relief|evad\w+|circumvent\w*|avoid\w*|skirt\w*|bypass\w*|despite)\b",
    re.IGNORECASE,
)


def read_sanctions(doc: Doc, sent: Sent) -> list[Draft]:
    """Sanctions threatened (a warning, a threat) or imposed, one event per (imposer, target) pair."""
    if "sanctions" not in sent.families:
        return []
    drafts: list[Draft] = []
    seen: set[tuple[str, frozenset[str], str]] = set()
    spans = [(m.start(), m.end(), False) for m in _NOUN.finditer(sent.low)]
    spans += [(m.start(), m.end(), False) for m in _THREAT_NOUN.finditer(sent.low)]
    spans += [
        (m.start(), m.end(), True)
        for m in _VERB.finditer(sent.text)
        if not (
            m.group().lower() in {"sanctioned", "blacklisted"}
            and _ADJECTIVE_BEFORE.search(sent.text, max(0, m.start() - 12), m.start())
        )
    ]  # "to transact with sanctioned Russian individuals": who is under sanctions, no one imposing them
    for start, end, verb in sorted(spans):
        for draft in _read(doc, sent, sent.start + start, sent.start + end, verb):
            key = (draft.type, draft.by, next(iter(draft.target)))
            if key not in seen:
                seen.add(key)
                drafts.append(draft)
    return drafts


def _read(doc: Doc, sent: Sent, noun_at: int, noun_end: int, verb: bool) -> list[Draft]:
    clause = clause_of(sent, noun_at)
    lead = sent.text[max(0, noun_at - sent.start - 160) : noun_at - sent.start]
    threat = _THREAT.search(lead)
    threat_span = (
        (noun_at - len(lead) + threat.start(), noun_at - len(lead) + threat.end())
        if threat
        else None
    )
    later = _THREAT_AFTER.match(sent.text, noun_end - sent.start) if threat is None else None
    if later is not None:  # "the 25% tariffs he had threatened to slap on Mexican goods"
        threat = later
        threat_span = (sent.start + later.start("verb"), sent.start + later.end())
    if _THREAT_NOUN.fullmatch(sent.low, noun_at - sent.start, noun_end - sent.start) and (
        threat is None
        or _BLAME.search(sent.low, max(0, noun_at - sent.start - 40), noun_at - sent.start)
    ):
        return []  # "consequences" names a sanction only when someone warns of them, not "bear responsibility for"
    if threat is not None and later is None and _UNOFFICIAL.search(lead[: threat.start()][-40:]):
        threat, threat_span = (
            None,
            None,
        )  # "Analysts cautioned that ... U.S. export controls remain": no warning by a state
    if _ASKED.search(lead[-120:]):
        return []  # "Asked whether New Zealand would impose sanctions, Collins said ...": a question
    if threat and later is None and _BACKDROP.search(lead[: threat.start()][-30:]):
        return []  # "despite the threat of U.S. sanctions": a backdrop, not a new warning
    cue_at, cue_end, participle = noun_at, noun_end, False
    if threat_span is not None:
        cue_at, cue_end = threat_span
    elif not verb:
        listed = _ADDED_TO.search(sent.text, max(0, clause[0] - sent.start), noun_end - sent.start)
        cue = _cue_before(sent.text[clause[0] - sent.start : noun_at - sent.start]) or _package_cue(
            sent.text[clause[0] - sent.start : noun_at - sent.start]
        )
        if (
            listed is not None and listed.end() == noun_end - sent.start
        ):  # "added Huawei ... to its entity list"
            cue = (
                listed.start() - (clause[0] - sent.start),
                listed.start("verb_end") - (clause[0] - sent.start),
            )
        passive = _PASSIVE.match(sent.text[noun_end - sent.start :]) or _TOOK_EFFECT.match(
            sent.text[noun_end - sent.start :]
        )
        if cue is not None:
            cue_at, cue_end = clause[0] + cue[0], clause[0] + cue[1]
        elif passive is not None:
            cue_at, cue_end, participle = (
                noun_end + passive.start("verb"),
                noun_end + passive.end("verb"),
                True,
            )
        else:
            return []
    if not threat and _LIFTED.search(
        sent.text[max(clause[0], cue_at - 40) - sent.start : noun_at - sent.start]
    ):
        return []
    mood = modality(sent, min(cue_at, noun_at), max(cue_end, noun_end), clause_of(sent, cue_at))
    cue_text = sent.text[cue_at - sent.start : cue_end - sent.start]
    if mood == "negated" or (NEGATION.search(cue_text) and "hesitate" not in cue_text):
        return []  # "would not hesitate to impose" is a resolve, not a negation
    if mood == "hypothetical" and not threat:
        return []
    kind = "sanctions_threatened" if threat or mood == "future" else "sanctions_imposed"
    if (
        kind == "sanctions_threatened"
        and not threat
        and _CONTINUED.search(sent.text, max(0, noun_at - sent.start - 40), noun_at - sent.start)
    ):
        kind = "sanctions_imposed"  # "Poland will keep banning imports of Ukrainian wheat": in force already
    following = doc.sents[sent.index + 1].text if sent.index + 1 < len(doc.sents) else ""
    scheduled = threat is None or (
        threat.group().lower().startswith(("will ", "would ", "plan"))
        and not _UNLESS.search(
            sent.text
        )  # "would impose a 5% tariff from June 10 unless Mexico ..."
    )
    if (
        kind == "sanctions_threatened"
        and scheduled
        and (_EFFECTIVE.search(sent.text) or _EFFECTIVE.search(following))
    ):
        kind = "sanctions_imposed"  # "will impose duties on Australian wine from Saturday": decided, with a start
    cue_word = sent.text[cue_at - sent.start : cue_end - sent.start].lower()
    facing = "fac" in cue_word or "expect" in cue_word  # "Tehran could expect more sanctions"
    by = _by(sent, cue_at, cue_end, noun_at, noun_end, participle or facing)
    if not by and threat is not None:
        ready = _READY.search(sent.text, cue_end - sent.start, noun_at - sent.start)
        if ready:  # "She warned that Brussels was ready to restrict imports of Chinese goods"
            named = [
                m
                for m in sent.mentions
                if m.code and cue_end <= m.start and m.end <= sent.start + ready.start()
            ]
            by = {named[-1].code} if named and named[-1].code else set()
    if (
        not by and threat is not None
    ):  # "Katz warned that Israel would respond with parallel measures"
        responder = next(
            (
                m
                for m in sent.mentions
                if m.code
                and cue_end <= m.start
                and m.end <= noun_at
                and _WOULD.match(sent.text, m.end - sent.start)
            ),
            None,
        )
        by = {responder.code} if responder and responder.code else set()
    last = doc.notes.get("last_sanction_by")
    subject_it = _PRONOUN_SUBJECT.match(sent.text, clause_of(sent, cue_at)[0] - sent.start)
    said_before = (
        _previous_subject(doc, sent)
        if subject_it
        and not by
        and not facing
        and not _PASSIVE_AFTER.match(sent.text, subject_it.end())  # "It has been excluded from ..."
        else None
    )
    if (
        said_before
    ):  # "China's commerce ministry said ... Earlier this month it imposed ... on brandy"
        by = {said_before}
    elif not by and not facing and last and last[0] >= sent.index - 2 and subject_it:
        by = set(
            last[1]
        )  # "It also announced sanctions against ...": the imposer of the sentence before
    told: list[str] = []
    if facing and not by:
        speaker = _SPEAKER.search(sent.text, max(0, cue_at - sent.start - 90), cue_at - sent.start)
        if speaker:  # "Trump has also said China could face similar tariffs": the speaker threatens
            said = [
                m.code
                for m in sent.mentions
                if m.code
                and sent.start + speaker.start() <= m.start < sent.start + speaker.start("verb")
            ]
            by = set(said[:1])
            told = [
                m.code
                for m in sent.mentions
                if m.code and sent.start + speaker.end("verb") <= m.start < cue_at
            ]
    passive_threat = threat is not None and threat.group().lower().endswith("be")
    if (
        passive_threat
    ):  # "Turkish individuals and companies that could be sanctioned": the firms' state
        named = [
            m
            for m in sent.mentions
            if m.code
            and m.kind == "demonym"
            and cue_at - 70 <= m.start < cue_at
            and m.code not in by
        ]
        target = {named[-1].code} if named and named[-1].code else set()
        if not target:
            return []
    elif (
        facing and by and told
    ):  # the first actor after "said": "China, the largest buyer of Russian crude, could face"
        target = {told[0]} - by
    elif facing:  # "Russia has faced U.S. sanctions": the subject is the target, never the imposer
        subject = [
            m.code
            for m in sent.mentions
            if m.code and clause_of(sent, cue_at)[0] <= m.start and m.end <= cue_at
        ]
        target = set(subject[-1:]) - by
    elif threat and (addressee := _addressed(sent, cue_end, by)):
        target = addressee  # "warned Beijing against helping Russia evade sanctions"
    else:
        target = set()
        facing_later = (
            _FACE.search(sent.text, cue_end - sent.start, noun_at - sent.start) if threat else None
        )
        if facing_later:  # "warned that India could face sanctions under a law targeting buyers of
            stop = sent.start + facing_later.start()
            head = next((m for m in sent.mentions if m.code and cue_end <= m.start < stop), None)
            relative = (
                _RELATIVE_IN.search(sent.text, head.end - sent.start, facing_later.start())
                if head
                else None
            )
            if (
                relative
            ):  # "Chinese banks that provide support for Russia's war in Ukraine could face"
                stop = sent.start + relative.start()
            faced = [  # Russian weapons": who faces them is the target, not what the law names
                m.code for m in sent.mentions if m.code and cue_end <= m.start and m.end <= stop
            ]
            target = set(faced[-1:]) - by
        if not target:
            target = _targets(sent, cue_at, cue_word, noun_at, noun_end, clause, by, verb) - by
    if not target and threat:
        target = _addressee(sent, cue_at, cue_end, by) - by
    if not target and threat and by and by < sent.pair:
        target = set(
            sent.pair - by
        )  # "Beijing would take necessary countermeasures": against the other party
    if not by or not target:
        return []
    doc.notes["last_sanction_by"] = (sent.index, frozenset(by))
    when = (
        event_date(doc, sent, clause[0], clause[1], cue_at, "past")
        if kind == "sanctions_imposed"
        else None
    )
    if (
        kind == "sanctions_imposed"
        and _SUBORDINATE_START.match(sent.text, clause_of(sent, cue_at)[0] - sent.start)
        and when is not None
        and (doc.published - when.day).days > 60
    ):
        return []  # "seeking to diversify after China restricted imports of Australian barley in 2020"
    confidence = 0.75 if kind == "sanctions_imposed" and not verb else 0.65
    return [
        Draft(
            kind,
            frozenset(by | {code}),
            sent,
            (cue_at, noun_end),
            by=frozenset(by),
            target=frozenset({code}),
            date=when,
            confidence=confidence,
            attributed_to=source(sent),
        )
        for code in sorted(target)
    ]


def _cue_before(lead: str) -> tuple[int, int] | None:
    """The imposing verb of the noun: the last cue at most five words before it ("imposed sweeping new")."""
    window = lead[-70:]
    offset = len(lead) - len(window)
    best = None
    for match in _CUE.finditer(window):
        between = window[match.end() :]
        if len(between.split()) <= 6 and not re.search(r"[;:]", between):
            best = (offset + match.start(), offset + match.end())
            if "fac" in match.group().lower():
                return best  # "has faced increasing U.S. sanctions": the target's verb decides the roles
    return best


def _package_cue(lead: str) -> tuple[int, int] | None:
    """ "blacklisted two Chinese banks as part of its 18th package of sanctions against Russia": the
    package's verb may stand far before it."""
    if not _PACKAGE.search(lead):
        return None
    verb = _PACKAGE_VERB.search(lead)
    return verb.span() if verb else None


def _chain_before(sent: Sent, pos: int) -> set[str]:
    """Actors written just before `pos` as modifiers ("U.S. and European Union" sanctions)."""
    found: set[str] = set()
    edge = pos
    for m in reversed([m for m in sent.mentions if m.end <= pos]):
        if not m.code or not _FILLER.match(sent.text[m.end - sent.start : edge - sent.start]):
            break
        found.add(m.code)
        edge = m.start
    return found


def _chain_after(sent: Sent, pos: int, limit: int = 30) -> set[str]:
    """Actors written right after `pos`, joined by "and" or commas ("by the US and EU", "on Russia")."""
    found: set[str] = set()
    edge = pos
    for m in (m for m in sent.mentions if m.start >= pos):
        gap = sent.text[edge - sent.start : m.start - sent.start]
        joined = (
            re.fullmatch(r"(?:'s)?\s*(?:,|and|&)?\s*(?:the\s+)?", gap)
            if found
            else len(gap) <= limit and re.fullmatch(r"[\w\s'$.%-]*", gap)
        )
        if not m.code or not joined:
            break
        found.add(m.code)
        edge = m.end
    return found


def _joined(sent: Sent, first: Mention) -> list[Mention]:
    """Mentions coordinated with `first` ("the U.S. and Europe", "the US, the EU and Japan")."""
    out: list[Mention] = []
    edge = first.end
    for m in (m for m in sent.mentions if m.start >= first.end):
        if not re.fullmatch(
            r"(?:'s)?\s*(?:,|and|&)\s*(?:the\s+)?",
            sent.text[edge - sent.start : m.start - sent.start],
        ):
            break
        out.append(m)
        edge = m.end
    return out


_PASSIVE_AFTER = re.compile(r"\s+(?:has been|had been|have been|was|were|is|are|will be)\b")


def _previous_subject(doc: Doc, sent: Sent) -> str | None:
    """The state that opens the sentence before ("China's commerce ministry said ..."), which a sentence's
    "it" goes back to."""
    if sent.index == 0:
        return None
    prev = doc.sents[sent.index - 1]
    if _PRONOUN_SUBJECT.match(prev.text) and not any(
        m.code and m.start - prev.start <= 12 for m in prev.mentions
    ):
        return _previous_subject(
            doc, prev
        )  # "Beijing hit back. Earlier it imposed ... It also warned ..."
    first = next((m for m in prev.mentions if m.code), None)
    if (
        first is None
        or first.start - prev.start > 12
        or first.kind not in {"country", "demonym", "capital"}
    ):
        return None
    return first.code


def _by(
    sent: Sent, cue_at: int, cue_end: int, noun_at: int, noun_end: int, participle: bool
) -> set[str]:
    """Who imposes: "imposed by X", "warnings by X", "X's sanctions", else the subject before the cue."""
    for edge in dict.fromkeys((cue_end, noun_end)):
        passive = _BY.match(sent.text[edge - sent.start :])
        if passive:
            found = _chain_after(sent, edge + passive.end())
            if found:
                return found
    adjective = _chain_before(sent, noun_at)
    if adjective and (
        noun_at <= cue_at
        or not re.search(
            r"\b(?:on|against)\s", sent.text[cue_end - sent.start : noun_at - sent.start]
        )
    ):
        return adjective  # "U.S. sanctions imposed on", "imposed U.S. sanctions"; not "sanctions on Chinese firms"
    if participle:
        return set()  # "sanctions imposed on Russia": the sentence's subject is not the imposer
    lo = clause_of(sent, cue_at)[0]
    if _RELATIVE.match(sent.text, lo - sent.start):
        lo = (
            sent.start
        )  # "adopted a package ..., which ... blacklists two Chinese banks": the package's imposer
    # The subject stands right before its verb ("..., and Washington has warned that"); the clause's
    # first actor ("Deliveries ... to India began this month, and Washington ...") may be another's.
    near = [
        m
        for m in sent.mentions
        if m.code
        and lo <= m.start
        and m.end <= cue_at
        and not (m.place and located(sent, m))  # "EU ministers meeting in Luxembourg imposed"
    ]
    if near and _SUBJECT_GAP.fullmatch(sent.text, near[-1].end - sent.start, cue_at - sent.start):
        head = near[-1]
        while True:  # back over "X and Y" / "X, Y and Z"
            prev = [
                m
                for m in near
                if m.end <= head.start
                and _AND_GAP.fullmatch(sent.text, m.end - sent.start, head.start - sent.start)
            ]
            if not prev:
                break
            head = prev[-1]
        return {m.code for m in near if m.start >= head.start and m.code}
    first = next((m for m in sent.mentions if m.code and lo <= m.start and m.end <= cue_at), None)
    if first is None:
        first = next(
            (m for m in sent.mentions if m.code and sent.start <= m.start and m.end <= cue_at), None
        )
    if first is None or first.code is None:
        return set()
    return {first.code} | {m.code for m in _joined(sent, first) if m.end <= cue_at and m.code}


_BASED_IN = re.compile(
    r"(?:[\w-]+\s+){0,5}?(?:based|registered|headquartered|incorporated|located)\s+in\s+(?:mainland\s+)?"
)


def _targets(
    sent: Sent,
    cue_at: int,
    cue_word: str,
    noun_at: int,
    noun_end: int,
    clause: tuple[int, int],
    by: set[str],
    verb: bool,
) -> set[str]:
    """On whom: the objects after the noun ("on four Chinese officials", "imported from China")."""
    found: set[str] = set()
    if cue_word.startswith(
        ("add", "plac", "put", "hit", "slap", "target")
    ):  # "added 28 Chinese firms to", "hit Russia with"
        objects = [m for m in sent.mentions if m.code and cue_at < m.start < noun_at]
        if objects:  # the first object and those joined to it, not an aside ("- among them German scholar X -")
            found |= {m.code for m in (objects[0], *_joined(sent, objects[0])) if m.code}
    if verb:
        found |= _chain_after(
            sent, noun_end
        )  # "sanctioned ten European lawmakers", "banned imports from Japan"
    hi = clause[1]
    rest = sent.text[noun_end - sent.start : hi - sent.start]
    reason = _REASON.search(rest)
    if reason:
        rest = rest[: reason.start()]
    if hi < sent.end and re.match(
        r"\W*(?:that|which)\b", sent.text[hi - sent.start : hi - sent.start + 8]
    ):
        # "a fresh package of sanctions against Russia that ... also targets Chinese companies"
        nxt = clause_of(sent, hi)
        later = sent.text[hi - sent.start : nxt[1] - sent.start]
        cut = _REASON.search(later, 8)
        rest = sent.text[noun_end - sent.start : hi - sent.start] + (
            later[: cut.start()] if cut else later
        )
    flow = (
        _GOODS_TO.match(rest)
        if "port" in sent.low[noun_at - sent.start : noun_end - sent.start]
        else None
    )
    if flow:  # "controls on exports of fluorinated polyimide, photoresists and hydrogen fluoride to South Korea"
        found |= _chain_after(sent, noun_end + flow.end(), limit=4) - by
    for anchor in _ON.finditer(rest):
        at = noun_end + anchor.end()
        limit = min(at + 45, noun_end + len(rest))  # not past "over ...", "because ..."
        near = [m for m in sent.mentions if m.code and m.code not in by and at <= m.start <= limit]
        if (
            near and near[0].code
        ):  # the object and what is coordinated with it ("Russia and Belarus")
            found |= {near[0].code} | ({m.code for m in _joined(sent, near[0]) if m.code} - by)
            including = _INCLUDING.search(
                sent.text, near[0].end - sent.start, noun_end - sent.start + len(rest)
            )
            if (
                including
            ):  # "in Russia and several other countries, including China, Turkey and the UAE"
                found |= _chain_after(sent, sent.start + including.end(), limit=4) - by
                based = _BASED_IN.match(sent.text, including.end())
                if based:  # "..., including about 20 companies based in China"
                    found |= _chain_after(sent, sent.start + based.end(), limit=4) - by
    return {code for code in found if code}


def _addressed(sent: Sent, end: int, by: set[str]) -> set[str]:
    """The actor a warning names right after its verb ("warned Washington", "threatened the EU")."""
    after = next((m for m in sent.mentions if m.start >= end), None)
    if after is None or not after.code or after.code in by:
        return set()
    return (
        {after.code}
        if re.fullmatch(
            r"\s*(?:to\s+)?(?:the\s+)?", sent.text[end - sent.start : after.start - sent.start]
        )
        else set()
    )


def _addressee(sent: Sent, at: int, end: int, by: set[str]) -> set[str]:
    """The party a warning is addressed to: "warned Washington", "if Russia ...", else the nearest other actor."""
    condition = re.search(r"\bif\s+", sent.text[end - sent.start :])
    if condition:
        found = _chain_after(sent, end + condition.end(), limit=12)
        if found:
            return set(sorted(found)[:1]) if len(found) > 1 else found
    others = [m for m in sent.mentions if m.code and m.code not in by]
    after = [m for m in others if m.start >= end]
    if after and re.fullmatch(
        r"\s*(?:to\s+)?(?:the\s+)?", sent.text[end - sent.start : after[0].start - sent.start]
    ):
        return {after[0].code} if after[0].code else set()
    if not others:
        return set()
    nearest = min(others, key=lambda m: abs(m.start - at) + (0 if m.start >= end else 10))
    return {nearest.code} if nearest.code else set()
