"""Meetings, visits, calls and summits: announced or held, with place, date and format."""

import re
from datetime import date, timedelta

from services.extractor.extract.clauses import (
    ANAPHOR,
    clause_of,
    located,
    modality,
    participants,
    with_pair,
)
from services.extractor.extract.dates import DateExpr, Resolved, resolve
from services.extractor.extract.doc import Doc, Sent
from services.extractor.extract.gazetteer import PLACE_COUNTRY, REGIONS, Mention
from services.extractor.extract.slots import NOT_EVENT_DATE, Draft, event_date, place, source
from services.extractor.extract.text import case_blind

_TRIGGER = re.compile(
    r"\b(?:met|meet|meets|meeting|summit|talks|visit|visits|visited|visiting|trip|hosts?|hosted|hosting"
    r"|phone calls?|telephone calls?|video calls?|call|phoned|telephoned|spoke|spoken|speaks?|talked|video ?conferences?"
    r"|video link|virtual summit|tete-a-tete|tête-à-tête|chat|(?:phone |telephone )?conversation"
    r"|get-together|shakes hands|shook hands|seen with|(?:are|were) discussing|meetings|summits|discussions"
    r"|arrived in|arrives in|arriving in|arrive in|(?:is|are|was|were) (?:due|expected) in|landed in|lands in|sat down with|sat down for|sits down with"
    r"|sit down with|received|receives|receive|welcomed|welcomes|welcome|welcoming|negotiations|(?:will |to |would )?travel to"
    r"|travel(?:s|led|ed|ling) to|fl(?:ew|ies|y)(?: on)? to|agreed in|agreed at|pledged in|decided in"
    r"|consultations|virtual ceremony|online ceremony|joined|spent (?:more than |about |nearly |over )?[\w-]+ hours with|rolled out the red carpet for|rolls out the red carpet for|invited|invites|inviting)\b",
    re.IGNORECASE,
)
_PAST = {
    "joined",
    "rolled out the red carpet for",
    "met",
    "visited",
    "hosted",
    "spoke",
    "spoken",
    "talked",
    "phoned",
    "telephoned",
    "shook hands",
    "arrived in",
    "landed in",
    "sat down with",
    "agreed in",
    "agreed at",
    "pledged in",
    "decided in",
    "flew to",
    "traveled to",
    "travelled to",
    "sat down for",
    "received",
    "welcomed",
}
_NOUNS = {
    "consultations",
    "negotiations",
    "meeting",
    "summit",
    "talks",
    "discussions",
    "visit",
    "visits",
    "trip",
    "phone call",
    "telephone call",
    "video call",
    "call",
    "videoconference",
    "video conference",
    "video link",
    "virtual summit",
    "tete-a-tete",
    "tête-à-tête",
    "chat",
    "phone conversation",
    "telephone conversation",
    "conversation",
    "get-together",
    "virtual ceremony",
    "online ceremony",
}
_COUNTED = re.compile(
    r"(?<![Tt]he )\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|several|many|numerous|multiple|series of|dozens of"
    r"|number of|(?:months|weeks|years|decades|rounds) of)\s+(?!(?:hours?|minutes|days?|weeks?)\b)(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_THE_TWO_LEAD = re.compile(
    r"\W*(?:On \w+,?\s+)?[Tt]he two (?:ministers|foreign ministers|leaders|presidents|prime ministers|envoys|officials)\b"
)
_LATER_TODAY = re.compile(r"\b(?:[Ll]ater (?:on |in the day|that day|today)|[Ll]ater on \w+day)")
_GOODS = re.compile(
    r"\s+(?:[A-Z][\w-]+\s+)?(?:gas|oil|crude|grain|aid|support|funding|weapons|arms|shipments?|deliveries|payments?"
    r"|loans?|investments?|supplies|imports|exports|the decision|the news|the move)\b"
)
_TRAVEL_CUE = re.compile(r"flies|travels|heads|leaves|departs|goes")
_HIM = re.compile(r"\s+(?:him|her)\b")
_TRAVELS_ON = re.compile(
    r"\b(?:flies|travels|heads|leaves|departs|goes)\b(?:\s+on)?\s+(?:to|for)\b[^.;]*\bfor\s+$"
)
_FOLLOWING = re.compile(
    r"\b(?:following|after)\s+(?:the\s+|their\s+|his\s+|her\s+|two\s+days\s+of\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ARRIVED_AT = re.compile(
    r"\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,3}?(?:city|town|capital|port|resort|island|state|region)\b)"
)
_APPOSITION = re.compile(
    r",\s+(?:(?:[A-Z]\w+\s+)?officials\s+said,\s+)?(?:their|his|her|its)\s+(?:[\w-]+\s+){0,3}$",
)
_HAD_THERE = re.compile(
    r"\b(?:where|when)\s+(?:he|she|they|the (?:two|three) \w+)\s+had\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_RETURNED = re.compile(
    r"\b(?:return\w*|reciprocat\w*|repay\w*)\s+(?:a|the|his|her|their)\s+$", re.IGNORECASE
)
_DURATION_OF = re.compile(r"\b(?:hours?|minutes|days?|rounds?)\s+of\s+$", re.IGNORECASE)
_BACKGROUND = re.compile(r"^\W*(?:when|since|after|before|as|once|until)\b", re.IGNORECASE)
_PREP_REF = re.compile(
    r"\b(?:at|during|in|on|after|before|since|following|follows?|followed|ahead of|of|from|sidelines of"
    r"|margins of)\s+"
    r"(?:their|the|his|her|its|a|an|this|that|our|[A-Z]\w+'s)?\s*(?:[\w'-]+\s+){0,3}$",
)
_DEFINITE = re.compile(
    r"(?:\b(?:[Tt]heir|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)|[A-Z][\w-]+'s)\s+(?:[\w-]+\s+){0,2}$"
)
_TALKS_CUE = re.compile(
    r"\b(?:held|hold|holds|holding|had|have|has|at|for|in|during|after|following|of|resume\w*|continu\w+|begin|began|begun"
    r"|start\w*|open\w*|conclud\w+|wrap\w* up|launch\w*|enter\w*)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_DAY_OF = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|Yesterday|Today)'s\s+"
    r"(?:[\w-]+\s+)?$"
)
_JOINED = re.compile(
    r"\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:in|at)\s+[A-Z][\w'-]+\s+for\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:talks|summit|meeting)\b"
)
_INVITED = re.compile(
    r"\s+(?:(?:his|her|their|the)\s+)?(?:[A-Z][\w.'-]*\s+|(?:counterparts?|leaders?|president|prime minister)\s+){1,5}"
    r"to\s+(?:visit|attend|come to|travel to|make a|pay a|join)\b"
    r"|\s+(?:[A-Z][\w.'-]*\s+){1,3}to\s+(?:the\s+)?(?-i:[A-Z])[\w-]+(?:\s+[A-Z][\w-]+)*\s+(?:later|next|this|in|on|for)\b"
)  # "invited Putin to Beijing later this year"
_VISITING_THINGS = re.compile(
    r"\s+(?:of|by)\s+(?:[\w.-]+\s+){0,3}?(?:assets|ships|warships|vessels|submarines?|carriers?|aircraft|bombers"
    r"|jets|planes|troops|forces|inspectors|tourists|students|fleets?|destroyers|frigates)\b",
    re.IGNORECASE,
)
_HELD_AT = re.compile(
    r"\s*,\s+(?:which\s+were\s+|which\s+was\s+)?(?:held|hosted|staged)\s+(?P<where>(?:at|in)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,3})"
)
_INSIDE_BLOC = re.compile(
    r"\b(?:EU|European Union|NATO|G7|G20|ASEAN|BRICS|SCO|African Union|the bloc's|the alliance's)\s+"
    r"(?:[\w-]+\s+){0,2}(?:ministers|leaders|envoys|ambassadors|heads of state|heads of government)\s+$"
)
_DUE_IN_PLACE = re.compile(
    r"\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:on|in|next|this|later|for|at)\b"
)
_AFTER_THE = re.compile(r"\b(?:after|following)\s+(?:his\s+|her\s+|their\s+|the\s+)?$")
_AND_VERB = re.compile(r",\s+and\s+(?:then\s+|later\s+|also\s+|first\s+)?$")
_SECOND_VERB = re.compile(
    r",\s+and\s+(?:then\s+|later\s+|also\s+)?(?:spoke|talked|met|held|had)\b", re.IGNORECASE
)
_CALL_VERB = re.compile(r"^\s+(?:for|on|to|it|them|him|her|their|off|back|up)\b", re.IGNORECASE)
_SPEAK_OK = re.compile(
    r"^\s+(?:(?:today|yesterday|again|separately|briefly|on (?-i:[A-Z])\w+day)\s+)?"
    r"(?:by (?:tele)?phone|on (?:the )?(?:tele)?phone|over the phone|with|to (?=(?-i:[A-Z]))|by video(?: link| call|conference)?"
    r"|via video(?: link)?|by videoconference)\b"
    r"|^\s+again\b",  # "said the two leaders would speak again at 3 p.m."
    re.IGNORECASE,
)
_BLOC_VENUE = re.compile(
    r"^(?!-)\W*(?:[A-Z][\w-]+\s+)?(?:summit|meeting|forum|gathering|leaders'|session)",
    re.IGNORECASE,
)
_APART = re.compile(r"\b(?:from|to|in|at|for|with|after|before|during|directly)\b")
_TOGETHER = re.compile(
    r"\b(?:sidelines|margins|in person|face-to-face|summit|visit|met|meeting)", re.IGNORECASE
)
_VIDEO = re.compile(r"\bvideo|virtual|online|videoconference", re.IGNORECASE)
_CALL = re.compile(r"\b(?:phone|telephone|call|phoned|telephoned|conversation)\b", re.IGNORECASE)
_FACE_TO_FACE = re.compile(
    r"\b(?:over|at)\s+(?:an?\s+)?(?:\w+\s+)?(?:dinner|lunch|breakfast|tea|banquet)\b|face[- ]to[- ]face|in person",
    re.IGNORECASE,
)
_MET_NEEDS = re.compile(
    r"(?:\s+[\w'-]+){0,4}?\s+(?:needs?|demands?|targets?|goals?|obligations?|requirements?"
    r"|criteria|standards?|expectations?|deadlines?|conditions?)\b",
    re.IGNORECASE,
)
_NON_STATE = re.compile(
    r"(?:'s)?\s+(?:[A-Z][\w-]*\s+){0,3}(?:[\w-]+\s+)?(?:Chamber|business(?:es)?|compan(?:y|ies)|firms?|executives"
    r"|lobby|universit(?:y|ies)|students|fans|clubs?|teams?|industr(?:y|ies)|federation|association|chambers"
    r"|football|athletes|players|scientists|scholars|think tanks?|journalists|automakers|carmakers|banks"
    r"|research|cent(?:er|re)s?|factory|factories|plants?|headquarters|campus|offices?|stores?)\b"
)
_INDEFINITE = re.compile(r"^\w+(?:\s+of)?\s+an?\s", re.IGNORECASE)
_NEXT_VERB = re.compile(
    r"\s(?:and|but)\s+(?:is|are|was|were|will|has|have|had|then|also|later)\b"
    r"|,\s+to\s+(?:discuss|talk|review|address|prepare)\b"  # "..., their fourth this year, to discuss the planned release"
    r"|\s(?:said|says|told|added|stated|showed|shows)\b"  # "a statement issued after the meeting said ... would"
)
# "Under a statement released after two days of talks in Geneva, the US will cut ... this year": a new
# subject, whose verb's mood and dates are not the talks'
_NEW_SUBJECT = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:will|would|is to|are to|agreed|pledged)\b"
)
_GUEST = re.compile(
    r"\s+(?:(?:his|her|their|the|visiting)\s+)?(?:[A-Z][\w.'-]*\s+|(?:counterparts?|chiefs?|leaders?|president"
    r"|prime minister|minister|delegation)\s+){1,6}"
)
_PARTY_NOUN = re.compile(
    r"(?:\s+[A-Z][\w.'-]*)*\s+(?:[Pp]resident|Prime|[Pp]remier|[Ll]eaders?|[Mm]inisters?|[Oo]fficials?|[Dd]iplomats?"
    r"|[Dd]elegations?|[Cc]ounterparts?|[Ee]nvoys?|side|sides|Foreign|Defen[cs]e|[Hh]eads?|King|Emir|Crown"
    r"|Chancellor|Vice|Deputy|top|state|government|[Aa]mbassador|negotiators?|team|lawmakers|[Pp]arliament"
    r"|[Cc]ounterpart|[Ss]ecretary|[Ss]pokes\w+|[Mm]inistry|[Cc]hief|[Gg]eneral|[Aa]dmiral|[Mm]ilitary|[Nn]avy|troops"
    r"|warships|forces|army|[Mm]onarch|[Ss]ultan|[Pp]residential|national security|[Aa]dvis[eo]rs?)\b"
)
_CLUB_BEFORE = re.compile(
    r"\b(?:FC|AC|SC|CF|Dynamo|Spartak|Lokomotiv|Real|Sporting|team from|club from|fans from)\s$"
)
# "since Russian Defence Minister Sergei Shoigu's visit to Beijing in April": a meeting named in a phrase
_PP_REF = re.compile(
    r"\b(?:since|during|after|before|following|ahead of)\s+(?:[\w.'-]+\s+){0,6}$", re.IGNORECASE
)
_UNREAL = re.compile(
    r"\b(?:would|could|might) have (?:been|marked|become|made|taken)\b"
    r"|\b(?:when|as soon as|once) (?:conditions|circumstances|the situation|the time|the pandemic) (?:allows?|permits?|is right)\b"
    r"|\bhad been (?:scheduled|due|set|expected|planned|slated)\b",
    re.IGNORECASE,
)
# "no dates had been fixed for a visit by Putin", "it is not yet clear whether Putin will travel to Rio":
# read in the clause before the trigger (lower-cased text)
_OPEN_QUESTION_WORDS = ("no ", "clear", "known", "decided", "certain")  # one stands in every match
_OPEN_QUESTION = re.compile(
    r"\bno (?:date|dates|time|timing|details) (?:has|have|had) (?:yet )?been (?:fixed|set|agreed|determined|decided)"
    r"\b[^.;]*$|\b(?:not (?:yet )?(?:clear|known|decided|certain)|unclear|uncertain|undecided) (?:whether|if)\b[^.;]*$"
)
_WISH = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed)?|would like|wants?|wanted|eager|keen|willing|ready|prepared|open)\s+to\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_OFFICIAL = re.compile(
    r"\s+(?:with\s+)?(?:(?:top|senior|business|company|corporate|industry)\s+)?(?:executives|business leaders"
    r"|businesspeople|investors|students|chief executives|CEOs|bosses|entrepreneurs|members of the diaspora)\b",
    re.IGNORECASE,
)
_SEPARATE = re.compile(
    r"\b(?:also|separate(?:ly)?|individually|in turn|each|bilateral)\b", re.IGNORECASE
)
_PRONOUN_START = re.compile(r"\W*(?:(?:On|In|Earlier|Later)\b[^,]{0,30}?,?\s+)?(?:[Hh]e|[Ss]he)\s")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}$")
_TITLE_AFTER = re.compile(
    r"\s+(?:President|Prime Minister|Premier|Chancellor|King|Emperor|Sultan|Emir|leader|country|nation|city)\b"
)
_HOSTED_THING = re.compile(
    r"\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:drills?|exercises?|games|tournament|match|event|forum|conference"
    r"|olympics|festival|exhibition|expo|world cup|championships?|ceremony|dinner|banquet|reception)\b",
    re.IGNORECASE,
)
_LATER = re.compile(r"\b(?:[Ll]ater|[Tt]hen|[Aa]fterwards|[Ss]ubsequently|[Ee]arlier)\b")
_HELD_BEFORE = re.compile(r"\b(?:held|had|hosted|concluded|wrapped up)\s+(?:[\w-]+\s+){0,3}$")
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:met|held|hosted|received|welcomed|spoken|talked)\b"
)
_PP_EVENT = re.compile(
    r"\b(?:during|in|at)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_SETTING = re.compile(r"(?:at|during|in|on)\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|after|before|until|following|ahead of)\b", re.IGNORECASE)
