"""Memory over a long replay: RSS of every service and of Redis, sampled every half second.

    python -m bench.memory [--articles 6000]

Prints about a dozen samples spread over the run, whether memory stayed flat (no service grows
by more than 15 % over the second half of the run) and, as its last line, a JSON object.
"""

import argparse
import json

from bench.corpus import corpus
from bench.e2e import memory_is_flat, throughput
from services.common.redis_server import LocalRedis


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=6000)
    n = parser.parse_args().articles
    with LocalRedis() as server:
        run = throughput(server.url, corpus(n, seed=3))
    samples: list[dict[str, float]] = run["rss_mb_samples"]  # type: ignore[assignment]
    step = max(1, len(samples) // 12)
    for sample in [*samples[::step], samples[-1]]:
        print("  ".join(f"{k} {v:6.1f}" for k, v in sample.items()))
    flat = memory_is_flat(samples)
    print(
        f"{n} articles at {run['articles_per_s']:.1f} articles/s, {run['alerts']} alerts; flat: {flat}"
    )
    print(
        json.dumps(
            {
                "articles": n,
                "rss_mb_first": samples[0],
                "rss_mb_last": samples[-1],
                "rss_flat": flat,
            }
        )
    )


if __name__ == "__main__":
    main()
