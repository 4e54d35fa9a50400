"""Event extraction: a pure function from article text and publication time to typed events."""

from collections.abc import Callable
from datetime import UTC, datetime

from schemas import Event
from services.extractor.extract.agreements import read_agreements
from services.extractor.extract.build import merge, to_event
from services.extractor.extract.clauses import located
from services.extractor.extract.cooperation import read_exercises, read_statements
from services.extractor.extract.dates import Resolved
from services.extractor.extract.doc import Doc, Sent, analyse
from services.extractor.extract.meetings import read_meetings
from services.extractor.extract.sanctions import read_sanctions
from services.extractor.extract.slots import Draft
from services.extractor.extract.trade import read_trade

Reader = Callable[[Doc, Sent], list[Draft]]
READERS: tuple[Reader, ...] = (
    read_meetings,
    read_agreements,
    read_trade,
    read_sanctions,
    read_exercises,
    read_statements,
)


def _follows_trade(doc: Doc, sent: Sent) -> bool:
    """The sentence after a trade figure may restate it ("The figure was ...") without a trade word."""
    last = doc.notes.get("last_trade")
    return last is not None and last[0] == sent.index - 1


def _remember(doc: Doc, sent: Sent, found: list[Draft]) -> None:
    """The place and day of a sentence's events, for a meeting the next sentence tells more of, and
    for "the same day"."""
    places = {m.place for m in sent.mentions if m.place and located(sent, m)}
    if len(places) == 1:
        doc.notes["last_place"] = (sent.index, places.pop(), found[-1].actors)
    dated = [d for d in found if d.date is not None and d.date.precision == "day"]
    if dated:
        doc.notes["last_date"] = (sent.index, dated[-1].date, dated[-1].actors)


def extract_events(text: str, *, published_at: datetime, article_id: str) -> list[Event]:
    """Return the events a careful reader finds in `text`, in text order."""
    if not text.strip():
        return []
    published = published_at.astimezone(UTC).date() if published_at.tzinfo else published_at.date()
    doc = analyse(text, published)
    drafts: list[Draft] = []
    for sent in doc.sents:
        if sent.families or _follows_trade(doc, sent):  # most sentences name no event word at all
            for reader in READERS:
                found = reader(doc, sent)
                if found:
                    drafts.extend(found)
                    _remember(doc, sent, found)
    perfect = {d.actors for d in drafts if d.fields.pop("perfect", False)}
    kept = merge(drafts)
    for draft in kept:  # "Albanese has met Xi in Beijing": today, unless another sentence dated it
        if draft.type == "meeting_held" and draft.date is None and draft.actors in perfect:
            draft.date = Resolved(published.isoformat(), "day", published)
    # A meeting "held" with neither a day nor a place is, in news, a denial, a plan or a passing mention
    # ("a visit by Putin to Turkey has been discussed for a year"): too little to alert on.
    kept = [
        d
        for d in kept
        if not (
            d.type == "meeting_held"
            and d.date is None
            and d.fields.get("location") is None
            and d.fields.get("format") == "in_person"
        )
    ]
    return [to_event(draft, text, article_id, published_at) for draft in kept]
