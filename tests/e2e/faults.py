"""Fault scenarios on real processes: a corpus posted over HTTP while something breaks.

Each scenario runs the four services on its own Redis key prefix, posts the corpus to
ingest (retrying while ingest is down, as any client would), breaks one thing part-way,
waits for the pipeline to settle and reports what the webhook receiver got. The oracle
is a fault-free run of the same corpus: the same alert emissions (webhook ids) must arrive.

`python -m tests.e2e.faults` runs every scenario and prints the table of docs/RELIABILITY.md.
"""

import argparse
import json
import secrets
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
import redis

from bench.corpus import corpus
from schemas import ArticleIn, Streams
from services.common.redis_server import LocalRedis
from services.receiver import WebhookReceiver
from services.stack import Stack, wait_idle

FAST_RECOVERY = {
    "RELWATCH_CLAIM_IDLE_MS": "1500",
    "RELWATCH_POLLING_MS": "200",
    "RELWATCH_LEASE_S": "3",
    "RELWATCH_RETRY_SCHEDULE_S": "[0, 0.5, 1, 2, 3, 3, 3, 3, 3, 3]",
    "RELWATCH_RETRY_JITTER": "0",
    "RELWATCH_REQUEST_TIMEOUT_S": "2",
}


@dataclass
class Outcome:
    scenario: str
    articles: int
    alerts_expected: int
    alerts_delivered: int
    missing: int
    unexpected: int
    duplicates: int
    dead_letters: int
    pending: int
    recovered: int


@dataclass
class Run:
    stack: Stack
    receiver: WebhookReceiver
    streams: Streams
    client: "redis.Redis[bytes]"

    def post(self, articles: list[ArticleIn], timeout: float = 60) -> None:
        """POST a burst like a client that retries until every article is accepted (or known)."""
        body = "[" + ",".join(a.model_dump_json() for a in articles) + "]"
        deadline = time.monotonic() + timeout
        while True:
            try:
                response = httpx.post(
                    f"{self.stack.services['ingest'].url}/articles/batch",
                    content=body,
                    headers={"content-type": "application/json"},
                    timeout=10,
                )
                if response.status_code == 202:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("ingest did not accept the articles in time")
            time.sleep(0.1)

    def recovered(self) -> int:
        """Entries redone after a failure (own pending or reclaimed), and deliveries retried."""
        total = 0
        for svc in self.stack.services.values():
            for line in svc.log_path.read_text(errors="replace").splitlines():
                if '"own_pending_recovered"' in line:
                    total += int(json.loads(line)["n"])
                elif '"reclaimed": true' in line:
                    entry = json.loads(line)
                    total += int(
                        entry.get("n_articles")
                        or entry.get("n_messages")
                        or entry.get("n_alerts")
                        or 0
                    )
                elif '"delivery_attempted"' in line and json.loads(line).get("attempt", 1) > 1:
                    total += 1
        return total

    def dead_letters(self) -> int:
        dlqs = [self.streams.dead_letter(s) for s in self.streams.consumed]
        return sum(int(self.client.xlen(s)) for s in [*dlqs, self.streams.deliveries_dead])

    def pending(self) -> int:
        total = 0
        for stream in self.streams.consumed:
            if self.client.exists(stream):
                total += sum(int(g["pending"]) for g in self.client.xinfo_groups(stream))
        return total


BURST = 20
Fault = Callable[[Run, int], None]  # called after each posted burst with its index


