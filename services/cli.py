"""The `relwatch` command line: demo, replay, and the operator's tools."""

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from redis.exceptions import RedisError
from rich.console import Console
from rich.progress import Progress

from services.common.redis_client import connect
from services.common.redis_server import RedisUnavailable
from services.common.seeds import ManifestError, load_seed_articles
from services.common.settings import CommonSettings
from services.ingest.settings import IngestSettings

app = typer.Typer(
    help="relwatch: alerts on what matters in relations between states.", no_args_is_help=True
)
console = Console(stderr=True)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@app.command()
def demo(
    seeds: Annotated[Path, typer.Option(help="Folder of documents with a manifest.json.")] = SEEDS,
    speed: Annotated[
        float | None, typer.Option(help="Compress real publication gaps by this factor.")
    ] = None,
    json_lines: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
    redis_url: Annotated[
        str | None, typer.Option(envvar="REDIS_URL", help="Use this Redis if it answers.")
    ] = None,
) -> None:
    """Run every service on a local Redis, replay the seeds, and print the alerts a webhook received."""
    from services.demo import run_demo, show

    try:
        received = run_demo(seeds, redis_url, speed, json_lines, console)
    except (RedisUnavailable, ManifestError) as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    show(received, json_lines, Console())


@app.command("replay")
def replay_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder of documents with a manifest.json.")],
    speed: Annotated[
        float | None,
        typer.Option(
            help="Compress the real gaps between publication dates by this factor (86400: a day a second). "
            "Default: as fast as possible."
        ),
    ] = None,
) -> None:
    """Publish a folder's articles onto the articles stream in publication order."""
    from services.ingest.replay import replay

    settings = IngestSettings()
    try:
        articles = load_seed_articles(folder)
    except ManifestError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc

    async def go() -> None:
        client = connect(settings)
        with Progress(console=console) as progress:
            task = progress.add_task(f"Replaying {folder}", total=len(articles))
            results = await replay(
                client,
                settings.streams,
                articles,
                speed=speed,
                maxlen=settings.stream_maxlen,
                seen_ttl_s=settings.seen_ttl_days * 86400,
                on_published=lambda a, r: progress.advance(task),
            )
        await client.aclose()
        fresh = sum(r.status == "accepted" for r in results)
        console.print(f"{fresh} articles published, {len(results) - fresh} already seen.")

    try:
        asyncio.run(go())
    except (OSError, RedisError) as exc:
        console.print(
            f"[red]Cannot reach Redis at {settings.redis_url}: {exc}. "
            "Set RELWATCH_REDIS_URL or start Redis.[/]"
        )
        raise typer.Exit(2) from exc


def main() -> None:
    app()


def _sync_client() -> tuple[Any, CommonSettings]:
    import redis

    from services.common.redis_client import connect_sync

    settings = CommonSettings()
    try:
        client = connect_sync(settings, socket_connect_timeout=3)
        client.ping()
    except (redis.RedisError, ValueError) as exc:
        console.print(
            f"[red]Cannot reach Redis at {settings.redis_url}: {exc}.[/] "
            "Set RELWATCH_REDIS_URL to the Redis relwatch uses."
        )
        raise typer.Exit(2) from exc
    return client, settings


