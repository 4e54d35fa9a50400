"""From drafts to schema events: one event per real event (merging restatements), stable ids, evidence."""

import hashlib
from datetime import datetime
from typing import Any

from schemas import Event, EventAdapter
from services.extractor.extract.dates import Resolved
from services.extractor.extract.slots import Draft

_MEETINGS = {"meeting_announced", "meeting_held"}
_SANCTIONS = {"sanctions_threatened", "sanctions_imposed"}
_KEEP = {
    "trade_target": ("value_usd", "amount", "currency", "target_year", "previous_value_usd"),
    "trade_volume": (
        "value_usd",
        "amount",
        "currency",
        "period",
        "flow",
        "reporter",
        "change_pct",
        "forecast",
    ),
    "meeting_announced": ("location",),
    "meeting_held": ("location", "format"),
    "agreement_signed": ("domain", "value_usd", "amount", "currency"),
    "sanctions_threatened": (),
    "sanctions_imposed": (),
    "military_exercise": ("location",),
    "joint_statement": (),
}


def dates_agree(a: str, b: str) -> bool:
    """Two ISO dates agree when equal at the coarser precision of the two (quarters hold their months)."""
    for x, y in ((a, b), (b, a)):
        if "-Q" in x and "-Q" not in y and len(y) >= 7:
            return x[:4] == y[:4] and (int(y[5:7]) - 1) // 3 + 1 == int(x[-1])
    return a.startswith(b) or b.startswith(a)


def _agree(key: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True
    if key == "format":
        return a == b or {a, b} == {"call", "video"}
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(a - b) <= 0.02 * max(abs(a), abs(b), 1.0) if abs(a) > 1000 else abs(a - b) <= 0.5
    return bool(str(a).lower() == str(b).lower())


def _compatible(old: Draft, new: Draft) -> bool:
    if old.type != new.type:
        return False
    if old.type in _SANCTIONS:
        if old.target != new.target or not (new.by <= old.by or old.by <= new.by):
            return False
    elif old.actors != new.actors:
        return False
    if old.date and new.date and not dates_agree(old.date.iso, new.date.iso):
        return False
    if old.type in _MEETINGS and _other_people(old, new):
        return False  # "Scholz met Xi ... Scholz later held talks with Premier Li Keqiang": two meetings
    return all(_agree(k, old.fields.get(k), new.fields.get(k)) for k in _KEEP[old.type])


def _other_people(old: Draft, new: Draft) -> bool:
    """Both meetings name people, share one, and each names someone the other does not ("Xi" is "Xi
    Jinping": a person is the words of the name, and two names are one person when they share a word)."""
    a, b = old.fields.get("people") or frozenset(), new.fields.get("people") or frozenset()
    if not a or not b or not new.fields.get("further"):
        return False  # only a meeting told as a further one ("later", its own day or place) stays apart
    only_a = [p for p in a if not any(p & q for q in b)]
    only_b = [q for q in b if not any(q & p for p in a)]
    return bool(only_a and only_b and len(only_a) < len(a))


def _absorb(old: Draft, new: Draft) -> None:
    """Fill what `old` lacks from `new`, keeping the more precise date and the more specific format."""
    for key in _KEEP[old.type]:
        if old.fields.get(key) is None and new.fields.get(key) is not None:
            old.fields[key] = new.fields[key]
    if old.fields.get("format") == "call" and new.fields.get("format") == "video":
        old.fields["format"] = "video"
    if new.date and (old.date is None or len(new.date.iso) > len(old.date.iso)):
        old.date = new.date
    if old.type in _SANCTIONS and len(new.by) > len(old.by):
        old.by, old.actors = new.by, new.by | new.target
    old.confidence = min(1.0, max(old.confidence, new.confidence) + 0.05)


def merge(drafts: list[Draft]) -> list[Draft]:
    """Restatements of one event become one event; anaphoric mentions only fill in the last meeting."""
    kept: list[Draft] = []
    for draft in drafts:
        if len(draft.actors) < 2:
            continue
        if draft.fields.pop("anaphoric", False):
            last = next((k for k in reversed(kept) if k.type in _MEETINGS), None)
            if (
                last is not None
                and last.type == "meeting_held"
                and draft.type == "meeting_announced"
            ):
                # "Liu He met Lighthizer in Washington on Thursday, and the talks were set to resume on
                # Friday": a further meeting of the same parties, where they met
                if last.actors == draft.actors and draft.date is not None:
                    draft.fields["location"] = draft.fields.get("location") or last.fields.get(
                        "location"
                    )
                    kept.append(draft)
                continue
            if last is not None:
                if last.actors == draft.actors and _agree(
                    "location", last.fields.get("location"), draft.fields.get("location")
                ):
                    _absorb(last, draft)
                continue
        same = next((k for k in kept if _compatible(k, draft)), None)
        if same is not None:
            _absorb(same, draft)
            continue
        if draft.type == "joint_statement" and draft.date is None:
            draft.date = _meeting_date(kept, draft)
        kept.append(draft)
    return kept


def _meeting_date(kept: list[Draft], draft: Draft) -> Resolved | None:
    """A joint statement without a date was issued at the last meeting of the same parties."""
    days = [
        k.date for k in kept if k.type == "meeting_held" and k.actors == draft.actors and k.date
    ]
    # the visit's last meeting: "arrived in Shanghai on Wednesday ... met Xi on Friday ... a joint statement"
    return max(days, key=lambda day: day.day) if days else None


def to_event(draft: Draft, raw: str, article_id: str, published_at: datetime) -> Event:
    """The schema event of a draft, with a deterministic id and the evidence sentence."""
    fields = {k: v for k in _KEEP[draft.type] if (v := draft.fields.get(k)) is not None}
    if draft.type == "trade_volume":
        fields.setdefault("flow", "total")
    key = "|".join(
        [
            article_id,
            draft.type,
            str(draft.sent.start),
            str(draft.sent.end),
            ",".join(sorted(draft.actors)),
            ",".join(sorted(draft.by)),
            ",".join(sorted(draft.target)),
            repr(sorted(fields.items())),
        ]
    )
    data: dict[str, Any] = {
        "type": draft.type,
        "event_id": "evt_" + hashlib.sha256(key.encode()).hexdigest()[:20],
        "article_id": article_id,
        "published_at": published_at,
        "actors": sorted(draft.actors),
        "date": _date(draft.date)[0],
        "date_precision": _date(draft.date)[1],
        "evidence": {
            "text": raw[draft.sent.start : draft.sent.end],
            "start": draft.sent.start,
            "end": draft.sent.end,
        },
        "confidence": round(min(1.0, draft.confidence), 2),
        "attributed_to": draft.attributed_to,
        **fields,
    }
    if draft.cameo:
        data["cameo"] = draft.cameo
    if draft.type in _SANCTIONS:
        data["by"], data["target"] = sorted(draft.by), sorted(draft.target)
    return EventAdapter.validate_python(data)


def _date(value: Resolved | None) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if "-H" in value.iso:  # event dates have no half-years: the year is what the text supports
        return value.iso[:4], "year"
    return value.iso, value.precision
