"""Quote finding on small articles written for these tests (synthetic; the speakers are
fictional people), parsed by the real model. Actor indexes are built by hand, so these tests
pin the quote stage's own job: the right quote, cue and speaker span."""
from __future__ import annotations

import re

import pytest

from newsgraph.actors.index import ActorIndex, ActorMention
from newsgraph.quotes import find_quotes
from newsgraph.records import Actor


def hand_actors(doc, names: dict[str, list[str]], pronouns: dict[int, str] | None = None) -> ActorIndex:
    """``names``: actor id -> surface strings to mark wherever they occur;
    ``pronouns``: n-th pronoun token (he/she/they) -> actor id."""
    idx = ActorIndex(actors=[Actor(id=a, name=forms[0], kind="person") for a, forms in names.items()])
    for actor_id, forms in names.items():
        for form in forms:
            for m in re.finditer(re.escape(form), doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                idx.add_mention(ActorMention(span.start, span.end, actor_id))
    prons = [t for t in doc if t.lower_ in ("he", "she", "they", "his", "her")]
    for n, actor_id in (pronouns or {}).items():
        idx.add_mention(ActorMention(prons[n].i, prons[n].i + 1, actor_id, how="pronoun"))
    return idx


def run(nlp, text, names, pronouns=None):
    doc = nlp(text)
    return find_quotes(doc, hand_actors(doc, names, pronouns))


def direct(quotes):
    return [(q.text, q.speaker) for q in quotes if q.direct]


def reported(quotes):
    return [(q.text, q.speaker) for q in quotes if not q.direct]


PEOPLE = {"a1": ["Mara Velkov", "Velkov"], "a2": ["Tomas Ebbe", "Ebbe"]}


@pytest.mark.parametrize("text,expected", [
    ('Synthetic. Velkov said, "We will not accept this plan."', "We will not accept this plan."),
    ("Synthetic. Velkov said, “We will not accept this plan.”", "We will not accept this plan."),
    ("Synthetic. Velkov said: « We will not accept this plan. »", "We will not accept this plan."),
    ("Synthetic. Velkov said, ‘We will not accept this plan.’", "We will not accept this plan."),
    ("Synthetic. “We will not accept this plan,” Velkov said.", "We will not accept this plan"),
    ("Synthetic. “We will not accept this plan,” said Velkov.", "We will not accept this plan"),
    ("Synthetic. Velkov — “We will not accept this plan.”", "We will not accept this plan."),
])
def test_quotes_direct_every_mark_style_and_order(nlp, text, expected):
    assert direct(run(nlp, text, PEOPLE)) == [(expected, "a1")]


def test_quotes_direct_nested_single_quotes_are_not_separate(nlp):
    text = "Synthetic. Velkov said, “They call it ‘peace’ but it is not peace.”"
    assert direct(run(nlp, text, PEOPLE)) == [("They call it ‘peace’ but it is not peace.", "a1")]


def test_quotes_direct_multi_sentence_quote_is_one_quote(nlp):
    text = "Synthetic. Velkov told reporters, “The talks failed. We will try again next week.”"
    assert direct(run(nlp, text, PEOPLE)) == [("The talks failed. We will try again next week.", "a1")]


def test_quotes_direct_multi_paragraph_quote_continues(nlp):
    text = ("Synthetic. Velkov spoke after the summit in Vienna.\n"
            "“We are ready to sign the accord today,” Velkov said. “The ministers agreed on every point.\n"
            "“The border commission will meet in March.”\n")
    got = direct(run(nlp, text, PEOPLE))
    assert ("The border commission will meet in March.", "a1") in got
    assert ("The ministers agreed on every point.", "a1") in got


def test_quotes_direct_split_quote_has_one_speaker(nlp):
    text = "Synthetic. “The sanctions will stay,” Ebbe said, “until the troops have left the region.”"
    got = direct(run(nlp, text, PEOPLE))
    assert got == [("The sanctions will stay", "a2"), ("until the troops have left the region.", "a2")]


def test_quotes_direct_bare_paragraph_continues_previous_speaker(nlp):
    text = ("Synthetic. Ebbe said on Monday that the border would stay closed.\n"
            "“We have no choice while the shelling goes on near our villages.”\n")
    assert direct(run(nlp, text, PEOPLE)) == [
        ("We have no choice while the shelling goes on near our villages.", "a2")]


def test_quotes_direct_partial_quote_inside_reported_speech(nlp):
    text = "Synthetic. Velkov called the visit a “farce” and said the minister was “behaving like a bully.”"
    got = direct(run(nlp, text, PEOPLE))
    assert ("farce", "a1") in got and ("behaving like a bully.", "a1") in got


def test_quotes_direct_pronoun_speaker_takes_actor_from_index(nlp):
    text = "Synthetic. Velkov arrived late. She said, “Nobody told us about the meeting.”"
    quotes = run(nlp, text, PEOPLE, pronouns={0: "a1"})
    q = next(q for q in quotes if q.direct)
    assert (q.speaker_span.text, q.speaker, q.cue.text) == ("She", "a1", "said")


def test_quotes_direct_according_to(nlp):
    text = "Synthetic. “The convoy was stopped at the border twice,” according to Ebbe."
    assert direct(run(nlp, text, PEOPLE)) == [("The convoy was stopped at the border twice", "a2")]


@pytest.mark.parametrize("text", [
    "Synthetic. The so-called “reform” left farmers poorer than before.",
    "Synthetic. The rebels joined forces in an “Alliance of River States” last year.",
])
def test_quotes_direct_scare_quotes_and_names_are_dropped(nlp, text):
    assert direct(run(nlp, text, PEOPLE)) == []


def test_quotes_media_statements_are_dropped(nlp):
    text = "Synthetic. Reuters reported that the talks had stalled. State media said the army “repelled” an attack."
    assert run(nlp, text, PEOPLE) == []


def test_quotes_offsets_point_into_the_text(nlp):
    text = "Synthetic. Velkov said, “We will not accept this plan.” Ebbe said the plan was fair."
    doc = nlp(text)
    for q in find_quotes(doc, hand_actors(doc, PEOPLE)):
        assert text[q.start:q.end] == q.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. Ebbe stated that the government would block the transfer.",
     "the government would block the transfer"),
    ("Synthetic. Ebbe said the government was ready to talk.", "the government was ready to talk"),
    ("Synthetic. Ebbe warned that the ceasefire could collapse within days.",
     "the ceasefire could collapse within days"),
    ("Synthetic. The ceasefire could collapse within days, Ebbe warned.", "The ceasefire could collapse within days"),
    ("Synthetic. Ebbe believes that the ceasefire will hold.", "the ceasefire will hold"),
    ("Synthetic. Ebbe said at a press briefing that the convoy had been delayed.", "the convoy had been delayed"),
])
def test_quotes_reported_clause_after_cue(nlp, text, expected):
    assert reported(run(nlp, text, PEOPLE)) == [(expected, "a2")]


