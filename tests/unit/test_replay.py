"""Replay timing: real gaps between publication dates, compressed by the speed factor."""

import pytest

from schemas import ArticleIn
from services.ingest.replay import replay_delays


def _article(day: str) -> ArticleIn:
    return ArticleIn(title=day, text="text 1", published_at=day)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("speed", "expected"),
    [
        pytest.param(None, [0.0, 0.0, 0.0], id="as-fast-as-possible"),
        pytest.param(86400.0, [0.0, 1.0, 2.0], id="a-day-a-second"),
        pytest.param(172800.0, [0.0, 0.5, 1.0], id="two-days-a-second"),
    ],
)
def test_delays_are_the_real_gaps_divided_by_speed(
    speed: float | None, expected: list[float]
) -> None:
    """Each delay is the gap to the previous article divided by the speed."""
    articles = [_article("2022-02-03"), _article("2022-02-04"), _article("2022-02-06")]
    assert replay_delays(articles, speed) == expected