def run_scenario(
    name: str,
    redis_url: str,
    articles: list[ArticleIn],
    fault: Fault | None,
    expected: set[str] | None,
    log_dir: Path,
    restart_redis: Callable[[], None] | None = None,
) -> tuple[Outcome, set[str]]:
    """Post the corpus through the stack while `fault` breaks something; report what arrived."""
    streams = Streams(prefix=f"{name.replace(' ', '-')}-{secrets.token_hex(3)}")
    stack = Stack(
        redis_url,
        log_dir / streams.prefix,
        api_key=secrets.token_urlsafe(12),
        key_prefix=streams.prefix,
        extra_env=FAST_RECOVERY,
    )
    client: redis.Redis[bytes] = redis.Redis.from_url(redis_url)
    with WebhookReceiver() as receiver:
        stack.start()
        try:
            run = Run(stack, receiver, streams, client)
            created = httpx.post(
                f"{stack.services['notifier'].url}/subscriptions",
                json={"url": receiver.url},
                headers={"Authorization": f"Bearer {stack.api_key}"},
                timeout=10,
            )
            created.raise_for_status()
            receiver.secret = created.json()["secret"]
            for i in range(0, len(articles), BURST):
                run.post(articles[i : i + BURST])
                if fault is not None:
                    fault(run, i // BURST)
            settled = wait_idle(client, streams, timeout=120, settle=2.0)
            got = Counter(r.webhook_id for r in receiver.received)
            delivered = set(got)
            want = expected if expected is not None else delivered
            outcome = Outcome(
                scenario=name,
                articles=len(articles),
                alerts_expected=len(want),
                alerts_delivered=len(delivered & want),
                missing=len(want - delivered),
                unexpected=len(delivered - want),
                duplicates=sum(n - 1 for n in got.values()),
                dead_letters=run.dead_letters(),
                pending=run.pending() if settled else -1,
                recovered=run.recovered(),
            )
            return outcome, delivered
        finally:
            stack.stop()
            client.close()


def kill_at(service: str, when: int) -> Fault:
    """SIGKILL `service` right after burst `when` is posted, then start it again."""

    def fault(run: Run, i: int) -> None:
        if i == when:
            run.stack.restart(service, sig_kill=True)

    return fault


def receiver_down(start: int, stop: int) -> Fault:
    """The webhook receiver answers 503 from burst `start` to burst `stop`."""

    def fault(run: Run, i: int) -> None:
        if i == start:
            run.receiver.respond = lambda request, n: 503
        if i == stop:
            run.receiver.respond = lambda request, n: 200

    return fault


def poison_at(when: int) -> Fault:
    """Write garbage straight into every stream after burst `when`."""

    def fault(run: Run, i: int) -> None:
        if i == when:
            for stream in run.streams.consumed:
                run.client.xadd(stream, {"__data__": b"\x00not json"})
                run.client.xadd(stream, {"__data__": b'{"valid_json": "wrong shape"}'})

    return fault


def redis_restart(server: LocalRedis, when: int) -> Fault:
    """SIGKILL Redis (append-only file on) after burst `when`, start it again on the same data."""

    def fault(run: Run, i: int) -> None:
        if i == when:
            server.kill()
            time.sleep(0.5)
            server.start()

    return fault


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    articles = corpus(args.articles)
    mid = args.articles // BURST // 3
    with tempfile.TemporaryDirectory() as tmp, LocalRedis(appendonly=True) as server:
        logs = Path(tmp)
        clean, expected = run_scenario("no fault", server.url, articles, None, None, logs)
        rows = [clean]
        for service in ("ingest", "extractor", "alerts", "notifier"):
            rows.append(
                run_scenario(
                    f"SIGKILL {service}",
                    server.url,
                    articles,
                    kill_at(service, mid),
                    expected,
                    logs,
                )[0]
            )
        rows.append(
            run_scenario(
                "receiver down (503)",
                server.url,
                articles,
                receiver_down(mid, 2 * mid),
                expected,
                logs,
            )[0]
        )
        rows.append(
            run_scenario(
                "poison in every stream", server.url, articles, poison_at(mid), expected, logs
            )[0]
        )
        rows.append(
            run_scenario(
                "Redis SIGKILL + restart (AOF)",
                server.url,
                articles,
                redis_restart(server, mid),
                expected,
                logs,
            )[0]
        )
    keys = list(asdict(rows[0]))
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(v) for v in asdict(row).values()) + " |")


if __name__ == "__main__":
    main()