def test_quotes_reported_nominal_cue_possessive_speaker(nlp):
    text = "Synthetic. Ebbe emphasized his concern over the possibility of new missile tests."
    got = reported(run(nlp, text, PEOPLE))
    assert got == [("his concern over the possibility of new missile tests", "a2")]


def test_quotes_reported_according_to(nlp):
    text = "Synthetic. According to Velkov, the army withdrew from the valley on Sunday."
    assert reported(run(nlp, text, PEOPLE)) == [("the army withdrew from the valley on Sunday", "a1")]


def test_quotes_reported_question_is_not_a_statement(nlp):
    text = "Synthetic. Velkov asked whether the convoy had been delayed."
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_reported_clause_that_is_a_direct_quote_is_not_repeated(nlp):
    text = "Synthetic. Velkov said, “The convoy has been delayed by the storm.”"
    quotes = run(nlp, text, PEOPLE)
    assert [q.direct for q in quotes] == [True]


def test_quotes_reported_cut_before_a_further_attribution(nlp):
    text = ('Synthetic. Velkov said that the alliance is stronger than ever, stating, '
            '"What happens in the north matters in the south."')
    got = reported(run(nlp, text, PEOPLE))
    assert got == [("the alliance is stronger than ever", "a1")]


def test_quotes_speaker_label_lines_are_quotes(nlp):
    text = "Synthetic transcript.\nVELKOV: We never agreed to any of those terms in the talks.\n"
    quotes = run(nlp, text, {"a1": ["VELKOV"]})
    assert direct(quotes) == [("We never agreed to any of those terms in the talks.", "a1")]
