"""Analysis over the store: dyads, network, blocs, changes, timelines, with evidence.

See docs/analysis.md for the counting rules.
"""
