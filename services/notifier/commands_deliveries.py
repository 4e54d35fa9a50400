"""`relwatch deliveries ID` (the attempt log), `deliveries dead`, `deliveries replay`."""

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from services.notifier.cli_client import Json, SubscriptionId, emit, run


class DeliveriesGroup(TyperGroup):
    """`relwatch deliveries ID` means `deliveries list ID`; `dead` and `replay` are commands."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's vendored click Context
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


deliveries_app = typer.Typer(
    cls=DeliveriesGroup,
    help="Deliveries: `deliveries ID` (a subscription's attempt log), `deliveries dead`, "
    "`deliveries replay`.",
)
Limit = Annotated[int, typer.Option(min=1, max=1000, help="At most this many deliveries.")]


def _outcome(attempt: dict[str, Any]) -> str:
    if attempt["status"] is not None:
        return str(attempt["status"])
    return f"{attempt['failure']}: {attempt['error']}"


@deliveries_app.command("list")
def list_deliveries(
    subscription_id: SubscriptionId, limit: Limit = 20, as_json: Json = False
) -> None:
    """A subscription's latest deliveries, newest first, one row per attempt."""
    path = f"/subscriptions/{subscription_id}/deliveries"
    found = run(lambda api: api.call("GET", path, params={"limit": limit}))
    if as_json:
        emit(found)
        return
    table = Table(title=f"Deliveries of {subscription_id} (newest first)")
    table.add_column("webhook-id", no_wrap=True)
    for column in ("state", "#", "at", "answer", "ms", "response"):
        table.add_column(column)
    for d in found:
        state = d["state"] + (f" ({d['dead_reason']})" if d["dead_reason"] else "")
        if not d["attempts"]:
            table.add_row(d["message_id"], state, "-", "not yet attempted", "", "", "")
        for n, a in enumerate(d["attempts"], start=1):
            first = n == 1
            table.add_row(
                d["message_id"] if first else "",
                state if first else "",
                str(n),
                a["at"][:23],
                _outcome(a),
                f"{a['ms']:.0f}",
                (a["response"] or "")[:40],
            )
    Console().print(table)


@deliveries_app.command("dead")
def list_dead(
    subscription: Annotated[str | None, typer.Option(help="Only this subscription's.")] = None,
    limit: Limit = 100,
    as_json: Json = False,
) -> None:
    """Dead deliveries (every attempt used, or endpoint disabled), oldest first."""
    params: dict[str, Any] = {"limit": limit}
    if subscription:
        params["subscription_id"] = subscription
    dead = run(lambda api: api.call("GET", "/deliveries/dead", params=params))
    if as_json:
        emit(dead)
        return
    table = Table(title=f"{len(dead)} dead deliveries")
    for column in ("dead id", "subscription", "webhook-id"):
        table.add_column(column, no_wrap=True)
    for column in ("reason", "attempts", "last answer"):
        table.add_column(column)
    for d in dead:
        attempts = d["delivery"]["attempts"]
        last = _outcome(attempts[-1]) if attempts else "-"
        table.add_row(
            d["dead_id"],
            d["delivery"]["subscription_id"],
            d["delivery"]["message_id"],
            d["reason"],
            str(len(attempts)),
            last[:60],
        )
    Console().print(table)


@deliveries_app.command("replay")
def replay(
    dead_ids: Annotated[
        list[str] | None, typer.Argument(help="Dead ids (deliveries dead).")
    ] = None,
    subscription: Annotated[
        str | None, typer.Option(help="Every dead delivery of this subscription.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Deliver dead deliveries again, with the same webhook-id and a fresh retry schedule."""
    if not dead_ids and not subscription:
        Console(stderr=True).print(
            "[red]Give dead ids (relwatch deliveries dead lists them) or --subscription ID.[/]"
        )
        raise typer.Exit(1)
    body = {"dead_ids": dead_ids or [], "subscription_id": subscription}
    result = run(lambda api: api.call("POST", "/deliveries/dead/replay", json=body))
    if as_json:
        emit(result)
        return
    out = Console()
    out.print(f"{len(result['replayed'])} dead deliveries replayed.")
    for dead_id, reason in result["skipped"].items():
        out.print(f"[yellow]Skipped[/] {dead_id}: {reason}")
