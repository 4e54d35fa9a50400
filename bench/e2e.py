"""End-to-end benchmarks: the four services as processes on a real Redis, a local webhook receiver.

- throughput: post N articles as fast as ingest takes them (batches of 100), time until the
  last alert is delivered and the pipeline is idle;
- latency: one article every 1/rate seconds, time from the POST to each webhook receipt;
- RSS of every service and of Redis, sampled during the run.
"""

import os
import secrets
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import redis

from schemas import ArticleIn, Streams
from services.receiver import WebhookReceiver
from services.stack import Stack, wait_idle


@dataclass
class Pipeline:
    """A stack, a subscribed receiver, and the Redis they share, under a fresh key prefix."""

    redis_url: str
    log_dir: Path
    extractors: int = 1
    cluster: bool = False  # redis_url names a node of a Redis Cluster
    stack: Stack = field(init=False)
    receiver: WebhookReceiver = field(init=False)
    client: "redis.Redis[bytes]" = field(init=False)

    def __enter__(self) -> "Pipeline":
        tag = f"bench{secrets.token_hex(3)}"
        self.streams = Streams(prefix=f"{{{tag}}}" if self.cluster else tag)
        env = {"RELWATCH_LOG_LEVEL": "WARNING"}
        if self.cluster:
            env["RELWATCH_REDIS_CLUSTER"] = "true"
        self.stack = Stack(
            self.redis_url,
            self.log_dir / tag,
            api_key=secrets.token_urlsafe(12),
            key_prefix=self.streams.prefix,
            extra_env=env,
        )
        self.receiver = WebhookReceiver().start()
        self.stack.start()
        for _ in range(self.extractors - 1):
            self.stack.add_replica("extractor")
        httpx.post(
            f"{self.stack.services['notifier'].url}/subscriptions",
            json={"url": self.receiver.url},
            headers={"Authorization": f"Bearer {self.stack.api_key}"},
            timeout=10,
        ).raise_for_status()
        self.client = (redis.RedisCluster if self.cluster else redis.Redis).from_url(self.redis_url)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.stop()
        self.receiver.stop()
        self.client.close()

    @property
    def ingest(self) -> str:
        return self.stack.services["ingest"].url

    def rss_mb(self) -> dict[str, float]:
        """Resident memory of each service process and of Redis, in MB."""
        sizes = {
            name: _rss_mb(svc.process.pid)
            for name, svc in self.stack.services.items()
            if svc.process is not None
        }
        if not self.cluster:
            sizes["redis"] = int(self.client.info("memory")["used_memory_rss"]) / 1e6
        return sizes

    def cpu_s(self) -> dict[str, float]:
        """CPU seconds each service process has used so far."""
        return {
            name: _cpu_s(svc.process.pid)
            for name, svc in self.stack.services.items()
            if svc.process is not None
        }


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _sample_rss(run: "Pipeline", samples: list[dict[str, float]], done: threading.Event) -> None:
    """RSS of every service and of Redis every half second until the run is over."""
    while not done.wait(0.5):
        samples.append(run.rss_mb())


def throughput(
    redis_url: str, articles: list[ArticleIn], extractors: int = 1, cluster: bool = False
) -> dict[str, object]:
    """Articles per second from the first POST until every alert is delivered."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        Pipeline(redis_url, Path(tmp), extractors, cluster) as run,
    ):
        samples: list[dict[str, float]] = []
        done = threading.Event()
        sampler = threading.Thread(target=_sample_rss, args=(run, samples, done), daemon=True)
        cpu_before = run.cpu_s()
        started = time.perf_counter()
        start_wall = time.time()
        sampler.start()
        for i in range(0, len(articles), 100):
            body = "[" + ",".join(a.model_dump_json() for a in articles[i : i + 100]) + "]"
            httpx.post(
                f"{run.ingest}/articles/batch",
                content=body,
                headers={"content-type": "application/json"},
                timeout=60,
            ).raise_for_status()
        ingested_s = time.perf_counter() - started
        assert wait_idle(run.client, run.streams, timeout=600, settle=0.5), (
            "pipeline did not settle"
        )
        last = max(r.at for r in run.receiver.received)
        done.set()
        sampler.join()
        samples.append(run.rss_mb())
        cpu = {k: round(v - cpu_before.get(k, 0.0), 2) for k, v in run.cpu_s().items()}
        elapsed = last - start_wall
        return {
            "articles": len(articles),
            "alerts": len(run.receiver.received),
            "extractors": extractors,
            "ingest_articles_per_s": len(articles) / ingested_s,
            "articles_per_s": len(articles) / elapsed,
            "seconds": elapsed,
            "rss_mb_samples": samples,
            "cpu_s": cpu,
        }


def latency(redis_url: str, articles: list[ArticleIn], rate: float) -> dict[str, float]:
    """Milliseconds from POST /articles to webhook receipt, at a steady `rate` articles per second."""
    with tempfile.TemporaryDirectory() as tmp, Pipeline(redis_url, Path(tmp)) as run:
        posted: dict[str, float] = {}
        with httpx.Client(timeout=10) as http:
            next_at = time.perf_counter()
            for article in articles:
                time.sleep(max(0.0, next_at - time.perf_counter()))
                sent = time.time()
                response = http.post(
                    f"{run.ingest}/articles",
                    content=article.model_dump_json(),
                    headers={"content-type": "application/json"},
                )
                posted[response.json()["article_id"]] = sent
                next_at += 1 / rate
        assert wait_idle(run.client, run.streams, timeout=120), "pipeline did not settle"
        ms = sorted(
            (r.at - posted[r.payload["data"]["sources"][0]["article_id"]]) * 1000
            for r in run.receiver.received
            if r.payload["data"]["sources"][0]["article_id"] in posted
        )
        q = statistics.quantiles(ms, n=100)
        return {"alerts": len(ms), "p50": q[49], "p95": q[94], "p99": q[98], "max": ms[-1]}


def memory_is_flat(samples: list[dict[str, float]], tolerance: float = 1.15) -> bool:
    """True when no service grew by more than `tolerance` over the second half of the run
    (the first half is warm-up: imports, connection pools, caches reaching their size)."""
    half, last = samples[len(samples) // 2], samples[-1]
    return all(last[k] <= tolerance * half[k] for k in half if k != "redis")
