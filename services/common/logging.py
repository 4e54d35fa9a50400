"""structlog set-up: JSON lines to stdout in services, a readable console on a terminal."""

import logging
import sys
from typing import Any

import structlog

_SECRET_KEYS = ("secret", "api_key", "authorization", "password", "token")


def _redact_secrets(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    for key in event:
        if any(part in key.lower() for part in _SECRET_KEYS):
            event[key] = "[redacted]"
    return event


def configure_logging(service: str, level: str = "INFO", json: bool | None = None) -> None:
    """Route structlog and the stdlib (FastStream, uvicorn) through one renderer."""
    if json is None:
        json = not sys.stdout.isatty()
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _redact_secrets,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if json
        else structlog.dev.ConsoleRenderer(colors=sys.stdout.isatty())
    )
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                _add_service(service),
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        # uvicorn installs its own plain-text handlers before it imports the app: route them here
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").addFilter(_skip_probes)
    # FastStream's per-message and lifecycle lines are noise at INFO; its errors still show
    framework_level = "DEBUG" if level.upper() == "DEBUG" else "WARNING"
    logging.getLogger("relwatch.faststream").setLevel(framework_level)


def _skip_probes(record: logging.LogRecord) -> bool:
    """Health probes and metric scrapes every few seconds would drown the access log."""
    args = record.args if isinstance(record.args, tuple) else ()
    path = str(args[2]) if len(args) > 2 else ""
    return not path.startswith(("/health", "/metrics"))


def _add_service(service: str) -> Any:
    def add(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
        event.setdefault("service", service)
        return event

    return add
