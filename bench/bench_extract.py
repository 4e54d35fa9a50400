"""Extraction speed on one core, in process: articles and MB of text per second.

    python -m bench.bench_extract [--quick]

Two corpora: the synthetic seed-sized articles of bench/corpus.py (news phrasing in random
filler), and the seed articles themselves (real news text), cycled. The extractor is warmed
up first; the figure is the best of several timed rounds (the least disturbed by other load).
The last line printed is a JSON object that bench/run.py merges into bench/results.json.
"""

import argparse
import json
import time
from pathlib import Path

from bench.corpus import corpus
from schemas import ArticleIn
from services.common.seeds import load_seed_articles
from services.extractor.extract import extract_events

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def rate(articles: list[ArticleIn], rounds: int) -> tuple[float, float, int]:
    """(articles/s, MB/s, events) of the fastest of `rounds` passes over `articles`."""
    mb = sum(len(a.text.encode()) for a in articles) / 1e6
    best, events = float("inf"), 0
    for _ in range(rounds):
        started = time.process_time()
        events = sum(
            len(extract_events(a.text, published_at=a.published_at, article_id="bench"))
            for a in articles
        )
        best = min(best, time.process_time() - started)
    return len(articles) / best, mb / best, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer articles and rounds")
    quick = parser.parse_args().quick
    synthetic = corpus(300 if quick else 2000, seed=5)
    seeds = load_seed_articles(SEEDS)
    real = (seeds * (1 + (len(synthetic) // len(seeds))))[: len(synthetic)]
    rounds = 3 if quick else 5
    rate(synthetic[:50], 1)  # warm-up: gazetteer, compiled patterns
    syn_aps, syn_mbps, syn_events = rate(synthetic, rounds)
    real_aps, real_mbps, _ = rate(real, rounds)
    avg_kb = sum(len(a.text) for a in synthetic) / len(synthetic) / 1000
    print(
        f"synthetic: {len(synthetic)} articles of {avg_kb:.1f} kB: {syn_aps:,.0f} articles/s, {syn_mbps:.2f} MB/s"
    )
    seed_kb = sum(len(a.text) for a in seeds) / len(seeds) / 1000
    print(
        f"seed articles ({len(seeds)} of {seed_kb:.1f} kB, cycled): {real_aps:,.0f} articles/s, {real_mbps:.2f} MB/s"
    )
    print(
        json.dumps(
            {
                "extract_articles_per_s": round(syn_aps, 1),
                "extract_mb_per_s": round(syn_mbps, 3),
                "extract_seed_articles_per_s": round(real_aps, 1),
                "extract_seed_mb_per_s": round(real_mbps, 3),
                "articles": len(synthetic),
                "events": syn_events,
            }
        )
    )


if __name__ == "__main__":
    main()
