"""Scale-out: end-to-end throughput with 1 and 2 extractors, on one Redis and on a 3-master cluster.

    python -m bench.scale [--articles 1200]

Prints one line per run and a JSON object as its last line.
"""

import argparse
import json

from bench.corpus import corpus
from bench.e2e import throughput
from services.common.redis_server import LocalRedis, LocalRedisCluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1200)
    n = parser.parse_args().articles
    results: dict[str, dict[str, float]] = {}
    setups = [
        ("single", "single Redis", LocalRedis, False, 11),
        ("cluster", "3-master cluster", LocalRedisCluster, True, 21),
    ]
    for key, label, server_type, cluster, seed in setups:
        with server_type() as server:
            for extractors in (1, 2):
                run = throughput(
                    server.url,
                    corpus(n, seed=seed + extractors),
                    extractors=extractors,
                    cluster=cluster,
                )
                row = {"articles_per_s": round(run["articles_per_s"], 1), "alerts": run["alerts"]}  # type: ignore[call-overload]
                results[f"{key}_x{extractors}"] = row
                print(label, extractors, "extractor(s):", row, flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
