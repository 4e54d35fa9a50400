"""`make bench` / `make bench-quick`: every benchmark, figures printed and merged into bench/results.json.

Run on a quiet machine: the figures are wall-clock throughputs and latencies.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.corpus import corpus
from bench.e2e import latency, memory_is_flat, throughput
from bench.relay import relay
from services.common.redis_server import LocalRedis, LocalRedisCluster

RESULTS = Path(__file__).resolve().parent / "results.json"
SIZES = {
    "full": {"articles": 3000, "latency_articles": 600, "relay": 30_000},
    "quick": {"articles": 400, "latency_articles": 150, "relay": 10_000},
}


def merge(update: dict[str, Any]) -> dict[str, Any]:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results.update(update)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, under a minute")
    args = parser.parse_args()
    size = SIZES["quick" if args.quick else "full"]
    print("extraction (one core, in process)...", flush=True)
    extraction = subprocess.run(
        [sys.executable, "-m", "bench.bench_extract", *(["--quick"] if args.quick else [])],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(extraction, end="", flush=True)
    extract = json.loads(extraction.strip().splitlines()[-1])
    with LocalRedis() as server:
        print(f"end to end, {size['articles']} articles, 1 extractor...", flush=True)
        one = throughput(server.url, corpus(size["articles"]))
        print(f"end to end, {size['articles']} articles, 2 extractors...", flush=True)
        two = throughput(server.url, corpus(size["articles"], seed=11), extractors=2)
        print(f"latency at 20 articles/s, {size['latency_articles']} articles...", flush=True)
        lat = latency(server.url, corpus(size["latency_articles"], seed=13), rate=20)
        print(f"raw relay, three hops, {size['relay']} messages...", flush=True)
        raw = relay(server.url, size["relay"])
    with LocalRedisCluster(size=3) as cluster:
        print(
            f"end to end on a 3-master Redis Cluster, {size['articles']} articles, 1 and 2 extractors...",
            flush=True,
        )
        c1 = throughput(cluster.url, corpus(size["articles"], seed=17), cluster=True)
        c2 = throughput(cluster.url, corpus(size["articles"], seed=19), extractors=2, cluster=True)
    results = merge(
        {
            **{k: v for k, v in extract.items() if k.startswith("extract_")},
            "e2e_articles_per_s": round(one["articles_per_s"], 1),
            "e2e_alerts": one["alerts"],
            "e2e_articles": one["articles"],
            "ingest_articles_per_s": round(one["ingest_articles_per_s"], 1),
            "e2e_latency_ms": {k: round(v, 1) for k, v in lat.items()},
            "raw_relay_msgs_per_s": round(raw, 1),
            "e2e_vs_raw_ratio": round(one["articles_per_s"] / raw, 4),
            "scale_out_articles_per_s": {
                "extractor_x1": round(one["articles_per_s"], 1),
                "extractor_x2": round(two["articles_per_s"], 1),
            },
            "cluster_articles_per_s": {
                "extractor_x1": round(c1["articles_per_s"], 1),
                "extractor_x2": round(c2["articles_per_s"], 1),
            },
            "rss_mb": {k: round(v, 1) for k, v in one["rss_mb_samples"][-1].items()},
            "rss_mb_samples": [
                {k: round(v, 1) for k, v in s.items()} for s in one["rss_mb_samples"]
            ],
            "rss_flat": memory_is_flat(one["rss_mb_samples"]),
            "cpu_ms_per_article": {
                k: round(v * 1000 / size["articles"], 2) for k, v in one["cpu_s"].items()
            },
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "date": datetime.now(UTC).date().isoformat(),
                "mode": "quick" if args.quick else "full",
            },
        }
    )
    print(json.dumps({k: v for k, v in results.items() if k != "rss_mb_samples"}, indent=2))


if __name__ == "__main__":
    main()
