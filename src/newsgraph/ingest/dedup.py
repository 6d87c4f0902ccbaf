"""Near-duplicate detection: the same wire story published by several outlets.

Each text becomes a MinHash signature over word 5-gram shingles of its normalised form (the
normalisation ``ids`` uses, so quote and case differences do not count). An LSH index finds
candidates above the Jaccard threshold (0.8); a candidate is confirmed on its estimated
similarity. Exact repeats (same article id) are recognised without hashing.

Signatures are bytes (datasketch's LeanMinHash serialisation, little-endian) so the store can
persist them and rebuild a Deduplicator with ``add`` on the next run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..records import Article
from .ids import normalise_text

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE_WORDS = 5
THRESHOLD = 0.8
_BYTEORDER = "<"
_WORD = re.compile(r"\w+")


@cache
def _permutations(num_perm: int, seed: int):
    # Generating the permutations costs more than hashing a short article: do it once.
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(normalise_text(text))
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM, seed: int = SEED) -> LeanMinHash:
    m = MinHash(num_perm=num_perm, seed=seed, permutations=_permutations(num_perm, seed), scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return LeanMinHash(m)


def to_bytes(m: LeanMinHash) -> bytes:
    buf = bytearray(m.bytesize(byteorder=_BYTEORDER))
    m.serialize(buf, byteorder=_BYTEORDER)
    return bytes(buf)


def from_bytes(signature: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(signature, byteorder=_BYTEORDER)


class Deduplicator:
    """Remembers articles seen so far and names the first copy of a near-duplicate."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, seed: int = SEED):
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order

    def signature(self, text: str) -> bytes:
        """The MinHash signature of ``text`` as bytes (what the store persists)."""
        return to_bytes(minhash(text, self.num_perm, self.seed))

    def add(self, article_id: str, signature: bytes) -> None:
        """Remember an article; adding an id again is a no-op (the first copy stays first)."""
        if article_id in self._order:
            return
        m = from_bytes(signature)
        self._lsh.insert(article_id, m, check_duplication=False)
        self._order[article_id] = len(self._order)
        self._signatures[article_id] = m

    def find(self, signature: bytes) -> str | None:
        """The id of the earliest-added article at least ``threshold`` similar, or None."""
        m = from_bytes(signature)
        matches = [key for key in self._lsh.query(m) if self._signatures[key].jaccard(m) >= self.threshold]
        return min(matches, key=self._order.__getitem__) if matches else None

    def mark(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Pass articles through, setting ``duplicate_of`` to the first copy's id.

        An exact repeat (an id already seen) gets its own id: it is the first copy. Every
        article that is not a duplicate is added, so later copies point at it.
        """
        for article in articles:
            if article.id in self._order:
                article.duplicate_of = article.id
                yield article
                continue
            signature = self.signature(article.text)
            article.duplicate_of = self.find(signature)
            if article.duplicate_of is None:
                self.add(article.id, signature)
            yield article
