"""Run the four services as processes on this machine: the demo, the e2e tests and the benchmarks.

`SERVICE_COMMANDS` are the commands docker-compose.yml runs (a test checks they agree);
locally each service gets its own port instead of the container's 8000.
"""

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from schemas import Streams
from services.common.redis_server import free_port

CONTAINER_PORT = 8000
SERVICE_COMMANDS: dict[str, list[str]] = {
    name: ["uvicorn", f"services.{name}.app:app", "--host", "0.0.0.0", "--port", "8000"]
    for name in ("ingest", "extractor", "alerts", "notifier")
}
GROUPS = {"extractor": "articles", "alerts": "events", "notifier": "alerts"}


def local_command(service: str, port: int) -> list[str]:
    """The compose command of `service`, run from this interpreter's environment, on loopback."""
    cmd = list(SERVICE_COMMANDS[service])
    cmd[cmd.index("--host") + 1] = "127.0.0.1"
    cmd[cmd.index("--port") + 1] = str(port)
    bin_dir = Path(sys.executable).parent
    cmd[0] = str(bin_dir / cmd[0]) if (bin_dir / cmd[0]).exists() else cmd[0]
    return cmd


@dataclass
class ServiceProcess:
    name: str  # the instance: "extractor", or "extractor-2" for a second replica
    port: int
    env: dict[str, str]
    log_path: Path
    service: str = ""  # which service's command runs; the name when empty
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            local_command(self.service or self.name, self.port),
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self, sig_kill: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            if sig_kill:
                self.process.kill()
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


@dataclass
class Stack:
    """The four services on one Redis, each with its own port and log file."""

    redis_url: str
    log_dir: Path
    api_key: str
    key_prefix: str = "relwatch"
    extra_env: Mapping[str, str] = field(default_factory=dict)
    services: dict[str, ServiceProcess] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "RELWATCH_REDIS_URL": self.redis_url,
            "RELWATCH_API_KEY": self.api_key,
            "RELWATCH_KEY_PREFIX": self.key_prefix,
            "RELWATCH_LOG_JSON": "true",
            "RELWATCH_ALLOW_HOSTS": '["127.0.0.0/8", "::1/128"]',
            **self.extra_env,
        }

    def start(self, names: list[str] | None = None, timeout: float = 30.0) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in names or list(SERVICE_COMMANDS):
            # a stable consumer name per service, as a container's hostname gives under compose,
            # so a restarted service first redoes what it left pending
            env = {"RELWATCH_CONSUMER_NAME": f"{name}-local", **self.env()}
            svc = self.services.get(name) or ServiceProcess(
                name, free_port(), env, self.log_dir / f"{name}.log"
            )
            self.services[name] = svc
            svc.start()
        self.wait_healthy(names or list(SERVICE_COMMANDS), timeout)

    def wait_healthy(self, names: list[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for name in names:
            svc = self.services[name]
            while True:
                if not svc.alive():
                    raise RuntimeError(
                        f"{name} exited at start; see {svc.log_path}:\n{tail(svc.log_path)}"
                    )
                try:
                    if httpx.get(f"{svc.url}/health/ready", timeout=1).status_code < 300:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} not healthy after {timeout}s; see {svc.log_path}")
                time.sleep(0.1)

    def add_replica(self, service: str, timeout: float = 30.0) -> ServiceProcess:
        """Start one more process of `service` in the same consumer group (scale out)."""
        n = sum(1 for s in self.services.values() if (s.service or s.name) == service) + 1
        name = f"{service}-{n}"
        env = {**self.env(), "RELWATCH_CONSUMER_NAME": f"{name}-local"}
        replica = ServiceProcess(
            name, free_port(), env, self.log_dir / f"{name}.log", service=service
        )
        self.services[name] = replica
        replica.start()
        self.wait_healthy([name], timeout)
        return replica

    def stop(self, names: list[str] | None = None, sig_kill: bool = False) -> None:
        for name in names or list(self.services):
            self.services[name].stop(sig_kill=sig_kill)

    def restart(self, name: str, sig_kill: bool = True, timeout: float = 30.0) -> None:
        self.services[name].stop(sig_kill=sig_kill)
        self.start([name], timeout)


def tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def pipeline_idle(client: Any, streams: Streams) -> bool:
    """True when every group has read its whole stream, nothing is pending and no delivery is due."""
    for service, stream_name in GROUPS.items():
        stream = getattr(streams, stream_name)
        if not client.exists(stream):
            continue
        last = client.xinfo_stream(stream)["last-generated-id"]
        groups = {g["name"].decode(): g for g in client.xinfo_groups(stream)}
        group = groups.get(service)
        if group is None or group["pending"] or group["last-delivered-id"] != last:
            return False
    return not client.zcard(streams.key("deliveries", "due"))


def wait_idle(client: Any, streams: Streams, timeout: float = 60.0, settle: float = 0.5) -> bool:
    """Wait until the pipeline has been idle for `settle` seconds; False on timeout."""
    deadline = time.monotonic() + timeout
    idle_since: float | None = None
    while time.monotonic() < deadline:
        if pipeline_idle(client, streams):
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= settle:
                return True
        else:
            idle_since = None
        time.sleep(0.05)
    return False
