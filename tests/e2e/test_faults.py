"""Crashes, restarts and bad input on real processes: every expected alert arrives, none is lost.

The oracle is a fault-free run of the same corpus; each scenario must deliver exactly its
alert emissions (by webhook-id), leave nothing pending, and dead-letter only the poison.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.corpus import corpus
from schemas import ArticleIn
from services.common.redis_server import LocalRedis
from tests.e2e.faults import (
    Fault,
    kill_at,
    poison_at,
    receiver_down,
    redis_restart,
    run_scenario,
)

pytestmark = [pytest.mark.e2e, pytest.mark.fault]
N_ARTICLES = 160
MID = N_ARTICLES // 20 // 3  # a burst a third of the way through


@pytest.fixture(scope="module")
def server() -> Iterator[LocalRedis]:
    """A Redis of this module's own with the append-only file on (one scenario kills it)."""
    with LocalRedis(appendonly=True) as redis_server:
        yield redis_server


@pytest.fixture(scope="module")
def articles() -> list[ArticleIn]:
    return corpus(N_ARTICLES)


@pytest.fixture(scope="module")
def expected(
    server: LocalRedis, articles: list[ArticleIn], tmp_path_factory: pytest.TempPathFactory
) -> set[str]:
    """The webhook ids a fault-free run delivers."""
    outcome, delivered = run_scenario(
        "oracle", server.url, articles, None, None, tmp_path_factory.mktemp("oracle")
    )
    assert outcome.pending == 0
    assert outcome.duplicates == 0
    assert len(delivered) > N_ARTICLES  # every corpus article states at least one new event
    return delivered


def check(
    name: str,
    fault: Fault,
    server: LocalRedis,
    articles: list[ArticleIn],
    expected: set[str],
    log_dir: Path,
    dead_letters: int = 0,
    duplicates_allowed: bool = False,
) -> None:
    outcome, _ = run_scenario(name, server.url, articles, fault, expected, log_dir)
    assert (outcome.missing, outcome.unexpected, outcome.pending) == (0, 0, 0), outcome
    assert outcome.dead_letters == dead_letters, outcome
    if not duplicates_allowed:
        assert outcome.duplicates == 0, outcome


@pytest.mark.parametrize("service", ["ingest", "extractor", "alerts"])
def test_sigkill_of_a_stage_loses_and_repeats_nothing(
    service: str, server: LocalRedis, articles: list[ArticleIn], expected: set[str], tmp_path: Path
) -> None:
    """Killing a stage mid-stream and starting it again delivers every alert once."""
    check(f"kill-{service}", kill_at(service, MID), server, articles, expected, tmp_path)


def test_sigkill_of_the_notifier_delivers_everything_at_least_once(
    server: LocalRedis, articles: list[ArticleIn], expected: set[str], tmp_path: Path
) -> None:
    """A notifier killed between send and settle re-sends with the same webhook-id: nothing is lost."""
    check(
        "kill-notifier",
        kill_at("notifier", MID),
        server,
        articles,
        expected,
        tmp_path,
        duplicates_allowed=True,
    )


def test_receiver_down_then_back_gets_everything(
    server: LocalRedis, articles: list[ArticleIn], expected: set[str], tmp_path: Path
) -> None:
    """A receiver answering 503 for a while gets every alert once it answers again."""
    check("receiver-down", receiver_down(MID, 2 * MID), server, articles, expected, tmp_path)


def test_poison_in_every_stream_is_dead_lettered_and_the_rest_flows(
    server: LocalRedis, articles: list[ArticleIn], expected: set[str], tmp_path: Path
) -> None:
    """Two bad entries written into each of the three streams land in its DLQ; all alerts arrive."""
    check("poison", poison_at(MID), server, articles, expected, tmp_path, dead_letters=6)


def test_redis_restart_mid_stream_recovers_by_itself(
    server: LocalRedis, articles: list[ArticleIn], expected: set[str], tmp_path: Path
) -> None:
    """Redis killed and restarted on its append-only file: services reconnect, nothing acknowledged is lost."""
    check(
        "redis-restart",
        redis_restart(server, MID),
        server,
        articles,
        expected,
        tmp_path,
        duplicates_allowed=True,
    )
