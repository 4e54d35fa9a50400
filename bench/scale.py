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
    with LocalRedis() as single:
        for extractors in (1, 2):
            run = throughput(single.url, corpus(n, seed=11 + extractors), extractors=extractors)
            results[f"single_x{extractors}"] = {
                "articles_per_s": round(run["articles_per_s"], 1),
                "alerts": run["alerts"],
            }  # type: ignore[call-overload]
            print(
                "single Redis",
                extractors,
                "extractor(s):",
                results[f"single_x{extractors}"],
                flush=True,
            )
    with LocalRedisCluster(size=3) as cluster:
        for extractors in (1, 2):
            run = throughput(
                cluster.url, corpus(n, seed=21 + extractors), extractors=extractors, cluster=True
            )
            results[f"cluster_x{extractors}"] = {
                "articles_per_s": round(run["articles_per_s"], 1),
                "alerts": run["alerts"],
            }  # type: ignore[call-overload]
            print(
                "3-master cluster",
                extractors,
                "extractor(s):",
                results[f"cluster_x{extractors}"],
                flush=True,
            )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
