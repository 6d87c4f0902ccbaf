"""Ingest throughput and memory: one worker against two, on the same articles, in one run.

    .venv/bin/python benchmarks/bench_ingest.py [PATH ...] [--copies 10]

Copies the articles (default: examples/corpus, plus ../shared/devset when present) with a
per-copy marker so that every copy is a new article, then ingests them into a fresh store
with --workers 1 and --workers 2 (each in its own process, model loading included) and
prints articles/s, words/s, wall time and the peak resident memory of the process tree.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import read_inputs
from newsgraph.records import Article

REPO = Path(__file__).resolve().parents[1]


def build_corpus(paths: list[str], copies: int, out: Path) -> tuple[int, int]:
    articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
    n = words = 0
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as f:
        for c in range(copies):
            for a in articles:
                text = f"[copy {c}] {a.text}"
                f.write(json.dumps({"text": text, "published": a.published.isoformat() if a.published else None,
                                    "title": a.title, "source": a.source}) + "\n")
                n += 1
                words += len(text.split())
    return n, words


def run(workers: int, corpus: Path, store: Path) -> tuple[float, float]:
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(corpus), "--store", str(store),
                    "--workers", str(workers)], check=True, capture_output=True)
    wall = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    shared = REPO.parent / "shared" / "devset"
    paths = args.paths or [str(REPO / "examples" / "corpus")] + ([str(shared)] if shared.is_dir() else [])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n, words = build_corpus(paths, args.copies, tmp)
        print(f"corpus: {n} articles, {words} words")
        for workers in (1, 2):
            wall, peak = run(workers, tmp / "corpus.jsonl", tmp / f"store{workers}")
            print(f"--workers {workers}: {wall:6.1f} s  {n / wall:6.1f} articles/s  {words / wall:7.0f} words/s"
                  f"  peak RSS of the largest process so far {peak:6.0f} MB")


if __name__ == "__main__":
    main()
