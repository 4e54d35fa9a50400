"""The alert rules over the seeds' gold events, in publication order: the issue's must-hold list.

Pure: the gold events of each seed article (as the extractor should find them) go through
`decide` with one shared state, exactly as the alerts service would see them.
"""

import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from schemas import AlertRaised, ArticleRef, EventAdapter, EventsExtracted, article_id_for
from services.alerts.rules import decide, needed
from services.alerts.state import State
from services.common.fingerprint import fingerprint
from services.common.seeds import load_seed_articles
from tests.conftest import GOLD, SEEDS

NOW = datetime(2023, 1, 1, tzinfo=UTC)


def gold_messages() -> list[EventsExtracted]:
    """One message per seed article (archive posts split), in publication order, with gold events."""
    gold: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for line in GOLD.read_text().splitlines():
        row = json.loads(line)
        gold[(row["article"], row.get("post"))] += row["events"]
    messages = []
    for article in load_seed_articles(SEEDS):
        name = Path(article.source or "").name
        events = gold.get((name, article.title)) or gold.get((name, None), [])
        article_id = article_id_for(article.title, article.text)
        built = [
            EventAdapter.validate_python(
                {
                    "event_id": f"{article_id}-{i}",
                    "article_id": article_id,
                    "published_at": article.published_at,
                    "evidence": {"text": "gold", "start": 0, "end": 4},
                    "confidence": 0.9,
                    **event,
                }
            )
            for i, event in enumerate(events)
        ]
        ref = ArticleRef(
            article_id=article_id, title=article.title, published_at=article.published_at
        )
        messages.append(
            EventsExtracted(article=ref, events=built, fingerprint=fingerprint(article.text))
        )
    return messages


@pytest.fixture(scope="module")
def replay() -> tuple[list[tuple[EventsExtracted, list[AlertRaised]]], list[AlertRaised], State]:
    """Each message with what it emitted, every emission in order, and the final state."""
    state = State()
    per_message = [(m, decide(m, state, NOW, recency_days=45)) for m in gold_messages()]
    return per_message, [a for _, out in per_message for a in out], state


def raised(emitted: list[AlertRaised], kind: str) -> list[AlertRaised]:
    return [a for a in emitted if a.kind == kind and a.action == "raised"]


def final(state: State, alert_id: str) -> AlertRaised:
    """An alert as it stands after the whole replay (all corroborations applied)."""
    [found] = [
        s.alert for g in state.groups.values() for s in g.values() if s.alert.alert_id == alert_id
    ]
    return found


def test_one_target_set_and_one_change_which_later_mentions_corroborate(replay: Any) -> None:
    """$200bn by 2024 set on 2022-02-03; changed once to $250bn; later $250bn mentions corroborate."""
    _, emitted, state = replay
    [target_set] = [a for a in raised(emitted, "trade_target_set") if a.actors == ["CHN", "RUS"]]
    assert (target_set.value_usd, target_set.target_year) == (200e9, 2024)
    assert target_set.sources[0].published_at.date().isoformat() == "2022-02-03"
    [change] = [a for a in raised(emitted, "trade_target_changed") if a.actors == ["CHN", "RUS"]]
    assert change.previous is not None
    assert (change.previous.value_usd, change.value_usd) == (200e9, 250e9)
    assert change.summary == "trade target changed: CHN-RUS $200bn -> $250bn by 2024"
    latest = final(state, change.alert_id)
    assert latest.source_count >= 2
    assert "2022-12-21" in {s.published_at.date().isoformat() for s in latest.sources}


def test_february_summit_held_once_linked_to_its_announcement(replay: Any) -> None:
    """One meeting_held for Beijing 2022-02-04, linked to the announcement of 2022-02-03, two sources."""
    _, emitted, state = replay
    [announced] = [
        a
        for a in raised(emitted, "meeting_announced")
        if a.date == "2022-02-04" and a.actors == ["CHN", "RUS"]
    ]
    assert announced.sources[0].published_at.date().isoformat() == "2022-02-03"
    [held] = [
        a
        for a in raised(emitted, "meeting_held")
        if a.date == "2022-02-04" and a.actors == ["CHN", "RUS"]
    ]
    assert held.linked_alert_id == announced.alert_id
    assert final(state, held.alert_id).source_count >= 2


