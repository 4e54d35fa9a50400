"""Near-duplicate detection: copies resemble, different articles do not."""

from services.common.fingerprint import fingerprint, resemblance
from services.common.seeds import load_seed_articles
from tests.conftest import SEEDS


def test_archive_copy_resembles_its_standalone_page_and_nothing_else() -> None:
    """The archive's last post is a near copy of 004; no two other seed articles come close."""
    articles = load_seed_articles(SEEDS)
    sketches = {(a.source, a.title): fingerprint(a.text) for a in articles}
    page = sketches[("seeds/004_3bee816c1b249072.txt", articles[1].title)]
    copy = sketches[("seeds/002_5d636d802b44493d.txt", articles[1].title)]
    assert resemblance(page, copy) > 0.7
    others = [s for key, s in sketches.items() if s not in (page, copy)]
    assert max(resemblance(a, b) for a in others for b in others if a is not b) < 0.2


def test_empty_and_short_texts_have_sketches_that_do_not_crash() -> None:
    """Empty text has an empty sketch (resemblance 0); short text still gets one shingle."""
    assert fingerprint("") == []
    assert resemblance([], fingerprint("a b")) == 0.0
    assert len(fingerprint("only three words")) == 1


def test_texts_in_other_scripts_have_sketches() -> None:
    """Cyrillic and Chinese words count as words: a copy resembles, a different text does not."""
    russian = (
        "Президент России Владимир Путин встретился с председателем КНР Си Цзиньпином в Пекине"
    )
    assert len(fingerprint(russian)) > 5
    assert resemblance(fingerprint(russian), fingerprint(russian + " вчера")) > 0.8
    assert (
        resemblance(
            fingerprint(russian),
            fingerprint("中国 和 俄罗斯 的 领导人 在 北京 举行 会谈 讨论 贸易"),
        )
        == 0.0
    )