_HOSTS_SUMMIT = re.compile(
    r"\W*(?:when|where)\b[^.;]{0,60}\b(?:hosts?|summit|forum)\b", re.IGNORECASE
)
_BOUND_FOR = re.compile(
    r"\b(?:leaves|leave|leaving|left|heads|heading|headed|departs|departing|departed|flies|flew|flies on"
    r"|travels on|will travel on|goes on)\s+"
    r"(?:(?:on|later|this|tonight|[A-Z]\w+day|morning|afternoon|evening)\s+){0,3}(?:to|for)\s+(?:the\s+)?"
    r"|\b(?:is|are)\s+(?:due|expected|scheduled)\s+in\s+"  # "Trump is due in Abu Dhabi on Thursday for talks"
    r"|\b(?:stop|stops|stopping)\s+(?:over\s+)?in\s+"  # "Lee will stop in Tokyo on Saturday for talks"
    # "Putin was to leave Pyongyang later Wednesday for Hanoi, where he will hold talks"
    r"|\b(?:leaves|leave|leaving|departs|depart|departing)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+"
    r"(?:(?:on|later|this|tonight|early|[A-Z]\w+day|\(\d+\)|morning|afternoon|evening)\s+){0,4}for\s+(?:the\s+)?"
)
_DEPARTED = re.compile(r"\b(?:leave|leaves|leaving|left|depart|departs|departed|departing)\s+$")
_ASIDE_BEFORE = re.compile(
    r"\bin what (?:was|is|were|will be|would be|may be|might be|could be)\s+(?:[\w-]+\s+){0,4}$"
    r"|\b(?:reject\w*|refus\w*|rul(?:e|es|ed|ing) out)\s+(?:[\w-]+\s+){0,4}$"
    r"|\b(?:declin\w+|turn\w* down)\s+(?:an?\s+|the\s+|his\s+|her\s+)?invitations?\s+(?:to\s+)?(?:\w+\s+)?$"
    r"|\b(?:comes|came|follows|followed)\s+(?:[\w-]+\s+){0,3}?(?:days?|weeks?|months?|years?)\s+(?:after|since)\s+"
    r"(?:[\w.',-]+\s+){0,8}$",  # "The strategy comes three weeks after Li Qiang's visit to Berlin"
    re.IGNORECASE,
)
_SPORT_BEFORE = re.compile(
    r"\b(?:World Cup|Cup|cricket|football|soccer|Olympic|tournament|league|match|Test|semi-final|final|rugby"
    r"|tennis|hockey)\s+(?:[\w-]+\s+)?$"
)
_DESPITE = re.compile(r"\W*(?:despite|amid|in spite of)\b", re.IGNORECASE)
_ANY_BEFORE = re.compile(r"\b(?:any|no|every)\s+(?:[\w-]+\s+)?$")  # on the lower-cased text
_NP_END = re.compile(r"[,;:]|\s(?:that|which|who|where)\s")
_WHO = re.compile(r"\W*(?:who|whose)\s", re.IGNORECASE)
_URGED = re.compile(
    r"\b(?:urg\w+|call\w* on|press\w*|ask\w*|push\w*|encourag\w+)\s+(?:[\w-]+\s+){0,3}to\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_REQUESTED = re.compile(
    r"\b(?:requests?|requested|asked|asking|asks|push\w*|calls?|called|calling|appeals?|bids?|sought|seek\w*"
    r"|wants?|wanted|hopes?|pressed|pressing|lobb\w+)\s+for\s+(?:(?:a|an|another|fresh|new)\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:explor\w+|consider\w+|weigh\w*|mull\w*|discuss\w*\s+(?:the\s+)?possib\w+\s+of)\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)  # "call for Ukraine talks", "were exploring a leaders' meeting": no meeting yet
_RECALLED = re.compile(
    r"\b(?:recall\w*|remember\w*|since|after|following)\s+(?:their|the|its|his|her)\s+(?:last|previous|earlier|most recent"
    r"|first)\s+$",
    re.IGNORECASE,
)
_AGREED_TO = re.compile(
    r"\b(?:agreed|agree|agrees|pledged|promised|decided|vowed)\s+to\s+(?:\w+\s+)?$", re.IGNORECASE
)
_HELD_VERB = re.compile(r"\b(?:held|had|hosted|attended|concluded|wrapped up|ended)\b")
_OBJECT_GAP = re.compile(
    r"\s*(?:with\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w.-]*\s+){0,4}"
)
_SAME_DAY = re.compile(
    r"\b(?:the same day|that day|on the same day|the day before|the previous day)\b", re.IGNORECASE
)
_RECURRING = re.compile(
    r"\b(?:every year|each year|annually|every (?:two|three) years|regularly|on a regular basis)\b"
)
_STALLED = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:that|which)\s+(?:had\s+|have\s+|has\s+)?(?:stalled|halted|lapsed|ceased|stopped"
    r"|broke down|been suspended|were suspended|were halted)\b"
)  # "reciprocal visits by the leaders that stalled in 2011"
_ONGOING = re.compile(
    r"(?:\s+[^,.;]{0,100}?)?\s(?:are|is)\s+(?:still\s+)?(?:continuing|ongoing|under way|underway|dragging on|stalled)\b"
    # "Talks between Egypt, Sudan and Ethiopia have been frozen since ...": a process at a standstill
    r"|(?:\s+[^.;]{0,100}?)?\s(?:have|has)\s+been\s+(?:frozen|stalled|suspended|deadlocked|on hold|stuck)\b"
)
_MONTH_OR_YEAR = re.compile(
    r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d"
    r"|the (?:past|last|first|second|third|fourth))\b"
)
# "to meet his South Korean counterpart": a counterpart is the other side of the article's pair.
_POINTER = re.compile(rf"{ANAPHOR.pattern}|\bcounterparts?\b", re.IGNORECASE)
_EU_MEMBERS = frozenset(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()
)
_GATHERINGS = frozenset({"G20", "G7", "SCO", "BRICS", "ASEAN", "UN", "AU", "ECOWAS"})
_QUAD = frozenset({"AUS", "IND", "JPN", "USA"})


