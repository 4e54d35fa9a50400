"""The command line's way to the notifier API, with errors that say what to do."""

import json
import os
from collections.abc import Callable
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console

DEFAULT_API_URL = "http://localhost:8081"
Json = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]
SubscriptionId = Annotated[str, typer.Argument(help="A subscription id (sub_...).")]


class CliError(Exception):
    """Raised when the API cannot answer a command; the message says what to do, `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail", response.text)
    except ValueError:
        return response.text[:300]
    if isinstance(detail, list):
        return "; ".join(
            f"{'.'.join(str(p) for p in d.get('loc', [])[1:]) or 'body'}: {d.get('msg')}"
            for d in detail
        )
    return str(detail)


class ApiClient:
    """Blocking calls to the notifier API at RELWATCH_API_URL with the key in RELWATCH_API_KEY."""

    def __init__(self, base_url: str | None = None, api_key: str | None = None) -> None:
        self.base_url = (base_url or os.environ.get("RELWATCH_API_URL") or DEFAULT_API_URL).rstrip(
            "/"
        )
        self.api_key = api_key if api_key is not None else os.environ.get("RELWATCH_API_KEY", "")

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON answer of one call (None for 204); raises CliError on any failure."""
        if not self.api_key:
            raise CliError(
                "RELWATCH_API_KEY is not set: set it to the API key the notifier runs with.", 2
            )
        try:
            response = httpx.request(
                method,
                f"{self.base_url}{path}",
                headers={"Authorization": f"Bearer {self.api_key}"},
                timeout=10,
                **kwargs,
            )
        except httpx.HTTPError as exc:
            raise CliError(
                f"Cannot reach the notifier API at {self.base_url} ({type(exc).__name__}). "
                "Start the notifier (relwatch demo, or docker compose up) or set RELWATCH_API_URL.",
                2,
            ) from exc
        if response.status_code == 401:
            raise CliError(
                f"The notifier at {self.base_url} refused the API key (401). "
                "Set RELWATCH_API_KEY to the key the notifier runs with.",
                2,
            )
        if response.status_code == 404:
            raise CliError(f"{_detail(response)} (relwatch subscriptions lists them).")
        if response.status_code >= 400:
            raise CliError(f"The notifier refused: {_detail(response)} ({response.status_code}).")
        return None if response.status_code == 204 else response.json()


def run(action: Callable[[ApiClient], Any]) -> Any:
    """Call the API; on failure print what to do and exit with the error's status."""
    try:
        return action(ApiClient())
    except CliError as exc:
        Console(stderr=True).print(f"[red]{exc}[/]")
        raise typer.Exit(exc.code) from exc


def emit(data: Any) -> None:
    """Machine output: the API's JSON as it came."""
    print(json.dumps(data, indent=2, ensure_ascii=False))
