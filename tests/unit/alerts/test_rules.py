"""Alert rules as pure functions: events and state in, alerts out."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from schemas import ArticleRef, EventAdapter, EventsExtracted
from services.alerts.rules import decide, is_background
from services.alerts.state import State
from services.common.fingerprint import fingerprint

NOW = datetime(2022, 12, 31, tzinfo=UTC)


def message(article_id: str, published: str, *events: dict[str, Any]) -> EventsExtracted:
    published_at = datetime.fromisoformat(published).replace(tzinfo=UTC)
    built = [
        EventAdapter.validate_python(
            {
                "event_id": f"{article_id}-{i}",
                "article_id": article_id,
                "published_at": published_at,
                "evidence": {"text": "s", "start": 0, "end": 1},
                "confidence": 0.8,
                **e,
            }
        )
        for i, e in enumerate(events)
    ]
    ref = ArticleRef(article_id=article_id, title=f"title {article_id}", published_at=published_at)
    return EventsExtracted(article=ref, events=built)


def target(value: float, year: int | None = 2024) -> dict[str, Any]:
    return {
        "type": "trade_target",
        "actors": ["CHN", "RUS"],
        "value_usd": value,
        "target_year": year,
    }


def run(*messages: EventsExtracted, state: State | None = None) -> list[Any]:
    state = state or State()
    return [a for m in messages for a in decide(m, state, NOW, recency_days=45)]


def test_target_sequence_a_a_b_b_a_gives_set_changed_changed() -> None:
    """A, A, B, B, A raises set(A), changed(A->B), changed(B->A); repeats only corroborate."""
    a, b = 200e9, 250e9
    values = [a, a, b, b, a]
    alerts = run(
        *(message(f"art{i}", f"2022-0{i + 1}-01", target(v)) for i, v in enumerate(values))
    )
    raised = [x for x in alerts if x.action == "raised"]
    assert [(x.kind, x.previous and x.previous.value_usd, x.value_usd) for x in raised] == [
        ("trade_target_set", None, a),
        ("trade_target_changed", a, b),
        ("trade_target_changed", b, a),
    ]
    assert len({x.alert_id for x in raised}) == 3
    assert raised[1].previous is not None
    assert raised[1].previous.source.article_id == "art0"


def test_target_without_year_is_compared_with_the_current_target() -> None:
    """'$250 billion' with no year changes the pair's current '$200 billion by 2024' (year kept)."""
    alerts = run(
        message("a1", "2022-02-03", target(200e9)), message("a2", "2022-02-05", target(250e9, None))
    )
    assert [x.kind for x in alerts] == ["trade_target_set", "trade_target_changed"]
    assert alerts[1].summary == "trade target changed: CHN-RUS $200bn -> $250bn by 2024"
    assert alerts[1].events[0].target_year is None  # the evidence stays as extracted


def test_same_event_from_a_second_article_corroborates_without_a_new_alert() -> None:
    """A meeting reported twice is one alert; the second report adds a source (silently by default)."""
    held = {
        "type": "meeting_held",
        "actors": ["CHN", "RUS"],
        "date": "2022-02-04",
        "location": "Beijing",
    }
    state = State()
    first = run(message("a1", "2022-02-05", held), state=state)
    second = run(message("a2", "2022-02-06", {**held, "date": "2022-02"}), state=state)
    assert [x.kind for x in first] == ["meeting_held"]
    [update] = second
    assert (update.action, update.alert_id, update.source_count) == (
        "corroborated",
        first[0].alert_id,
        2,
    )


def test_same_article_twice_changes_nothing() -> None:
    """Processing the same article again (a redelivery) emits nothing and adds no source."""
    state = State()
    msg = message("a1", "2022-02-05", target(200e9))
    assert len(run(msg, state=state)) == 1
    assert run(msg, state=state) == []


@pytest.mark.parametrize(
    ("when", "published", "background"),
    [
        pytest.param("2014", "2022-02-25", True, id="old-year"),
        pytest.param("2022-02-04", "2022-02-05", False, id="yesterday"),
        pytest.param("2022-01", "2022-02-25", False, id="month-ending-within-window"),
        pytest.param("2018", "2022-12-21", True, id="trade-figure-of-2018"),
    ],
)
def test_background_is_decided_by_the_end_of_the_events_period(
    when: str, published: str, background: bool
) -> None:
    """An event whose period ended more than 45 days before publication is background."""
    [event] = message(
        "a", published, {"type": "joint_statement", "actors": ["CHN", "RUS"], "date": when}
    ).events
    assert is_background(event, datetime.fromisoformat(published).date(), 45) is background


