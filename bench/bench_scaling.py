"""Does extraction time grow linearly with text size, also on text built to stress the patterns?

    python -m bench.bench_scaling [--quick]

For each kind of text, the time per MB at 20 kB, 200 kB and 2 MB (1 MB with --quick). Linear time shows as
a flat time per MB: the last column is the ratio of the largest size's time per MB to the smallest's
(1.0 = perfectly linear; a quadratic pattern would show 10x per step). The last line is JSON.
"""

import argparse
import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime

from bench.corpus import corpus
from services.extractor.extract import extract_events

PUBLISHED = datetime(2022, 9, 14, tzinfo=UTC)


def _news(size: int) -> str:
    parts, total = [], 0
    for article in corpus(max(1, size // 4000) + 1, seed=9):
        parts.append(article.text)
        total += len(article.text)
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def _one_line(size: int) -> str:
    """A single line without sentence ends: China Russia trade talks sanctions ... forever."""
    words = "China Russia trade talks sanctions met will visit $5 billion by 2024 joint drills warned".split()
    rng = random.Random(1)
    return " ".join(rng.choice(words) for _ in range(size // 6))[:size]


def _spaces_and_punctuation(size: int) -> str:
    return ("  .  ,  ;  :  (  )  \"  '  -- " * (size // 30 + 1))[:size]


def _digits(size: int) -> str:
    return ("$1 2.5% 2022 3,000 bn US$4 " * (size // 27 + 1))[:size]


def _names(size: int) -> str:
    return ("Xi Jinping Putin Beijing Moscow the Kremlin EU NATO " * (size // 52 + 1))[:size]


KINDS: dict[str, Callable[[int], str]] = {
    "news": _news,
    "one_line": _one_line,
    "punctuation": _spaces_and_punctuation,
    "digits": _digits,
    "names": _names,
}


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        extract_events(text, published_at=PUBLISHED, article_id="bench")
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="stop at 1 MB")
    sizes = [20_000, 200_000, 1_000_000 if parser.parse_args().quick else 2_000_000]
    results: dict[str, dict[str, float]] = {}
    print(
        f"{'text':12} " + " ".join(f"{s // 1000:>8} kB" for s in sizes) + "   (ms per MB)   ratio"
    )
    for name, make in KINDS.items():
        per_mb = [seconds(make(size)) * 1000 / (size / 1e6) for size in sizes]
        ratio = per_mb[-1] / per_mb[0] if per_mb[0] else 0.0
        results[name] = {"ms_per_mb": [round(x, 1) for x in per_mb], "ratio": round(ratio, 2)}
        print(f"{name:12} " + " ".join(f"{x:11.0f}" for x in per_mb) + f"   {ratio:16.2f}")
    print(json.dumps({"extract_scaling": results}))


if __name__ == "__main__":
    main()
