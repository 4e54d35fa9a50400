"""The seed corpus: a folder of documents and a manifest of their dates; archive pages split into posts."""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schemas import ArticleIn

MANIFEST = "manifest.json"
_FILED_UNDER = re.compile(r"^Filed under\b.*$", re.MULTILINE)
_TRAILER = re.compile(r"(?:\n\s*(?:Leave a comment|\d+ (?:Comments?|responses?\b.*))\s*)+\s*$")


@dataclass(frozen=True)
class Post:
    title: str
    text: str
    start: int  # offset of `text` in the document


class ManifestError(ValueError):
    """The manifest is missing, unreadable, or does not match the documents."""


def split_archive(document: str, titles: list[str] | None = None) -> list[Post]:
    """Split a blog archive page into posts: each starts at its title line, ends before "Filed under".

    With `titles` (from the manifest) a post starts at the line equal to its title;
    without, at the first non-empty line after the previous post's "Filed under".
    """
    posts: list[Post] = []
    cursor = 0
    for end_match in _FILED_UNDER.finditer(document):
        chunk = document[cursor : end_match.start()]
        title, body_start = _find_title(chunk, titles[len(posts)] if titles else None)
        body = chunk[body_start:]
        trailer = _TRAILER.search(body)
        body = body[: trailer.start()] if trailer else body
        stripped = body.strip()
        offset = cursor + body_start + body.find(stripped)
        posts.append(Post(title=title, text=stripped, start=offset))
        cursor = end_match.end()
    if titles is not None and len(posts) != len(titles):
        raise ManifestError(f"archive has {len(posts)} posts, manifest lists {len(titles)}")
    return posts


def _find_title(chunk: str, title: str | None) -> tuple[str, int]:
    if title is not None:
        words = r"\s+".join(re.escape(w) for w in title.split())  # pages use non-breaking spaces
        match = re.search(rf"^[^\S\n]*{words}[^\S\n]*$", chunk, re.MULTILINE)
        if match is None:
            raise ManifestError(f"post title not found in the archive: {title!r}")
        return title, match.end()
    for match in re.finditer(r"^[^\S\n]*(\S[^\n]*)$", chunk, re.MULTILINE):
        if not match.group(1).startswith("Category Archives"):
            return match.group(1).strip(), match.end()
    return "", 0


def load_seed_articles(folder: Path) -> list[ArticleIn]:
    """Every article of the folder, archive posts split, in publication order (oldest first).

    On the same date a standalone page comes before an archive post: an archive page
    republishes posts that also stand on their own pages.
    """
    manifest_path = folder / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ManifestError(
            f"{manifest_path} not found: the folder needs a manifest of dates"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{manifest_path} is not valid JSON: {exc}") from exc
    articles: list[tuple[ArticleIn, bool]] = []
    for doc in manifest["documents"]:
        text = (folder / doc["file"]).read_text(encoding="utf-8")
        if doc.get("kind") == "archive":
            titles = [p["title"] for p in doc["posts"]]
            for post, meta in zip(split_archive(text, titles), doc["posts"], strict=True):
                article = _article(post.title, post.text, meta["published"], doc["file"])
                articles.append((article, True))
        else:
            articles.append((_article(doc["title"], text, doc["published"], doc["file"]), False))
    articles.sort(key=lambda pair: (pair[0].published_at, pair[1]))
    return [article for article, _ in articles]


def _article(title: str, text: str, published: str, file: str) -> ArticleIn:
    return ArticleIn(
        title=title, text=text, published_at=date.fromisoformat(published), source=f"seeds/{file}"
    )