def test_background_event_is_remembered_but_not_alerted() -> None:
    """A 2014 currency swap raises nothing, but a later report of it corroborates silently."""
    swap = {
        "type": "agreement_signed",
        "actors": ["CHN", "RUS"],
        "domain": "finance",
        "date": "2014",
        "value_usd": 24e9,
    }
    state = State()
    assert run(message("a1", "2022-02-25", swap), state=state) == []
    assert run(message("a2", "2022-03-01", swap), state=state) == []
    [stored] = state.groups["agreement_signed|CHN-RUS|2014"].values()
    assert stored.alert.source_count == 2
    assert not stored.emitted


def test_undated_events_far_apart_are_different_events() -> None:
    """Without dates, reports more than the window apart are separate real-world events."""
    threat = {"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}
    alerts = run(
        message("a1", "2022-03-11", threat),
        message("a2", "2022-03-19", threat),
        message("a3", (datetime(2022, 3, 19) + timedelta(days=60)).date().isoformat(), threat),
    )
    assert [(x.action, x.source_count) for x in alerts] == [
        ("raised", 1),
        ("corroborated", 2),
        ("raised", 1),
    ]


def test_sanctions_summary_reads_who_sanctions_whom() -> None:
    threat = {"type": "sanctions_threatened", "by": ["USA", "EU"], "target": ["CHN"]}
    [alert] = run(message("a1", "2022-04-20", threat))
    assert alert.summary == "sanctions threatened: EU,USA -> CHN"


@pytest.mark.parametrize(
    ("held", "links"),
    [
        pytest.param(
            {"date": "2022-09-15", "location": "Samarkand"}, True, id="same-place-day-in-month"
        ),
        pytest.param({"date": "2022-09-16"}, True, id="no-place-given"),
        pytest.param({"date": "2022-09-15", "location": "Vladivostok"}, False, id="other-place"),
        pytest.param({"date": "2022-08-30", "location": "Samarkand"}, False, id="other-month"),
    ],
)
def test_meeting_held_links_to_a_compatible_announcement(held: dict[str, Any], links: bool) -> None:
    """A held meeting links to the announced one with the same parties, date and place."""
    announced = {
        "type": "meeting_announced",
        "actors": ["CHN", "RUS"],
        "date": "2022-09",
        "location": "Samarkand",
    }
    state = State()
    [first] = run(message("a1", "2022-09-08", announced), state=state)
    [done] = run(
        message("a2", "2022-09-20", {"type": "meeting_held", "actors": ["CHN", "RUS"], **held}),
        state=state,
    )
    assert (done.linked_alert_id == first.alert_id) is links


def test_a_near_copy_of_an_article_emits_nothing_and_adds_a_source() -> None:
    """Syndicated copies (same text, a word changed) raise nothing; the original gains a source."""
    text = " ".join(f"word{i}" for i in range(300))
    held = {
        "type": "meeting_held",
        "actors": ["CHN", "RUS"],
        "date": "2022-02-04",
        "location": "Beijing",
    }
    original = message("a1", "2022-02-05", held).model_copy(
        update={"fingerprint": fingerprint(text)}
    )
    copy = message("a2", "2022-02-06", held).model_copy(
        update={"fingerprint": fingerprint(text.replace("word150", "changed"))}
    )
    other = message("a3", "2022-02-06", held).model_copy(
        update={"fingerprint": fingerprint(" ".join(f"other{i}" for i in range(300)))}
    )
    state = State()
    assert len(run(original, state=state)) == 1
    assert run(copy, state=state) == []
    [update] = run(other, state=state)  # a different article reporting it: a corroboration
    assert (update.action, update.source_count) == ("corroborated", 3)


def test_state_groups_are_bucketed_by_year() -> None:
    """Alert state is kept per type, parties and year, so what a batch reads stays bounded."""
    state = State()
    statement = {"type": "joint_statement", "actors": ["CHN", "RUS"]}
    run(message("a1", "2021-06-01", {**statement, "date": "2021-06-01"}), state=state)
    run(message("a2", "2023-06-01", {**statement, "date": "2023-06-01"}), state=state)
    kept = sorted(key for key, alerts in state.groups.items() if alerts)
    assert kept == ["joint_statement|CHN-RUS|2021", "joint_statement|CHN-RUS|2023"]


def test_a_target_without_a_figure_is_set_once_and_then_corroborated() -> None:
    """ "Pledged to double bilateral trade by 2030": a target with a year and no value."""
    doubling = {"type": "trade_target", "actors": ["CHN", "KAZ"], "target_year": 2030}
    alerts = run(message("a1", "2023-05-17", doubling), message("a2", "2023-05-18", doubling))
    assert [(a.kind, a.action, a.value_usd) for a in alerts] == [
        ("trade_target_set", "raised", None),
        ("trade_target_set", "corroborated", None),
    ]
    assert alerts[0].summary == "trade target set: CHN-KAZ no figure stated by 2030"