@app.command()
def status(
    json_lines: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """Streams, consumer groups (lag, pending), dead letters and disabled endpoints at a glance."""
    import json
    from dataclasses import asdict

    from rich.table import Table

    from services.common.inspect import disabled_endpoints, stream_status

    client, settings = _sync_client()
    rows = stream_status(client, settings.streams)
    disabled = disabled_endpoints(client, settings.streams)
    due = int(client.zcard(settings.streams.key("deliveries", "due")))
    dead_deliveries = int(client.xlen(settings.streams.deliveries_dead))
    if json_lines:
        print(
            json.dumps(
                {
                    "streams": [asdict(r) for r in rows],
                    "deliveries_due": due,
                    "deliveries_dead": dead_deliveries,
                    "disabled_endpoints": disabled,
                }
            )
        )
        return
    table = Table(title=f"relwatch streams ({settings.redis_url}, prefix {settings.key_prefix})")
    for column in ("stream", "length", "group", "consumers", "pending", "lag", "dead letters"):
        table.add_column(column, justify="left" if column in ("stream", "group") else "right")
    for r in rows:
        table.add_row(
            r.stream,
            str(r.length),
            r.group or "-",
            str(r.consumers),
            str(r.pending),
            "-" if r.lag is None else str(r.lag),
            str(r.dead_letters),
        )
    out = Console()
    out.print(table)
    out.print(f"Deliveries due or retrying: {due}; dead deliveries: {dead_deliveries}")
    for sub in disabled:
        out.print(
            f"[yellow]Disabled endpoint[/] {sub['subscription_id']} {sub['url']}: "
            f"{sub.get('disabled_reason')} (since {sub['disabled_at']})"
        )


tail_app = typer.Typer(help="Follow a stream live.")
app.add_typer(tail_app, name="tail")


@tail_app.command("alerts")
def tail_alerts(json_lines: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print alerts as they are raised (Ctrl-C to stop)."""
    from schemas import AlertRaised
    from services.common.streams import decode

    client, settings = _sync_client()
    last = "$"
    out = Console()
    try:
        while True:
            for _, entries in (
                client.xread({settings.streams.alerts: last}, block=1000, count=100) or []
            ):
                for entry_id, fields in entries:
                    last = entry_id.decode()
                    alert = decode(fields, AlertRaised)
                    if json_lines:
                        print(alert.model_dump_json(exclude_none=True), flush=True)
                    else:
                        out.print(
                            f"{alert.raised_at:%Y-%m-%d %H:%M:%S} [bold]{alert.kind}[/] "
                            f"{alert.action} {alert.summary} (sources: {alert.source_count})"
                        )
    except KeyboardInterrupt:
        return


dlq_app = typer.Typer(help="Dead letters: entries a consumer could not process, with the reason.")
app.add_typer(dlq_app, name="dlq")
STREAM_HELP = "articles, events or alerts (or a full stream name)."


def _stream_name(settings: CommonSettings, name: str) -> str:
    return getattr(settings.streams, name) if name in ("articles", "events", "alerts") else name


@dlq_app.command("list")
def dlq_list(
    stream: Annotated[str, typer.Argument(help=STREAM_HELP)],
    count: Annotated[int, typer.Option(help="At most this many.")] = 100,
    json_lines: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show the dead letters of a stream."""
    from rich.table import Table

    from services.common.inspect import dead_letters

    client, settings = _sync_client()
    letters = dead_letters(client, settings.streams, _stream_name(settings, stream), count)
    if json_lines:
        for entry_id, letter in letters:
            print(json.dumps({"id": entry_id, **letter.model_dump(mode="json")}))
        return
    table = Table(title=f"Dead letters of {stream}")
    for column in ("id", "entry", "reason", "deliveries", "error", "dead at"):
        table.add_column(column)
    for entry_id, letter in letters:
        table.add_row(
            entry_id,
            letter.entry_id,
            letter.reason,
            str(letter.deliveries),
            letter.error[:80],
            f"{letter.dead_at:%Y-%m-%d %H:%M:%S}",
        )
    Console().print(table)


@dlq_app.command("replay")
def dlq_replay(
    stream: Annotated[str, typer.Argument(help=STREAM_HELP)],
    ids: Annotated[
        list[str] | None, typer.Option("--id", help="Only these dead-letter ids.")
    ] = None,
) -> None:
    """Put dead letters back on their stream (after fixing what failed them) and remove them."""
    from services.common.inspect import replay_dead_letters

    client, settings = _sync_client()
    n = replay_dead_letters(client, settings.streams, _stream_name(settings, stream), ids)
    console.print(f"{n} dead letters put back on {stream}.")


def _mount_component_commands() -> None:
    """The extractor's and the notifier's commands, at the top level (`relwatch extract`, `relwatch subscribe`...)."""
    from services.extractor.commands import app as extractor_app
    from services.notifier.commands import app as notifier_app

    app.add_typer(extractor_app)
    app.add_typer(notifier_app)


_mount_component_commands()