_OFFICIALS_CUE = re.compile(
    r"business|executive|ceo|scholar|academic|student|entrepreneur|think|refiner|compan|firms|producer"
    r"|trader|lender|maker|manufactur|investor|buyer|supplier|exporter|importer"
)
_NOT_OFFICIALS = re.compile(
    r"\b(?:business (?:leaders|people|groups|delegations|executives)|businessmen|businesspeople|entrepreneurs"
    r"|executives|chief executives|CEOs|scholars|academics|students|think[- ]tanks?"
    r"|refiners|companies|firms|producers|traders|lenders|carmakers|automakers|manufacturers|investors|buyers"
    r"|suppliers|exporters|importers)\b(?:\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:two|both)\s+(?:countries|sides|nations))?\s+(?:will\s+|would\s+|are\s+to\s+|also\s+"
    r"|(?:are|were|is|was)\s+(?:already\s+|still\s+)?in\s+|(?:have\s+|has\s+)?held\s+)?$",
    re.IGNORECASE,
)


def read_meetings(doc: Doc, sent: Sent) -> list[Draft]:
    """Meeting events of one sentence: the first trigger that states one, and a second of the other kind
    ("arrived in Beijing on Monday ... and is scheduled to meet Wang Yi on Tuesday")."""
    found: list[Draft] = []
    if "meeting" not in sent.families:
        return found
    kept = 0  # triggers that stated a meeting; one trigger may state several ("met A on Monday and B on Tuesday")
    for match in _TRIGGER_LOW.finditer(sent.low):
        draft = _read(doc, sent, match, kept > 1)
        if draft is None:
            continue
        dated = draft.fields.pop("own_when")
        pronoun = draft.fields.pop("pronoun")
        # A second meeting in one sentence needs a date of its own, different from the others'
        # ("will travel to Moscow next month ..., as New Delhi prepares for Putin's visit later this year").
        if (
            found
            and ", " in sent.text[max(0, match.start() - 60) : match.start()]
            and _APPOSITION.search(sent.text, max(0, match.start() - 60), match.start())
        ):
            _fill(
                found, draft
            )  # "... will meet Putin in Sochi on Monday, their first meeting since May"
            continue
        trip = next((d for d in found if _trip_of(d, draft)), None) if dated else None
        if (
            trip is not None
        ):  # "will leave for Vienna on Tuesday, ..., and will hold talks on Wednesday"
            draft.fields["location"] = draft.fields.get("location") or trip.fields.get("location")
            found[found.index(trip)] = draft
        elif not found or (
            dated and all(d.type != draft.type or _other_date(d, draft) for d in found)
        ):
            found.extend(_separate(doc, sent, match, draft, pronoun))
            kept += 1
        else:
            _fill(found, draft)
    held = [d for d in found if d.type == "meeting_held"]
    if held:
        doc.notes["last_meeting"] = (sent.index, held[0].actors)
        placed = [
            d
            for d in held
            if d.fields.get("location")
            and d.date
            and d.date.precision == "day"
            and not d.fields.get("anaphoric")
        ]
        if placed:
            doc.notes["last_placed"] = (sent.index, placed[0])
            by_day = doc.notes.setdefault(
                "placed_by_day", {}
            )  # the first placed meeting of each day
            for d in placed:
                if d.date:
                    by_day.setdefault(d.date.iso, (sent.index, d))
    return found


def _separate(
    doc: Doc, sent: Sent, match: re.Match[str], draft: Draft, pronoun: set[str]
) -> list[Draft]:
    """ "Xi also held talks with Macron and Yoon", "he held separate talks with the presidents of A, B and C":
    one host meeting each guest in turn is one bilateral meeting per guest."""
    if len(draft.actors) < 3:
        return [draft]
    at = sent.start + match.start()
    clause = clause_of(sent, at)
    if not _SEPARATE.search(sent.text, clause[0] - sent.start, clause[1] - sent.start):
        return _in_turn(doc, sent, match, draft, pronoun)
    hosts = {m.code for m in sent.mentions if m.code and clause[0] <= m.start < at}
    hosts |= pronoun
    guests = draft.actors - hosts
    if len(hosts) != 1 or len(guests) < 2:
        return [draft]
    out = []
    for guest in sorted(guests):
        one = Draft(
            draft.type,
            frozenset(hosts | {guest}),
            sent,
            draft.trigger,
            dict(draft.fields),
            draft.date,
        )
        one.confidence, one.attributed_to, one.cameo = (
            draft.confidence,
            draft.attributed_to,
            draft.cameo,
        )
        out.append(one)
    return out


def _in_turn(
    doc: Doc, sent: Sent, match: re.Match[str], draft: Draft, pronoun: set[str]
) -> list[Draft]:
    """ "Lula spoke with Modi last Thursday and with Putin last Friday": one meeting per "with", each on its
    own day."""
    end = sent.start + match.end()
    with_each = re.search(r"\band with\b", sent.text[match.end() :]) is not None
    if not with_each and not re.search(r"\band\b", sent.text[match.end() :]):
        return [draft]
    hosts = {m.code for m in sent.mentions if m.code and m.start < end} | pronoun
    last = clause_of(sent, sent.start + match.start())[1]
    guests: list[Mention] = []
    for m in sent.mentions:  # one entry per guest: "Russian President Vladimir Putin" is one
        if m.code and end <= m.start < last and m.code not in hosts and not located(sent, m):
            if guests and guests[-1].code == m.code:
                guests[-1] = m
            else:
                guests.append(m)
    if len(hosts) != 1 or len({m.code for m in guests}) < 2:
        return [draft]
    stops = [g.start for g in guests[1:]] + [last if not with_each else sent.end]
    days = [
        next((d for d in sent.dates if g.end <= d.start < stop), None)
        for g, stop in zip(guests, stops, strict=True)
    ]
    if not with_each and not all(days):
        return [
            draft
        ]  # "met Macron in Paris on Monday and Meloni in Rome on Tuesday": each its own day
    out = []
    for guest, stop, day in zip(guests, stops, days, strict=True):
        one = Draft(
            draft.type,
            frozenset(hosts | {str(guest.code)}),
            sent,
            draft.trigger,
            dict(draft.fields),
        )
        if not with_each:
            one.fields["location"] = place(sent, guest.end, stop, guest.end)
        one.date = resolve(day, doc.published, "past") if day else draft.date
        one.confidence, one.attributed_to, one.cameo = (
            draft.confidence,
            draft.attributed_to,
            draft.cameo,
        )
        out.append(one)
    return out


