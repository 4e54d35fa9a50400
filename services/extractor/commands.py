"""Extractor commands: extract events from files, and score the extractor against a gold file."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from schemas import ArticleIn, Event, article_id_for
from services.common.seeds import MANIFEST, load_seed_articles
from services.extractor.evaluate import Report, score_folder, score_self_contained
from services.extractor.extract import extract_events

app = typer.Typer(
    help="Event extraction: read articles, print events, score against gold.", no_args_is_help=True
)


def _articles_of(path: Path, published: datetime | None) -> list[ArticleIn]:
    """The articles a file holds: itself with --published, else as its folder's manifest describes it."""
    if published is not None:
        text = path.read_text(encoding="utf-8")
        return [ArticleIn(title=path.stem, text=text, published_at=published, source=path.name)]
    if not (path.parent / MANIFEST).exists():
        raise typer.BadParameter(f"{path}: no --published given and no {MANIFEST} beside the file")
    articles = [
        a for a in load_seed_articles(path.parent) if Path(a.source or "").name == path.name
    ]
    if not articles:
        raise typer.BadParameter(f"{path} is not listed in {path.parent / MANIFEST}")
    return articles


def _events_of(article: ArticleIn) -> list[Event]:
    article_id = article_id_for(article.title, article.text)
    return extract_events(article.text, published_at=article.published_at, article_id=article_id)


@app.command()
def extract(
    files: Annotated[
        list[Path], typer.Argument(exists=True, dir_okay=False, help="Article text files.")
    ],
    published: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Publication date; default: from manifest.json."),
    ] = None,
) -> None:
    """Print the events of each file as JSON Lines."""
    when = published.replace(tzinfo=UTC) if published else None
    for path in files:
        for article in _articles_of(path, when):
            for event in _events_of(article):
                typer.echo(event.model_dump_json(exclude_none=True))


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="Gold events, JSON Lines.")
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            file_okay=False,
            help="Folder with the articles and manifest.json; leave out when each gold line carries its "
            "own article (id, published, text, events).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--errors", help="Also list missed and spurious events.")
    ] = False,
) -> None:
    """Print precision, recall and F1 per event type and micro-averaged."""
    lines = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if articles is None:
        try:
            report = score_self_contained(lines)
        except ValueError as error:
            raise typer.BadParameter(f"{gold}: {error}; or give --articles DIR") from error
    else:
        report = score_folder(lines, articles)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        _print_table(report)
    if show_errors:
        for doc, event in report.missed:
            typer.echo(f"missed   {doc}: {json.dumps(event)}")
        for doc, event in report.spurious:
            typer.echo(f"spurious {doc}: {json.dumps(event)}")


def _print_table(report: Report) -> None:
    table = Table(title="Extraction scores")
    for column in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*sorted(report.by_type.items()), ("micro", report.micro)]
    for name, counts in rows:
        table.add_row(
            name,
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
        )
    Console().print(table)


if __name__ == "__main__":
    app()
