"""The extractor on arbitrary text (hypothesis): it never crashes and its evidence offsets hold."""

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.extractor.extract import extract_events
from services.extractor.extract.text import MAX_SENTENCE, normalise, sentences

PUBLISHED = datetime(2022, 2, 5, tzinfo=UTC)
NEWSY = st.sampled_from(
    [
        "China",
        "Russia",
        "Xi Jinping",
        "Putin",
        "met",
        "will meet",
        "in Beijing",
        "on Friday",
        "$250 billion",
        "US$200bn",
        "by 2024",
        "trade",
        "sanctions",
        "signed",
        "agreement",
        "did not",
        "if",
        "would",
        "joint statement",
        "exercise",
        "rose 7.7%",
        "G20",
        "G7",
        "Sino-Russian",
        "MEXICO CITY (Reuters) -",
        "sat down with",
        "signed off on",
        "tariffs he had threatened to slap on",
        "witnessed the signing of",
        "pledged to double trade by 2030",
        "the same day",
        "agreed in Hanoi",
        ".",
        ",",
        "\n",
    ]
)


def check(text: str) -> None:
    for event in extract_events(text, published_at=PUBLISHED, article_id="art_prop"):
        evidence = event.evidence
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text: str) -> None:
    """Empty, control characters, other scripts, surrogates-free unicode: no crash, valid offsets."""
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, max_size=60).map(" ".join))
def test_news_words_in_any_order(text: str) -> None:
    """Trigger words, names, money and dates in random order: no crash, valid offsets."""
    check(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1000, max_size=20000))
def test_binaryish_text(raw: bytes) -> None:
    """Bytes decoded leniently (what a bad upstream might send): no crash."""
    check(raw.decode("latin-1"))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, min_size=200, max_size=2000).map(" ".join))
def test_sentences_are_bounded(text: str) -> None:
    """A run-on text is cut into sentences of bounded length, which keeps every reader's work per sentence
    bounded and the whole extraction linear in the text (measured: `python -m bench.bench_scaling`)."""
    spans = sentences(normalise(text))
    assert all(s.end - s.start <= MAX_SENTENCE for s in spans)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert (
        len(covered.split()) >= len(text.replace("\n", " ").split()) * 0.9
    )  # nothing much is dropped