def test_samarkand_announced_once_corroborated_then_held_once(replay: Any) -> None:
    """Announced from the 09-08 post, corroborated by the 09-13 post; one linked meeting_held on 09-15."""
    _, emitted, state = replay
    [announced] = [a for a in raised(emitted, "meeting_announced") if a.location == "Samarkand"]
    assert announced.sources[0].published_at.date().isoformat() == "2022-09-08"
    dates = {s.published_at.date().isoformat() for s in final(state, announced.alert_id).sources}
    assert "2022-09-13" in dates
    [held] = [a for a in raised(emitted, "meeting_held") if a.location == "Samarkand"]
    assert held.date == "2022-09-15"
    assert held.linked_alert_id == announced.alert_id


def test_xi_visit_to_moscow_in_2023_is_announced_once(replay: Any) -> None:
    _, emitted, _ = replay
    moscow = [
        a
        for a in raised(emitted, "meeting_announced")
        if a.location == "Moscow" and (a.date or "").startswith("2023")
    ]
    assert len(moscow) == 1


def test_archive_copy_and_background_raise_nothing(replay: Any) -> None:
    """The archive's repeat of 004 emits nothing (it only adds a source); 2018 and 2014 are background."""
    per_message, emitted, state = replay
    copies = [
        (m, out)
        for m, out in per_message
        if m.article.title.startswith("Russia And China Stand Close")
    ]
    assert len(copies) == 2  # 004 and the archive's last post
    (_, first_out), (copy, copy_out) = copies
    assert first_out
    assert copy.events  # the copy does state the events again...
    assert copy_out == []  # ...but emits nothing
    sources = {
        s.article_id for g in state.groups.values() for a in g.values() for s in a.alert.sources
    }
    assert copy.article.article_id in sources  # it counts as one more source
    assert not [
        a for a in emitted if a.action == "raised" and (a.date or "")[:4] in {"2014", "2018"}
    ]


def _as_stored(state: State) -> State:
    """What a new batch reads from Redis: the index, targets and sketches, but no full alert."""
    return State(
        index={k: dict(v) for k, v in state.index.items()},
        targets=state.targets,
        sketches=dict(state.sketches),
    )


@pytest.mark.parametrize("batch", [1, 3])
def test_a_batch_that_reads_only_the_alerts_it_needs_decides_alike(replay: Any, batch: int) -> None:
    """The alerts service reads each group's small index and then only the alerts `needed` names;
    the decisions are those of a state holding every alert, batch after batch."""
    _, everything, _ = replay
    messages = gold_messages()
    stored = State()
    emitted: list[AlertRaised] = []
    for i in range(0, len(messages), batch):
        chunk = messages[i : i + batch]
        state = _as_stored(stored)
        wanted = needed(chunk, state)
        assert all(wanted.values()), (
            "a group is named only with alerts to read (HMGET needs a field)"
        )
        state.groups = {g: {a: stored.groups[g][a] for a in ids} for g, ids in wanted.items()}
        emitted += [a for m in chunk for a in decide(m, state, NOW, recency_days=45)]
        for group, ids in state.dirty.items():  # what store.writes saves
            for aid in ids:
                stored.put(group, state.groups[group][aid])
        stored.targets, stored.sketches = state.targets, {**stored.sketches, **state.sketches}
    assert [(a.alert_id, a.action, a.revision) for a in emitted] == [
        (a.alert_id, a.action, a.revision) for a in everything
    ]
    assert sum(len(ids) for ids in wanted.values()) < sum(len(g) for g in stored.index.values())
