"""Analysis over the store: dyads, network, blocs, changes, timelines, with evidence (see docs/analysis.md)."""
