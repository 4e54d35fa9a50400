"""`relwatch subscribe | subscriptions | unsubscribe | enable | rotate-secret | deliveries ...`.

They talk to the notifier API (RELWATCH_API_URL, default http://localhost:8081, key from
RELWATCH_API_KEY); tables for people, `--json` for machines.
"""

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from schemas import ALERT_KINDS
from services.notifier.cli_client import Json, SubscriptionId, emit, run
from services.notifier.commands_deliveries import deliveries_app

app = typer.Typer(help="Webhook subscriptions and their deliveries.")
app.add_typer(deliveries_app, name="deliveries")


def _check_kinds(kinds: list[str]) -> list[str]:
    unknown = [k for k in kinds if k not in ALERT_KINDS]
    if unknown:
        raise typer.BadParameter(f"{', '.join(unknown)}: the kinds are {', '.join(ALERT_KINDS)}")
    return kinds


@app.command()
def subscribe(
    url: Annotated[str, typer.Argument(help="The HTTPS (or HTTP) endpoint to POST alerts to.")],
    kind: Annotated[
        list[str] | None, typer.Option(help="Only alerts of this kind (repeat for several).")
    ] = None,
    actor: Annotated[
        list[str] | None, typer.Option(help="Only alerts naming this actor (all of those given).")
    ] = None,
    any_actor: Annotated[
        list[str] | None, typer.Option(help="Only alerts naming at least one of these.")
    ] = None,
    min_confidence: Annotated[float, typer.Option(min=0, max=1)] = 0.0,
    corroborations: Annotated[bool, typer.Option(help="Also send alert.corroborated.")] = False,
    description: Annotated[str | None, typer.Option()] = None,
    as_json: Json = False,
) -> None:
    """Subscribe a webhook; prints its id and its signing secret (shown only now)."""
    body = {
        "url": url,
        "kinds": _check_kinds(kind or []),
        "actors_all": [a.upper() for a in actor or []],
        "actors_any": [a.upper() for a in any_actor or []],
        "min_confidence": min_confidence,
        "corroborations": corroborations,
        "description": description,
    }
    created = run(lambda api: api.call("POST", "/subscriptions", json=body))
    if as_json:
        emit(created)
        return
    out = Console()
    out.print(f"Subscribed [bold]{created['subscription_id']}[/] -> {created['url']}")
    out.print(f"Signing secret (store it now, it is not shown again): {created['secret']}")


def _filters(sub: dict[str, Any]) -> str:
    parts = [",".join(sub["kinds"]) or "any kind"]
    if sub["actors_all"]:
        parts.append("all of " + ",".join(sub["actors_all"]))
    if sub["actors_any"]:
        parts.append("any of " + ",".join(sub["actors_any"]))
    if sub["min_confidence"]:
        parts.append(f"conf>={sub['min_confidence']}")
    return "; ".join(parts)


@app.command()
def subscriptions(as_json: Json = False) -> None:
    """List subscriptions, with disabled endpoints and why."""
    subs = run(lambda api: api.call("GET", "/subscriptions"))
    if as_json:
        emit(subs)
        return
    table = Table(title=f"{len(subs)} subscriptions")
    table.add_column("id", no_wrap=True)
    for column in ("url", "filters", "state", "failing since"):
        table.add_column(column)
    for s in subs:
        state = f"[red]disabled[/]: {s['disabled_reason']}" if s["disabled_at"] else "enabled"
        table.add_row(s["subscription_id"], s["url"], _filters(s), state, s["failing_since"] or "")
    Console().print(table)


@app.command()
def unsubscribe(subscription_id: SubscriptionId) -> None:
    """Delete a subscription; its pending deliveries are dropped."""
    run(lambda api: api.call("DELETE", f"/subscriptions/{subscription_id}"))
    Console().print(f"Unsubscribed {subscription_id}.")


@app.command()
def enable(subscription_id: SubscriptionId, as_json: Json = False) -> None:
    """Re-enable a disabled endpoint (then replay its dead deliveries if you want them)."""
    sub = run(lambda api: api.call("POST", f"/subscriptions/{subscription_id}/enable"))
    if as_json:
        emit(sub)
        return
    Console().print(f"Enabled {subscription_id} -> {sub['url']}.")


@app.command("rotate-secret")
def rotate_secret(
    subscription_id: SubscriptionId,
    grace_hours: Annotated[
        float, typer.Option(help="The old secret keeps signing this long.")
    ] = 24,
    as_json: Json = False,
) -> None:
    """A new signing secret; the old one signs beside it for the grace period."""
    path = f"/subscriptions/{subscription_id}/rotate-secret"
    rotated = run(lambda api: api.call("POST", path, params={"grace_hours": grace_hours}))
    if as_json:
        emit(rotated)
        return
    Console().print(f"New signing secret of {subscription_id}: {rotated['secret']}")
    Console().print(f"The old secret keeps signing for {grace_hours:g} h.")
