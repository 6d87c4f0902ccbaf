"""``newsgraph eval``: score the system against gold data and public datasets."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import click

from .options import kb_option, model_option, settings_from, triggers_option

# option name -> module under newsgraph.evaluate exposing evaluate(path, extractor, **options)
DATASET_EVALUATORS = {
    "polnear": "polnear",
    "plover_gsr": "plover_gsr",
    "petrarch": "petrarch",
    "conflibert": "conflibert",
}


@click.command("eval")
@click.argument("gold_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--polnear", type=click.Path(exists=True, path_type=Path),
              help="PolNeAR: the polnear/ folder (lenient protocol) or polnear-cofenet-bio/ (exact protocol).")
@click.option("--split", default="test", show_default=True,
              help="Split of PolNeAR (train, dev, test) or ConfliBERT (train, test).")
@click.option("--plover-gsr", "plover_gsr", type=click.Path(exists=True, path_type=Path),
              help="PLOVER gold-standard records (the plover-gsr/ folder or its JSON file).")
@click.option("--petrarch", type=click.Path(exists=True, path_type=Path),
              help="PETRARCH2 unit tests (the petrarch2-unittest/ folder, dictionaries loaded from it).")
@click.option("--conflibert", type=click.Path(exists=True, path_type=Path),
              help="ConfliBERT CAMEO five-way classification (the conflibert-cameo/ folder).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--details", is_flag=True, help="List every miss and false alarm (gold/1 only).")
@model_option
@kb_option
@triggers_option
def eval_cmd(gold_dir, polnear, split, plover_gsr, petrarch, conflibert, as_json, details, model, kb_files,
             trigger_files):
    """Score extraction against GOLD_DIR (NAME.txt + NAME.gold.json, gold/1) and/or public datasets."""
    from ..evaluate import evaluate_gold_dir
    from ..evaluate.report import render_score
    from ..pipeline import Extractor

    datasets = {"polnear": polnear, "plover_gsr": plover_gsr, "petrarch": petrarch, "conflibert": conflibert}
    if gold_dir is None and not any(datasets.values()):
        raise click.UsageError("give GOLD_DIR and/or one of --polnear, --plover-gsr, --petrarch, --conflibert")
    settings = settings_from(model=model, kb_files=kb_files, trigger_files=trigger_files)
    results: dict[str, object] = {}
    extractor = Extractor.from_settings(settings)
    for account in extractor.ontology.verb_dictionaries:
        results.setdefault("verb_dictionaries", []).append(account.to_json())
        if not as_json:
            click.echo(f"== verb dictionary read: {account.render()}")
    if gold_dir is not None:
        score = evaluate_gold_dir(gold_dir, extractor)
        results["gold"] = score.to_json()
        if not as_json:
            click.echo(f"== gold/1: {gold_dir}")
            click.echo(render_score(score, details=details))
    for name, path in datasets.items():
        if path is None:
            continue
        module = importlib.import_module(f"newsgraph.evaluate.{DATASET_EVALUATORS[name]}")
        options = {"split": split} if name in ("polnear", "conflibert") else {}
        report = module.evaluate(path, extractor, settings=settings, **options)
        results[name] = report.to_json()
        if not as_json:
            click.echo(f"== {name}: {path}")
            click.echo(report.render())
    if as_json:
        click.echo(json.dumps(results, indent=2))