def _quoted(sent: Sent, at: int) -> bool:
    """The trigger stands inside a quotation."""
    before = sent.text[: at - sent.start]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


def _unreal(sent: Sent) -> bool:
    """ "would have been the first visit", "when conditions allow": read once per sentence."""
    cached = sent.memo.get("unreal")
    if cached is None:
        cached = sent.memo["unreal"] = _UNREAL.search(sent.text) is not None
    return bool(cached)


def _fill(found: list[Draft], draft: Draft) -> None:
    """A later trigger of the same meeting tells its place ("agreed to resume reciprocal visits, and
    Kishida accepted an invitation to visit Seoul")."""
    same = next((d for d in found if d.type == draft.type and d.actors == draft.actors), None)
    if same is not None and same.fields.get("location") is None and draft.fields.get("location"):
        same.fields["location"] = draft.fields["location"]


def _read(doc: Doc, sent: Sent, match: re.Match[str], hints_only: bool) -> Draft | None:
    word = " ".join(match.group().lower().split())
    at, end = sent.start + match.start(), sent.start + match.end()
    before, after = sent.text[: match.start()], sent.text[match.end() :]
    if not _usable(word, before, after):
        return None
    if " had " in before[-40:] and _HAD_THERE.search(before[-40:]):
        return None  # "arrived in Belgrade from Paris, where he had held talks with Macron": told as past
    low_near = sent.low[max(0, match.start() - 30) : match.start()]
    if ("return" in low_near or "recipro" in low_near or "repay" in low_near) and _RETURNED.search(
        before[-30:]
    ):
        return None  # "returning a visit Yoon made to Tokyo in March": the earlier visit, told as a reference
    clause = clause_of(sent, at)
    np_after = _NP_END.split(after, maxsplit=1)[0][:90]
    quoted = _quoted(sent, at)
    own_when = [
        d
        for d in sent.dates
        if (
            end <= d.start < end + len(np_after)
            or (at - 25 <= d.start < at and sent.text.startswith("'s", d.end - sent.start))
        )
        and not (
            quoted and d.kind == "rel"
        )  # "'Today's summit is a new start,' Kishida said": the speaker's today
    ]
    own_where = place(sent, end, end + len(np_after), end)
    rest = len(np_after)
    held_at = (
        _HELD_AT.match(after, rest) if own_where is None and word in _NOUNS and rest < 90 else None
    )
    if held_at:  # "at their first in-person talks, held at the White House on Friday"
        own_where = place(sent, end + held_at.start("where"), end + held_at.end(), end)
    low_before = sent.low[: match.start()]  # the case-blind patterns run on the lower-cased text
    counted = _COUNTED_LOW.search(low_before[-40:])
    if counted:
        _hint(
            doc, sent, sent.start + match.start() - len(before[-40:]) + counted.start(), end, clause
        )
        return None
    if hints_only:
        return None
    noun = word in _NOUNS and not before.endswith(" to ")  # "to visit Seoul": a verb
    # "when they met earlier this month": a reference back, which the seeds' gold does not count as an
    # event; "after talks at the White House" (a noun with its own date or place) is news.
    head = sent.text[clause[0] - sent.start : match.start()]
    if (
        _BACKGROUND.match(head)
        and "," not in head.strip(" ,")
        and not (  # a comma closes "since ... ended,"
            (noun and (own_when or own_where))
            or _recent_day(doc, sent, clause, at)
            or _ahead(own_when)  # "when he meets Manturov in Moscow next month": a future meeting
        )
    ):
        return None
    if noun and _venue(sent, at):
        return None
    if re.search(
        r"\bsince\s+(?:their\s+|the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+)?$", low_before[-30:]
    ):
        return None  # "their first encounter since meeting in Bali a year ago": a reference back
    if _ASIDE_BEFORE_LOW.search(low_before[-90:]) or (noun and _SPORT_BEFORE.search(before[-40:])):
        return (
            None  # "in what was likely their last meeting", "refused any contact and negotiations",
        )
        # "the first World Cup meeting between the arch-rivals"
    if _DESPITE.match(sent.text, clause[0] - sent.start):
        return None  # "Despite the fanfare surrounding Putin's state visit last week": a backdrop
    if not noun and word in _PAST and _WHO.match(sent.text, clause[0] - sent.start):
        return None  # "Ishiba, who visited Malaysia on Thursday and Friday, said": an aside about the speaker
    if _unreal(sent) or (noun and _ANY_BEFORE.search(low_before[-30:])):
        return None  # "would have been the first visit", "when conditions allow", "any Putin trip"
    question = low_before[-160:]
    if any(word in question for word in _OPEN_QUESTION_WORDS) and _OPEN_QUESTION.search(question):
        return None  # an open question, not a plan
    if _WISH_LOW.search(low_before[-40:]):
        return None  # "he hoped to host Putin in August": a wish, not a plan
    if (
        word == "meeting"
        and _INSIDE_BLOC.search(before[-60:])
        and not re.match(r"\s+with\b", after)
    ):
        return None  # "EU foreign ministers meeting in Luxembourg on Monday imposed ...": the bloc among itself
    if _NOT_OFFICIAL.match(after):
        return None  # "is scheduled to meet with executives from Samsung"
    if _URGED_LOW.search(low_before[-60:]):
        return (
            None  # "urged the government to open talks with Beijing quickly": a call, not a meeting
        )
    if noun and _REQUESTED_LOW.search(low_before[-50:]):
        return None  # "repeated requests for a phone call with his counterpart had gone unanswered"
    reference = _PREP_REF.search(before[-60:]) or (_PP_REF.search(before[-70:]) if noun else None)
    if reference and _DURATION_OF.search(before[-30:]):
        reference = None  # "held three hours of talks with Wang Yi": how long, not a reference back
    if noun and _RECALLED.search(before[-40:]) and not _recent_day(doc, sent, clause, at):
        return (
            None  # "Recalling their last meeting on the sidelines of the SCO Summit in Samarkand"
        )
    if (
        noun
        and reference
        and not own_when
        and not own_where
        and not _INDEFINITE.search(reference.group())
        and not (
            (
                _SETTING.match(reference.group())
                or re.search(r"\b(?:after|following)\s+$", before[-20:])
            )
            and _recent_day(doc, sent, clause, at)
        )  # "told Xi on Thursday ..., at the first summit in years"; not "after Putin's visit"
    ):
        return (
            None  # "at their meeting" refers back; "after a two-hour video call" reports a new one
        )
    mood = modality(sent, at, end, clause, _reach(sent, end, clause) if noun else end)
    if mood in {"negated", "hypothetical"}:
        return None
    if (
        (word == "talks" and not own_when) or word in {"consultations", "negotiations"}
    ) and re.match(
        r"\s+(?:on|about|over)\s+(?:a|an|the)\b", after
    ):  # "agreed to launch consultations on the case during a video call on June 22": a process
        return None  # "agreed to restart talks on a trade deal": negotiations on a subject, no meeting named
    if (
        word in {"summits", "meetings", "visits"}
        and not own_when
        and re.search(r"\bto\s+(?:\w+\s+){0,2}$", before[-50:])
    ):
        return None  # "pledge ... to hold joint meetings of their security councils": a practice
    if word in {"summits", "meetings", "talks", "visits"} and _RECURRING.search(
        sent.text, clause[0] - sent.start, clause[1] - sent.start
    ):
        return (
            None  # "they would hold trilateral summits ... every year": a practice, not a meeting
        )
    if noun and _STALLED.match(sent.text, end - sent.start):
        return None
    if noun and _ONGOING.match(sent.text, end - sent.start):
        return None  # "Talks between Commission officials and Chinese negotiators are continuing": a process
    if (
        mood == "factual"
        and noun
        and _TRAVEL_CUE.search(sent.low, clause[0] - sent.start, at - sent.start)
        and _TRAVELS_ON.search(sent.text, clause[0] - sent.start, at - sent.start)
    ):
        mood = (
            "future"  # "He flies on to Doha tonight for talks with the Emir": the trip is under way
        )
    if mood == "future" and noun and _FOLLOWING.search(before[-40:]):
        mood = "factual"  # "... would be raised to a strategic partnership, following talks at the Great Hall"
    if mood == "future" and noun and _HELD_BEFORE.search(before[-40:]):
        mood = "factual"  # "held talks and witnessed the signing of an agreement under which China will help"
    if mood == "factual" and _AGREED_TO.search(before[-30:]):
        mood = "future"  # "the two leaders agreed to meet again in Gyeongju at the end of October"
    if word.startswith(("travel", "fl")) and mood == "factual":
        return None  # "Lee flew to Washington later on Saturday": a journey; a visit is told by its talks
    if word.startswith("invit") or word.endswith((" due in", " expected in")):
        mood = "future"  # an invitation names a visit to come; "is due in Kyiv on Monday"
    if word.startswith(("will ", "to ", "would ")) and mood == "factual":
        mood = "future"  # the modal is part of the trigger: "will travel to Moscow this week"
    if _headline(sent) and before.endswith(" to ") and mood == "factual":
        mood = "future"  # a headline's infinitive: "Putin to visit China this week"
    if _OFFICIALS_CUE.search(
        sent.low, max(clause[0] - sent.start, match.start() - 60), match.start()
    ) and _NOT_OFFICIALS.search(
        sent.text, max(clause[0] - sent.start, match.start() - 60), match.start()
    ):
        return None  # "Business leaders of the two countries will meet on Friday": not the states
    actors = _actors(sent, at, clause)
    pronoun = _pronoun(doc, sent, clause, at, actors)
    met = doc.notes.get("last_meeting")
    if clause[0] == sent.start and (
        _TWO_START.fullmatch(sent.text, 0, at - sent.start)
        or (not actors & sent.pair and _PREVIOUS_ONE.match(sent.text))
    ):
        # "The two leaders had spoken by phone on Feb. 28, a day after ... Syrian forces": the article's
        # pair as of the sentence before (this sentence's asides do not change who "the two" are)
        recent = doc.sents[sent.index - 1].pair if sent.index else sent.pair
        actors = set(recent) if len(recent) == 2 else actors
    if (
        not pronoun
        and met
        and met[0] >= sent.index - 2
        and _THE_TWO_LEAD.match(sent.text, clause[0] - sent.start)
        and re.match(r"\s+with\b", after)
        and not actors & met[1]
    ):  # "... Blinken and Lammy held talks in London. The two ministers are due in Kyiv for talks with Zelensky"
        pronoun = set(met[1])
    if (
        not pronoun
        and _HIM.match(after)
        and word.startswith(("receiv", "welcom", "host", "meet", "met"))
    ):
        guest = (
            _earlier_person(doc, sent) if sent.index else None
        )  # "Biden will receive him on Friday"
        pronoun = {guest.code} if guest and guest.code else set()
    if pronoun:
        # "..., and will travel to Washington for talks with Biden": the clause's own guests
        own = {m.code for m in sent.mentions if m.code and clause[0] <= m.start < clause[1]}
        actors = own if own - pronoun else actors
    actors |= pronoun
    if not noun and not pronoun and _AND_VERB.search(before[-24:]):
        # "Xi and Marcos first spoke by phone in May, ..., and met in person in Bangkok": the subjects of
        # the sentence's first clause, not the Filipino of an aside or the town
        first = clause_of(sent, sent.start)
        subjects = {
            m.code
            for m in sent.mentions
            if m.code
            and m.start < min(first[1], at)
            and m.kind in {"person", "country", "demonym", "capital"}
            and not located(sent, m)
        }
        if len(subjects) >= 2:
            actors = subjects | {
                m.code
                for m in sent.mentions
                if m.code
                and at <= m.start < clause[1]
                and m.kind != "bloc"
                and not (m.place and located(sent, m))
            }
    if len(actors) == 1 and (
        word in {"visit", "visits", "trip"} or word.endswith((" due in", " expected in"))
    ):
        host = next(
            (
                m
                for m in sent.mentions
                if m.kind == "capital"
                and m.code
                and 0 <= m.start - end <= 4
                and sent.text[end - sent.start : m.start - sent.start].strip() in {"to", ""}
            ),
            None,
        )
        if host is not None and host.code not in actors:
            actors.add(
                str(host.code)
            )  # "Xi is due to make a state visit to Pretoria": the capital's state hosts
    if len(actors) < 2 or (
        word in {"met", "meet", "meets"} and not _state_side(sent, at, end, clause)
    ):
        return None
    anaphoric = (
        noun and (bool(_DEFINITE.search(before[-40:])) or quoted) and not own_when
    )  # "'This is a historic meeting,' Biden said": the meeting the story is about
    kind = "meeting_announced" if mood == "future" else "meeting_held"
    direction = "future" if kind == "meeting_announced" else ("past" if word in _PAST else None)
    if direction is None and _HELD_VERB.search(sent.text, clause[0] - sent.start, at - sent.start):
        direction = "past"  # "On Saturday, Xi held what was probably his last meeting with Biden"
    # A verb's date stops at a second verb of the same subject ("flew to Hanoi ... and is due to meet
    # Chinh on Monday").
    date_hi = clause[1] if noun else _reach(sent, end, (clause[0], clause[1]), clause[1])
    subject = _NEW_SUBJECT.search(sent.text, end - sent.start, date_hi - sent.start)
    date_hi = sent.start + subject.start() if subject else date_hi
    when = event_date(doc, sent, clause[0], date_hi, at, direction, NOT_EVENT_DATE)
    if (
        noun
        and own_when
        and own_when[0].prep not in NOT_EVENT_DATE
        and own_when[0].start >= end
        and not _SINCE.search(sent.text, end - sent.start, own_when[0].start - sent.start)
    ):
        # "leaves for Vienna later on Tuesday and is due to hold talks with Nehammer on Wednesday"
        when = resolve(own_when[0], doc.published, direction) or when
    if kind == "meeting_held" and when and word not in _PAST and when.day > doc.published:
        kind = "meeting_announced"
    elif kind == "meeting_announced" and when and noun and _ended(when, doc.published):
        kind = "meeting_held"  # "proposed in a phone call last week": the call is past, whatever was proposed
    elif kind == "meeting_announced" and noun and own_when and _PP_EVENT.search(before[-30:]):
        past = resolve(own_when[0], doc.published, None)
        if past is not None and _ended(past, doc.published):
            kind, when = (
                "meeting_held",
                past,
            )  # "extended the invitation during a phone call on June 6"
    if when is None and word.startswith(("are ", "is ")):
        when = Resolved(doc.published.isoformat(), "day", doc.published)
    if when is None and kind == "meeting_held":
        when = (
            _day_apart(doc, sent, clause)
            or _sentence_date(doc, sent, clause, direction, frozenset(actors))
            or _previous_day(doc, sent, frozenset(actors))
            or _lead_day(doc, sent, frozenset(actors))
        )
    filed_on = doc.notes.get("filed_on")
    if when is None and kind == "meeting_held" and filed_on and sent.index <= 2:
        when = Resolved(filed_on.isoformat(), "day", filed_on)  # the readout's own day
    if (
        reference
        and noun
        and kind == "meeting_held"
        and when
        and when.day < doc.published - _RECENT
    ):
        return None  # "set a new target at a meeting with Putin" in February, told in December: a reference
    if reference and noun:  # "ahead of this month's summit": its own place only, not the clause's
        where = own_where or _seat_before(sent, at, noun)  # "at a White House summit"
    else:
        where = (
            own_where
            or place(sent, clause[0], clause[1], end)
            or _destination(sent, word, end)
            or _seat_before(sent, at, noun)
        )
    if where is None and noun and clause[0] > sent.start and _AFTER_THE.search(before[-30:]):
        # "made that point in Moscow last Thursday after talks with Lavrov": where the speaker was
        lead = clause_of(sent, clause[0] - 1)
        towns = [
            m
            for m in sent.mentions
            if m.kind == "capital" and m.place and lead[0] <= m.start < lead[1] and located(sent, m)
        ]
        where = towns[-1].place if len(towns) == 1 else None
    if where in REGIONS:
        where = None  # "began his first visit to Europe": the dateline or the trip names the city
    if where is None and kind == "meeting_held" and not any(m.place for m in sent.mentions):
        last = doc.notes.get(
            "last_place"
        )  # "... signed a partnership agreement in Lima on Thursday. The
        if (
            last and last[0] == sent.index - 1 and last[2] == frozenset(actors)
        ):  # presidents met at the palace"
            where = last[1]
    if kind == "meeting_held" and (when is None or where is None):
        when, where = _same_trip(doc, sent, clause, at, actors, when, where)
    if (
        where is None
        and kind == "meeting_announced"
        and when is not None
        and when.precision == "day"
    ):
        placed = doc.notes.get("placed_by_day", {}).get(when.iso)
        if placed and placed[1].actors & actors and _LATER_TODAY.search(sent.text):
            where = placed[1].fields.get(
                "location"
            )  # "... will hold a second round of talks later on Thursday"
    if where is None and kind == "meeting_announced":
        bound = _BOUND_FOR.search(sent.text, 0, at - sent.start)
        if (
            bound
        ):  # "Modi leaves for Vienna later on Tuesday and is due to hold talks with Nehammer"
            nxt = next(
                (m for m in sent.mentions if m.start == sent.start + bound.end() and m.place), None
            )
            where = nxt.place if nxt else None
        elif clause[1] < sent.end and _HOSTS_SUMMIT.match(sent.text, clause[1] - sent.start):
            # "are due to meet again in October, when Russia hosts the BRICS summit in the city of Kazan"
            where = place(sent, clause[1], sent.end, clause[1])
    if (
        where is None
        and kind == "meeting_announced"
        and word.startswith(("host", "receiv", "welcom"))
    ):
        filed = doc.notes.get("dateline")
        host_code = next(
            (m.code for m in sent.mentions if m.code and clause[0] <= m.start < at),
            None,
        )
        if (
            filed
            and host_code == filed[1]
            and host_code in actors
            and not any(m.place and located(sent, m) for m in sent.mentions)
        ):
            where = filed[0]  # "WASHINGTON - ... Biden will host Kishida and Marcos on Thursday"
    draft = Draft(kind, frozenset(actors), sent, (at, end), date=when, attributed_to=source(sent))
    if where is None and kind == "meeting_held" and when is not None and not (reference and noun):
        where = _sentence_place(sent) or _town(doc, sent)
    if (
        where is None
        and kind == "meeting_held"
        and not any(m.place and m.place not in REGIONS and located(sent, m) for m in sent.mentions)
        and not (_CALL.search(sent.text) or _VIDEO.search(sent.text))
    ):
        where = _filed_at(doc, when, actors) or _summit_town(doc, when)
    draft.fields["location"] = where
    draft.fields["anaphoric"] = anaphoric
    draft.fields["pronoun"] = pronoun
    # the people who met, when this is told as a further meeting ("Scholz later held talks with Premier Li"),
    # so that merge() keeps it apart from the same parties' first meeting of the day
    draft.fields["people"] = frozenset(
        frozenset(m.text.lower().split())
        for m in sent.mentions
        if m.kind == "person" and clause[0] <= m.start < clause[1]
    )
    draft.fields["further"] = bool(
        own_when or own_where or _LATER.search(sent.text, clause[0] - sent.start, end - sent.start)
    )
    # "Albanese has met Xi in Beijing": today, unless a later sentence dates it (see extract_events)
    draft.fields["perfect"] = bool(
        _PERFECT.search(sent.text, clause[0] - sent.start, end - sent.start)
    )
    draft.fields["own_when"] = bool(own_when)
    if kind == "meeting_held":
        draft.fields["format"] = _format(doc, sent, clause, word, when, end)
        if draft.fields["format"] in {"call", "video"}:
            draft.fields["location"] = None  # "held a virtual summit": nobody travelled
        draft.cameo = _cameo(draft.fields["format"], word, where, actors)
    draft.confidence = 0.55 + 0.15 * bool(when) + 0.1 * bool(where) + 0.1 * (not anaphoric)
    return draft


