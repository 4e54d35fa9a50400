"""The seed corpus: the manifest's dates, and the archive page split into its posts."""

import json

import pytest

from services.common.seeds import ManifestError, load_seed_articles, split_archive
from tests.conftest import GOLD, SEEDS

ARCHIVE = """Category Archives: Things

First Post Title

Body of the first post.

Leave a comment

Filed under Things

Second Post

Body two, line one.
Line two.

3 Comments

Filed under Things, Other
"""


def test_archive_splits_at_filed_under_and_drops_the_comment_trailer() -> None:
    """Each post runs from its title line to before its 'Filed under' line, minus comment counts."""
    first, second = split_archive(ARCHIVE)
    assert (first.title, first.text) == ("First Post Title", "Body of the first post.")
    assert (second.title, second.text) == ("Second Post", "Body two, line one.\nLine two.")
    assert ARCHIVE[second.start : second.start + len(second.text)] == second.text


def test_archive_titles_from_the_manifest_must_be_found() -> None:
    """A title the page does not hold is a manifest error that names it."""
    with pytest.raises(ManifestError, match="Missing Title"):
        split_archive(ARCHIVE, ["First Post Title", "Missing Title"])


def test_seed_articles_match_the_gold_posts_and_dates() -> None:
    """The seeds give one article per gold line (posts split), each with the gold date."""
    articles = load_seed_articles(SEEDS)
    gold = [json.loads(line) for line in GOLD.read_text().splitlines()]
    expected = sorted((g["published"], g.get("post", "")) for g in gold)
    got = sorted(
        (a.published_at.date().isoformat(), a.title if "002_" in (a.source or "") else "")
        for a in articles
    )
    assert got == expected
    assert [a.published_at for a in articles] == sorted(a.published_at for a in articles)


def test_standalone_page_comes_before_its_archive_copy() -> None:
    """On the same date the standalone page is replayed first, the archive copy after it."""
    articles = load_seed_articles(SEEDS)
    same_day = [a.source for a in articles if a.published_at.date().isoformat() == "2022-02-05"]
    assert same_day == ["seeds/004_3bee816c1b249072.txt", "seeds/002_5d636d802b44493d.txt"]


def test_missing_manifest_says_what_is_needed(tmp_path: object) -> None:
    """A folder without manifest.json fails with a message naming the file."""
    with pytest.raises(ManifestError, match="manifest"):
        load_seed_articles(tmp_path)  # type: ignore[arg-type]
