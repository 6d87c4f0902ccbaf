"""Scoring newsgraph against gold data.

``gold`` implements GOLD_FORMAT.md (the project's own gold/1 files). The dataset evaluators
(``polnear``, ``plover_gsr``, ``petrarch``, ``conflibert``) each expose
``evaluate(path, extractor, **options) -> report`` where the report has ``to_json()`` and
``render()``; ``newsgraph eval`` dispatches to them.
"""
from __future__ import annotations

from pathlib import Path

from ..records import Article
from .gold import GoldArticle, Score, load_gold_dir, score_extraction


def evaluate_gold_dir(folder: Path, extractor) -> Score:
    """Extract every article of a gold folder and sum the scores (micro-average)."""
    from ..ingest.ids import article_id

    golds: list[GoldArticle] = load_gold_dir(folder)
    articles = [
        Article(id=article_id(g.text), text=g.text, ref=g.name, published=g.published,
                title=g.gold.get("article", {}).get("title"), source=g.gold.get("article", {}).get("source"))
        for g in golds
    ]
    total = Score()
    for g, ex in zip(golds, extractor.extract_many(articles)):
        total.add(score_extraction(ex, g.gold, g.name))
    return total
