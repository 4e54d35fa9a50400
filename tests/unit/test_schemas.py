"""The wire contract: gold events fit the event models, and serialise back to the gold view."""

import json

import pytest
from pydantic import ValidationError

from schemas import ArticleIn, EventAdapter, article_id_for
from tests.conftest import GOLD

ENVELOPE = {
    "event_id": "evt_1",
    "article_id": "art_1",
    "published_at": "2022-02-03T00:00:00Z",
    "evidence": {"text": "A sentence.", "start": 0, "end": 11},
    "confidence": 0.9,
}


def gold_events() -> list[dict[str, object]]:
    return [e for line in GOLD.read_text().splitlines() for e in json.loads(line)["events"]]


def test_every_gold_event_round_trips_through_the_models() -> None:
    """Each gold event validates as an Event and its gold view gives back the gold fields."""
    events = gold_events()
    assert len(events) > 40
    for gold in events:
        event = EventAdapter.validate_python({**ENVELOPE, **gold})
        view = event.gold_view()
        for key, value in gold.items():
            if key == "actors":
                assert sorted(view["actors"]) == sorted(value)  # type: ignore[arg-type]
            else:
                assert view[key] == value, (key, gold)


def test_sanctions_actors_are_the_union_of_by_and_target() -> None:
    """Sanctions events name `by` and `target`; `actors` is derived from both."""
    event = EventAdapter.validate_python(
        {**ENVELOPE, "type": "sanctions_imposed", "by": ["USA", "EU"], "target": ["RUS"]}
    )
    assert event.actors == ["EU", "RUS", "USA"]
    assert "actors" not in event.gold_view()


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        pytest.param("text", "   ", "at least 1 character", id="blank-text"),
        pytest.param("text", "!!! ???", "letter or digit", id="no-words"),
        pytest.param("published_at", "yesterday", "datetime", id="bad-date"),
        pytest.param("url", "not a url", "URL", id="bad-url"),
        pytest.param("title", "", "at least 1 character", id="empty-title"),
    ],
)
def test_invalid_article_names_the_field_and_the_rule(field: str, value: str, rule: str) -> None:
    """A bad submission fails validation with the field and the rule in the message."""
    body = {"title": "T", "text": "Some text.", "published_at": "2022-02-03", field: value}
    with pytest.raises(ValidationError) as info:
        ArticleIn.model_validate(body)
    [error] = info.value.errors()
    assert error["loc"] == (field,)
    assert rule.lower() in error["msg"].lower()


def test_article_id_depends_on_content_not_whitespace() -> None:
    """The same title and text give the same id, whatever the spacing; other text, another id."""
    a = article_id_for("Title", "Xi met  Putin.\n")
    assert a == article_id_for("Title", "Xi met Putin.")
    assert a != article_id_for("Title", "Xi met Biden.")


def test_date_only_publication_is_midnight_utc() -> None:
    """A date without a time is midnight UTC."""
    article = ArticleIn(title="T", text="x1", published_at="2022-02-03")  # type: ignore[arg-type]
    assert article.published_at.isoformat() == "2022-02-03T00:00:00+00:00"