_RECENT = timedelta(days=14)


def _pronoun(doc: Doc, sent: Sent, clause: tuple[int, int], at: int, actors: set[str]) -> set[str]:
    """ "On Thursday, he held talks with Putin": "he" is the first person the sentence before named; "...,
    and will travel to Washington": the subject of the sentence's first clause."""
    if _SUBJECTLESS.match(sent.text, clause[0] - sent.start) and clause[0] > sent.start:
        first = next((m for m in sent.mentions if m.code), None)
        if first is None or _PRONOUN_START.match(sent.text):
            person = _earlier_person(doc, sent) if sent.index else None
            return {person.code} if person and person.code else set()
        return {first.code} if first.code else set()
    lead = (
        clause[0] == sent.start
        and _PRONOUN_START.match(sent.text) is not None
        and at - sent.start <= 60
    )  # "He flies to Ottawa for talks with Trudeau": the sentence's subject
    if sent.index == 0 or not (
        lead or _PRONOUN.search(sent.text, clause[0] - sent.start, at - sent.start)
    ):
        return set()
    if any(
        m.code and clause[0] <= m.start < at and not (m.place and located(sent, m))
        for m in sent.mentions
    ):
        return set()  # a subject of its own; "He flies to Ottawa for talks": a place is none
    person = _earlier_person(doc, sent)
    return {person.code} if person and person.code and person.code not in actors else set()


