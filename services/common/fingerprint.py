"""Near-duplicate text detection: a bottom-k sketch of word shingles, and the resemblance of two."""

import heapq
import re
import zlib

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
_WORD = re.compile(r"\w+")


def fingerprint(text: str, k: int = SKETCH_SIZE) -> list[int]:
    """The k smallest CRC32 values of the text's 5-word shingles (all of them for short texts)."""
    words = [w.encode() for w in _WORD.findall(text.casefold())]  # Unicode words, any script
    if len(words) < SHINGLE_WORDS:
        return [zlib.crc32(b" ".join(words))] if words else []
    joined = b" ".join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    last = SHINGLE_WORDS - 1
    # slices of the joined text are the shingles "w1 w2 w3 w4 w5", without building each string
    hashes = {
        zlib.crc32(joined[starts[i] : starts[i + last] + len(words[i + last])])
        for i in range(len(words) - last)
    }
    return heapq.nsmallest(k, hashes)


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (Broder's bottom-k estimator)."""
    if not a or not b:
        return 0.0
    k = min(len(a), len(b))
    union_bottom = heapq.nsmallest(k, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / k