def _earlier_person(doc: Doc, sent: Sent) -> Mention | None:
    """The first person the sentence before named, past sentences that begin with "He" or "She"."""
    for earlier in reversed(doc.sents[max(0, sent.index - 3) : sent.index]):
        if _PRONOUN_START.match(earlier.text):
            continue  # "She held talks with He Lifeng ...": the subject is further back
        return next((m for m in earlier.mentions if m.kind == "person" and m.code), None)
    return None


_SUBJECTLESS = re.compile(
    r"\W*and\s+(?:will|is due to|is expected to|is scheduled to|is set to|plans to|is to)\s"
)


def _same_trip(
    doc: Doc,
    sent: Sent,
    clause: tuple[int, int],
    at: int,
    actors: set[str],
    when: Resolved | None,
    where: str | None,
) -> tuple[Resolved | None, str | None]:
    """ "Xi and Albanese met in Bali on Tuesday ... Xi also held talks with Macron": a later meeting of one of
    the same leaders, on the same trip, took place where the story's last placed meeting did; "also"
    without a day of its own means the same day."""
    last = doc.notes.get("last_placed")
    if when is not None:  # a placed meeting of the same day first ("after Tuesday's talks")
        last = doc.notes.get("placed_by_day", {}).get(when.iso, last)
    if last is None or sent.index - last[0] > 8 or not actors & last[1].actors:
        return when, where
    earlier: Draft = last[1]
    if (
        when is None
        and where is not None
        and earlier.date is not None
        and where == earlier.fields.get("location")
    ):
        when = earlier.date  # "were in Manila for a two-plus-two meeting": the visit's day
    if (
        when is None
        and earlier.date is not None
        and re.search(
            r"\b(?:also|later|then|afterwards)\b",
            sent.text[clause[0] - sent.start : at - sent.start],
        )
    ):
        when = earlier.date
    if (
        where is None
        and when is not None
        and earlier.date is not None
        and abs((when.day - earlier.date.day).days) <= 2
        and when.precision == "day"
        and not (_CALL.search(sent.text) or _VIDEO.search(sent.text))
        and not any(m.place and located(sent, m) for m in sent.mentions)
    ):
        where = earlier.fields.get("location")
    return when, where


def _sentence_place(sent: Sent) -> str | None:
    """A held meeting whose clause names no place: the one place the whole sentence gives ("held talks with
    Putin, who is on a state visit, at the Great Hall of the People in Beijing")."""
    places = {
        m.place for m in sent.mentions if m.place and m.place not in REGIONS and located(sent, m)
    }
    return places.pop() if len(places) == 1 else None


def _town(doc: Doc, sent: Sent) -> str | None:
    """ "WOODSIDE, California - ... The meeting at the Filoli estate in Woodside": the dateline's town,
    named as where, though the gazetteer does not list it."""
    town = doc.notes.get("dateline_town")
    if not town:
        return None
    pattern = (
        rf"\b(?:in|at|visit|visits|visited|visiting) (?:{re.escape(town)}\b|(?:this|the) (?:[A-Z][\w-]+ )?(?:city|town|port|resort)\b)"
        r"|\bhere\b"  # "held talks with his Russian counterpart Sergei Lavrov here"
    )
    return str(town) if re.search(pattern, sent.text) else None  # "... summit in this Russian city"


def _filed_at(doc: Doc, when: Resolved | None, actors: set[str]) -> str | None:
    """ "SEOUL, May 27 - ... Li also met Yoon on Sunday": a meeting of the host, days before a story
    filed in its capital, with no other place named, was held there."""
    filed = doc.notes.get("dateline")
    if filed is None or when is None or when.precision != "day" or filed[1] not in actors:
        return None
    return str(filed[0]) if 0 <= (doc.published - when.day).days <= 3 else None


def _summit_town(doc: Doc, when: Resolved | None) -> str | None:
    """ "OSAKA - Trump and Xi met on Saturday in Osaka ... Putin met Erdogan on Saturday": on the days of a
    gathering in the dateline's city, where the story's meetings so far took place, another meeting with
    no place named was held there too."""
    filed = doc.notes.get("dateline")
    last = doc.notes.get("last_placed")
    if filed is None or last is None or when is None or when.precision != "day":
        return None
    if last[1].fields.get("location") != filed[0] or not 0 <= (doc.published - when.day).days <= 3:
        return None
    return str(filed[0])


def _seat_before(sent: Sent, at: int, noun: bool) -> str | None:
    """ "a tense Oval Office meeting", "the Kremlin talks": a seat of power naming where."""
    if not noun:
        return None
    seat = next((m for m in sent.mentions if m.place and 0 <= at - m.end <= 1), None)
    return seat.place if seat else None


def _ahead(own_when: list[DateExpr]) -> bool:
    """The meeting's own date says it is ahead: "next month", "next Tuesday", "the coming weeks"."""
    return bool(own_when) and (
        own_when[0].prep in {"next", "coming"} or own_when[0].extra.startswith(("next", "coming"))
    )


def _recent_day(doc: Doc, sent: Sent, clause: tuple[int, int], at: int) -> bool:
    """A subordinate "after X sat down with Y in Washington on Thursday evening" is news when its own
    day is recent; "when they met earlier this month" refers back."""
    when = event_date(
        doc, sent, clause[0], clause[1], at, "past", NOT_EVENT_DATE
    ) or _sentence_date(doc, sent, clause, "past")
    if (
        when is None and sent.pair
    ):  # "... signed on Wednesday in Abuja. The agreement was signed by ...,
        when = _previous_day(doc, sent, sent.pair)  # after talks between the two ministers"
    return when is not None and when.precision == "day" and doc.published - when.day <= _RECENT


def _trip_of(trip: Draft, talks: Draft) -> bool:
    """`trip` is the visit whose talks `talks` tells, in the same sentence and to come: the talks' day is
    the meeting's."""
    word = trip.sent.text[
        trip.trigger[0] - trip.sent.start : trip.trigger[1] - trip.sent.start
    ].lower()
    said = talks.sent.text[
        talks.trigger[0] - talks.sent.start : talks.trigger[1] - talks.sent.start
    ].lower()
    return (
        trip.type == talks.type == "meeting_announced"
        and trip.actors == talks.actors
        and word in {"visit", "trip", "tour"}
        and said.endswith(("talks", "meet", "meeting"))
        and talks.trigger[0] > trip.trigger[0]
    )


def _other_date(a: Draft, b: Draft) -> bool:
    """`b` dates a meeting `a` left undated, or names another date."""
    return b.date is not None and (a.date is None or a.date.iso != b.date.iso)


def _state_side(sent: Sent, at: int, end: int, clause: tuple[int, int]) -> bool:
    """Someone who speaks for a state meets: a named actor or "the two leaders" before "met", or a
    named actor right after it. "Toyota's chairman and Hyundai's chair met ... the heads of Japan's
    and South Korea's largest carmakers" names states only as the companies' home."""
    subject = [m for m in sent.mentions if m.code and clause[0] <= m.start and m.end <= at]
    if subject or ANAPHOR.search(sent.text, clause[0] - sent.start, at - sent.start):
        return True
    after = next((m for m in sent.mentions if m.start >= end), None)
    gap = sent.text[end - sent.start : after.start - sent.start] if after else ""
    return after is not None and after.code is not None and bool(_OBJECT_GAP.fullmatch(gap))


def _sentence_date(
    doc: Doc,
    sent: Sent,
    clause: tuple[int, int],
    direction: str | None,
    actors: frozenset[str] | None = None,
) -> Resolved | None:
    """A held meeting whose clause names no date: the sentence's only date ("on Thursday set a target
    ... after talks at the White House"), the last dated event for "the same day", or the date of the
    same parties' event in the sentence just before ("... signed on Wednesday. The announcement came
    after talks at the White House")."""
    spans = [
        d
        for d in sent.dates
        if d.prep not in {"since", "by", "until", "till"}
        and not re.search(
            r"\bsince\b[^,;]{0,40}$",
            sent.text[max(0, d.start - sent.start - 50) : d.start - sent.start],
        )
    ]  # not "since taking office in June"
    if len(spans) == 1 and not clause[0] <= spans[0].start < clause[1]:
        return resolve(spans[0], doc.published, direction or "past")
    same = _SAME_DAY.search(sent.text, clause[0] - sent.start, clause[1] - sent.start)
    last = doc.notes.get("last_date")
    if last is None:
        return None
    index, day, parties = last
    if same and "before" not in same.group() and "previous" not in same.group():
        return day  # type: ignore[no-any-return]
    if actors is not None and index == sent.index - 1 and parties == actors:
        return day  # type: ignore[no-any-return]
    return None


def _previous_day(doc: Doc, sent: Sent, actors: frozenset[str]) -> Resolved | None:
    """ "The EU and China concluded negotiations on Wednesday ... The agreement was sealed during a video
    call between Xi and ...": the one recent day the sentence before gives, when it names the same parties."""
    if sent.index == 0:
        return None
    prev = doc.sents[sent.index - 1]
    if not actors <= set(prev.codes()):
        return None
    days = [
        d
        for d in prev.dates
        if d.kind in {"dow", "md", "rel"}
        and d.prep not in NOT_EVENT_DATE
        and not _in_dateline(prev, d.start)
    ]
    if len(days) != 1:
        return None
    when = resolve(days[0], doc.published, "past")
    if when is None or when.precision != "day" or not 0 <= (doc.published - when.day).days <= 7:
        return None
    return when


_THE_EVENT = re.compile(
    r"\W*(?:Before|After|During|Ahead of|Following|On the sidelines of|At)\s+the\s+"
    r"(?:ceremony|signing|inauguration|launch|opening|summit|visit|event|celebrations?|parade|forum)\b"
)


_THE_EVENT_AFTER = re.compile(
    r"\b(?:before|after|ahead of|following)\s+the\s+(?:signing|ceremony|inauguration|launch|opening)\b"
)  # "held talks with Aliyev before the signing"


_DAY_APART = re.compile(
    r"\s(?P<n>a|one|two|three)\s+days?\s+(?P<dir>after|before)\s", re.IGNORECASE
)
_COUNT_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _day_apart(doc: Doc, sent: Sent, clause: tuple[int, int]) -> Resolved | None:
    """ "held formal talks in the Kremlin a day after Putin hosted Modi on Monday evening": the day of the
    event it is told against, moved by the days between."""
    if " day" not in sent.low:
        return None
    apart = _DAY_APART.search(sent.text, clause[0] - sent.start, clause[1] - sent.start + 12)
    if apart is None:
        return None
    at = sent.start + apart.end()
    day = next((d for d in sent.dates if at <= d.start and d.kind in {"dow", "md", "rel"}), None)
    then = resolve(day, doc.published, "past") if day else None
    if then is None or then.precision != "day":
        return None
    shift = _COUNT_DAYS[apart["n"].lower()] * (1 if apart["dir"].lower() == "after" else -1)
    moved = then.day + timedelta(days=shift)
    return Resolved(moved.isoformat(), "day", moved) if moved <= doc.published else None


def _in_dateline(sent: Sent, at: int) -> bool:
    """The offset lies in the sentence's dateline ("BRUSSELS, June 27 -"), the story's day, not an event's."""
    span = sent.memo.get("dateline")
    return isinstance(span, tuple) and span[0] <= at < span[1]


def _headline(sent: Sent) -> bool:
    """The article's first line, written without a full stop: a headline."""
    return sent.index == 0 and not sent.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _lead_day(doc: Doc, sent: Sent, actors: frozenset[str]) -> Resolved | None:
    """ "Erdogan and Putin on Wednesday inaugurated the pipeline ... Before the ceremony, Putin and Erdogan
    held talks": the day of the event the lead told, when the sentence points at it."""
    if sent.index == 0 or not (_THE_EVENT.match(sent.text) or _THE_EVENT_AFTER.search(sent.text)):
        return None
    for lead in doc.sents[: min(sent.index, 3)]:
        if _headline(lead) or not actors <= set(lead.codes()):
            continue
        resolved = [
            resolve(d, doc.published, "past")
            for d in lead.dates
            if d.kind in {"dow", "md", "rel"}
            and d.prep not in NOT_EVENT_DATE
            and not _in_dateline(lead, d.start)
        ]
        days = [w for w in resolved if w is not None and w.precision == "day"]  # not "last year"
        if len(days) == 1 and 0 <= (doc.published - days[0].day).days <= 7:
            return days[0]
    return None


def _reach(sent: Sent, end: int, clause: tuple[int, int], limit: int | None = None) -> int:
    """How far after a noun trigger its mood may be read ("a summit is planned"): not into a coordinated verb."""
    hi = min(clause[1], end + 80) if limit is None else limit
    verb = _NEXT_VERB.search(sent.text, end - sent.start, hi - sent.start) or _NEW_SUBJECT.search(
        sent.text, end - sent.start, hi - sent.start
    )
    return sent.start + verb.start() if verb else hi


def _ended(when: Resolved, published: date) -> bool:
    """The whole span of a date lies before the publication day."""
    if when.precision == "day":
        return when.day < published
    if when.precision == "week":
        return when.day + timedelta(days=7) <= published
    if when.precision == "month":
        return (when.day.year, when.day.month) < (published.year, published.month)
    return False


def _venue(sent: Sent, at: int) -> bool:
    """ "the SCO summit": a bloc's gathering named as the setting, not a meeting of two parties."""
    blocs = [
        m for m in sent.mentions if m.kind == "bloc" and m.code != "QUAD" and at - 9 <= m.end <= at
    ]  # a Quad summit is its four members meeting
    return bool(blocs) and not any(
        m.code
        and m.kind != "bloc"
        and at - 30 <= m.end <= at
        and not _APART.search(sent.text, m.end - sent.start, at - sent.start)
        for m in sent.mentions
    )  # "the China-EU summit" is the two's; "flew to Hanoi directly from the G20 summit" is a venue


def _usable(word: str, before: str, after: str) -> bool:
    if word.endswith((" due in", " expected in")):  # "Wang Yi was expected in Abuja in January"
        return bool(_DUE_IN_PLACE.match(after))
    if word in {"landed in", "lands in", "arrived in", "arrives in", "arriving in", "arrive in"}:
        return bool(_ARRIVED_AT.match(after))  # "arrived in Beijing"; not "landed in the sea"
    if (
        word == "discussions"
    ):  # "held discussions in Moscow with ..."; not "discussions on the budget"
        return bool(
            re.search(r"\b(?:held|hold|holds|holding|had)\s+(?:[\w-]+\s+){0,2}$", before[-30:])
            and re.match(r"\s+(?:in|with|at)\b", after)
        )
    if word == "talks":
        return bool(
            _TALKS_CUE.search(before[-40:])
            or _DAY_OF.search(before[-30:])  # "Monday's talks, which ran for more than an hour"
            or re.match(r"\s+(?:in|with|between|on|at)\b", after)
            or re.match(r"\s+(?:were|are|will|was|is)\s+(?:set|due|scheduled|expected|to)\b", after)
        )
    if word == "call":
        return not _CALL_VERB.match(after) and not re.search(
            r"\b(?:to|will|would|can|could|may)\s+$|\b(?:which|what|whom)\s+(?:[\w-]+\s+){0,2}$",
            before[-50:],
        )  # not "the Falkland Islands, which Argentines call Las Malvinas"
    if word in {"speak", "speaks", "spoke", "spoken", "talked"}:
        return bool(_SPEAK_OK.match(after))
    if word in {"host", "hosts", "hosted", "hosting"}:
        if (
            word == "host"
            and re.search(r"(?:^|\bthe\s+|\bas\s+)$", before)
            and _TITLE_AFTER.match(after)
        ):
            return False  # "Host President Vladimir Putin held separate talks ...": a title, not a verb
        return not re.match(r"\s+(?:of|country|city|nation)\b", after) and not _HOSTED_THING.match(
            after
        )
    if (
        word == "conversation"
    ):  # "a 'good conversation' with Trump by telephone"; not "a conversation about"
        return bool(re.match(r"[\"”']?\s+(?:with|between)\b", after))
    if word == "chat":
        return bool(re.search(r"\b(?:their|a|the)\s+(?:[\w-]+\s+){0,2}$", before[-50:]))
    if word.startswith(("meet", "met")):
        return not _MET_NEEDS.match(after)
    if word.startswith(("travel", "fl", "will travel", "to travel", "would travel")):
        return bool(
            re.match(r"\s+(?:the\s+)?[A-Z]", after)
        )  # "flew to Hanoi", "will travel to China"
    if word == "consultations":  # "held the seventh round of government consultations in Berlin"
        return bool(
            _TALKS_CUE.search(before[-60:]) or re.match(r"\s+(?:in|with|between|at)\b", after)
        )
    if (
        word == "negotiations"
    ):  # "negotiations in Washington between X and Y", not "concluded negotiations on" or "in principle"
        return bool(re.match(r"\s+(?:in|with|between|at)\b(?! principle)", after))
    if word in {"agreed in", "agreed at", "pledged in", "decided in"}:
        return not _MONTH_OR_YEAR.match(after)  # "agreed in Tokyo"; not "agreed in December"
    if word.startswith(
        ("receiv", "welcom")
    ):  # "received EU chiefs Ursula von der Leyen and ...", not "a letter"
        if word in {"receive", "welcome"} and _GUEST.match(after) and not _GOODS.match(after):
            return True  # "Putin is expected to receive Singh at the Kremlin"
        if word in {"receive", "welcome"}:  # "will receive him"; not "are to receive Russian gas"
            return bool(
                _HIM.match(after)
                or _TITLE_AFTER.match(after)
                or re.match(
                    r"\s+(?:(?:his|her)\s+(?:[\w-]+\s+){0,2}counterparts?|the visiting)\b", after
                )
            )
        return bool(_GUEST.match(after) or _HIM.match(after))
    if word in {"visit", "visits"} and _VISITING_THINGS.match(after):
        return False  # "periodic visits of U.S. strategic assets": ships and planes, not leaders
    if word == "joined":  # "Kishida, Albanese and Modi joined Biden in Wilmington for the talks"
        return bool(_JOINED.match(after))
    if word.startswith("invit"):  # "invited Xi to attend the celebrations in Moscow in May"
        return bool(_INVITED.match(after))
    if word == "video link":  # "attended, via video link, the inauguration": a mode, not a meeting
        return bool(
            re.search(
                r"\b(?:talks|summit|meeting|met|spoke|speak\w*|call|conference|held|each other|launch\w*"
                r"|took part|joined)\b",
                before + after,
            )
        )
    return not re.search(r"\b(?:press|news)\s+$", before[-12:])


def _side_actors(sent: Sent) -> set[str]:
    """Codes a sentence names only beside the parties, never as one: the home of non-state bodies
    ("Japan's Keidanren business lobby and the Korea Chamber of Commerce met") and adjectives of
    things ("seeking Chinese financing to extend the railway to the Ugandan border"); "Chinese
    officials", "the Russian side" and names of states or people are parties."""
    cached = sent.memo.get("side")
    if isinstance(cached, set):
        return cached
    side: set[str] = set()
    party: set[str] = set()
    for m in sent.mentions:
        if not m.code:
            continue
        at = m.end - sent.start
        club = _CLUB_BEFORE.search(
            sent.text, max(0, m.start - sent.start - 12), m.start - sent.start
        )
        if (
            club
            or _NON_STATE.match(sent.text, at)
            or (m.kind == "demonym" and not _PARTY_NOUN.match(sent.text, at))
        ):
            side.add(m.code)
        else:
            party.add(m.code)
    sent.memo["side"] = side - party
    return side - party


def _actors(sent: Sent, at: int, clause: tuple[int, int]) -> set[str]:
    venues = {
        m.code
        for m in sent.mentions
        if m.kind == "bloc" and m.code and _BLOC_VENUE.match(sent.text[m.end - sent.start :])
    }
    # "from the G20 summit in New Delhi": a setting, never a party (a Quad summit is its four); it is
    # set aside before "the two presidents" is completed with the article's pair.
    if (
        sent.pair
        and "the two " in sent.low[max(0, at - sent.start - 40) : at - sent.start]
        and _TWO_SUBJECT.search(
            sent.text, max(clause[0] - sent.start, at - sent.start - 40), at - sent.start
        )
    ):
        return set(
            sent.pair
        )  # "... outside the Palace of Serbia, where the two leaders held talks"
    found = participants(sent, at, clause) - (venues - {"QUAD"})
    if (
        "'s neighbo" in sent.text
    ):  # "Leaders of Sudan's neighbours met in Cairo": Sudan is the subject matter
        around = {
            m.code
            for m in sent.mentions
            if m.code and sent.text.startswith("'s neighbo", m.end - sent.start)
        }
        found = found - around if len(found - around) >= 2 else found
    left = (
        {
            m.code
            for m in sent.mentions
            if m.kind == "capital"
            and _DEPARTED.search(sent.text, max(0, m.start - sent.start - 12), m.start - sent.start)
        }
        if ("leav" in sent.low or "left" in sent.low or "depart" in sent.low)
        else set()
    )
    found -= (
        left  # "leaves Beijing on Saturday for Abu Dhabi, where he is to meet ...": not a party
    )
    named = found
    found = with_pair(sent, found, _POINTER)
    if len(found) >= 2:
        side = _side_actors(sent)
        # the pair a pointer brought in stays ("The two leaders agreed to meet again in the South Korean
        # city of Gyeongju"); only the sentence's own side mentions are set aside
        found -= (side - sent.pair) if found != named else side
    blocs = {m.code for m in sent.mentions if m.kind == "bloc" and m.code and m.code != "QUAD"}
    if len(found - blocs) >= 2:
        found -= blocs  # with two states at the table, a bloc named alongside is the setting
    if "QUAD" in found:
        found = (found - {"QUAD"}) | _QUAD
    found -= (
        _GATHERINGS  # "attended a G20 ministers' meeting in New Delhi": a gathering, not a party
    )
    if "EU" in found and len(found) == 2 and not (found - {"EU"}) - _EU_MEMBERS:
        return (
            set()
        )  # "EU ministers met in Brussels, with Hungary voicing reservations": inside the bloc
    return found


_TWO_START = re.compile(
    r"\W*(?:On \w+,?\s+)?The two (?:leaders|presidents|heads of state|prime ministers)\s+"
    r"(?:(?:had|have|has|also|last|first|then|later|previously|briefly)\s+){0,2}"
)
# "The previous one, held by video link in April 2022, weeks after Russia invaded Ukraine": the
# article's meeting series, whoever the asides name
_PREVIOUS_ONE = re.compile(
    r"\W*The (?:previous|last|first|latest|preceding) (?:one|summit|meeting|round|edition)\b(?!\s+(?:of|between|with))"
)
_TWO_SUBJECT = re.compile(
    r"\b(?:where|when|as|and|,)\s+the two (?:leaders|presidents|sides|heads of state|prime ministers|ministers"
    r"|foreign ministers)\s+(?:also\s+|then\s+|later\s+)?(?:held\s+|had\s+|began\s+|opened\s+)?$",
    re.IGNORECASE,
)


def _destination(sent: Sent, word: str, end: int) -> str | None:
    if not word.startswith(
        ("visit", "arriv", "land", "travel", "fl", "will travel", "to travel", "would travel")
    ):
        return None
    nxt = next((m for m in sent.mentions if m.start >= end), None)
    return nxt.place if nxt and nxt.start - end <= 2 and nxt.place else None


def _format(
    doc: Doc, sent: Sent, clause: tuple[int, int], word: str, when: object, end: int
) -> str:
    window = sent.text[clause[0] - sent.start : clause[1] - sent.start]
    second = _SECOND_VERB.search(window, end - clause[0])
    if (
        second
    ):  # "had last met in person in Astana ..., and spoke by phone on Aug. 2": another meeting
        window = window[: second.start()]
    if _VIDEO.search(window):
        return "video"
    call = _CALL.search(window)
    if call and call.group().lower() == "call" and window.startswith(" on", call.end()):
        call = None  # "wrapped up a visit with a call on Prime Minister Modi": a courtesy call, in person
    if (
        call
        and call.group().lower() == "conversation"
        and (
            _FACE_TO_FACE.search(window)
            or any(
                m.place and located(sent, m)
                for m in sent.mentions
                if clause[0] <= m.start < clause[1]
            )
        )
    ):
        call = None  # "talks in the Kremlin, after an informal conversation over dinner": in person
    if call or word == "chat":
        for hint in doc.notes.get("meeting_hints", []):
            if isinstance(when, Resolved) and when.iso.startswith(hint[1]) and hint[0] == "video":
                return "video"  # a call told "by phone" is never made in person by a hint
        return "call"
    if (
        word in {"spoke", "spoken", "speak", "speaks", "talked"}
        and not _TOGETHER.search(window)
        and not any(
            m.place and located(sent, m) for m in sent.mentions if clause[0] <= m.start < clause[1]
        )
    ):
        return "call"  # "Lula spoke with Modi last Thursday": leaders who speak without meeting, by phone
    return "in_person"


def _hint(doc: Doc, sent: Sent, at: int, end: int, clause: tuple[int, int]) -> None:
    """Counted meetings ("two video conferences last year") are no event, but tell later ones their format."""
    window = sent.text[at - sent.start : end - sent.start]
    fmt = "video" if _VIDEO.search(window) else ("call" if _CALL.search(window) else "in_person")
    when = event_date(doc, sent, end, clause[1], end, "past")
    if when:
        doc.notes.setdefault("meeting_hints", []).append((fmt, when.iso))


def _cameo(fmt: str, word: str, where: str | None, actors: set[str]) -> str:
    if fmt in {"call", "video"}:
        return "041"
    if word.startswith("host"):
        return "043"
    if word.startswith("visit") or word == "trip":
        return "042"
    host = PLACE_COUNTRY.get(where) if where else None
    if host:
        return (
            "042" if host in actors else "044"
        )  # one side travelled to the other; or both met on third ground
    return "040"


_COUNTED_LOW = case_blind(_COUNTED)
_ASIDE_BEFORE_LOW = case_blind(_ASIDE_BEFORE)
_WISH_LOW = case_blind(_WISH)
_URGED_LOW = case_blind(_URGED)
_REQUESTED_LOW = case_blind(_REQUESTED)
_TRIGGER_LOW = case_blind(_TRIGGER)
