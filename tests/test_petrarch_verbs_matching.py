"""A verb dictionary as a trigger file: loading, matching, extraction, the CLI, the shared files.

The dictionaries and sentences here are synthetic (fictional speakers; real states).
"""
from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.ontology import Ontology
from newsgraph.events.triggers import find_triggers

SYNTHETIC = """\
# synthetic verb dictionary for the newsgraph tests
--- SERENADE [051] ---
SERENADE
- * (TO) [042]

--- WARN [160] ---
WARN

--- LEFT [032] ---
LEFT
"""


@pytest.fixture(scope="module")
def verbs_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("verbs") / "synthetic.verbs.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def onto_with_verbs(verbs_file):
    return Ontology.load([verbs_file])


def test_petrarch_verbs_ontology_reads_txt_trigger_files(onto_with_verbs, verbs_file):
    (account,) = onto_with_verbs.verb_dictionaries
    assert account.path == str(verbs_file) and account.verbs_converted == 3
    (entry,) = onto_with_verbs.triggers.candidates("serenade", "verb")[-1:]
    assert (entry.type, entry.cameo, entry.source_file) == ("SUPPORT", "051", str(verbs_file))


def test_petrarch_verbs_dictionary_decides_all_a_listed_verb_codes(onto, onto_with_verbs):
    packaged = onto.triggers.candidates("warn", "verb")
    assert packaged and {e.cameo for e in packaged} != {"160"}
    mine = onto_with_verbs.triggers.candidates("warn", "verb")
    # "warn of", "warn against" of the packaged lexicon no longer outrank the dictionary's WARN
    assert [(e.cameo, e.requires) for e in mine] == [("160", ())]
    # and the target positions of the packaged entry are kept for the bare verb
    assert set(packaged[-1].target) <= set(mine[0].target)
    # verbs the dictionary does not list keep their packaged entries
    unlisted = onto.triggers.candidates("sanction", "verb")
    assert unlisted and onto_with_verbs.triggers.candidates("sanction", "verb") == unlisted


def _doc(nlp, words, lemmas, heads, deps, pos, tags):
    return Doc(nlp.vocab, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos, tags=tags)


def test_petrarch_verbs_matcher_prefers_the_dictionary_form_over_its_lemma(nlp, onto_with_verbs):
    # "Norway left for Sweden": LEFT (032) is coded apart from LEAVE
    doc = _doc(nlp, ["Norway", "left", "for", "Sweden"], ["Norway", "leave", "for", "Sweden"],
               [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"], ["PROPN", "VERB", "ADP", "PROPN"],
               ["NNP", "VBD", "IN", "NNP"])
    (match,) = find_triggers(doc, onto_with_verbs.triggers)
    assert match.token.i == 1 and match.entries[0].cameo == "032"


def test_petrarch_verbs_matcher_requires_the_pattern_words(nlp, onto_with_verbs):
    words = ["Norway", "serenaded", "Sweden"]
    plain = _doc(nlp, words, ["Norway", "serenade", "Sweden"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                 ["PROPN", "VERB", "PROPN"], ["NNP", "VBD", "NNP"])
    assert [e.cameo for e in find_triggers(plain, onto_with_verbs.triggers)[0].entries] == ["051"]
    to = _doc(nlp, ["Norway", "serenaded", "to", "Sweden"], ["Norway", "serenade", "to", "Sweden"],
              [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"], ["PROPN", "VERB", "ADP", "PROPN"],
              ["NNP", "VBD", "IN", "NNP"])
    assert [e.cameo for e in find_triggers(to, onto_with_verbs.triggers)[0].entries] == ["042", "051"]


def test_petrarch_verbs_large_heads_match_through_the_word_index():
    lex = Lexicon()
    nouns = [f"noun{i}" for i in range(60)]
    lex.add_many([Trigger("serenade", "verb", "SUPPORT", "051")] + [
        Trigger("serenade", "verb", "AID", "070", requires=(n,)) for n in nouns] + [
        Trigger("serenade", "verb", "AID", "071", requires=("to", n)) for n in nouns])
    lex.prepare()
    near = {"noun7", "to", "noun9", "unrelated"}
    brute = [e for e in lex.candidates("serenade", "verb") if all(w in near for w in e.requires)]
    got = lex.select("serenade", "verb", lambda: near)
    assert got == brute
    assert [(e.cameo, e.requires) for e in got] == [("071", ("to", "noun7")), ("071", ("to", "noun9")),
                                                     ("070", ("noun7",)), ("070", ("noun9",)), ("051", ())]


def test_petrarch_verbs_extraction_codes_with_the_dictionary(nlp, verbs_file, onto_with_verbs):
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor
    from newsgraph.records import Article

    ex = Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=onto_with_verbs, memory=PersonMemory())
    text = "Synthetic test sentence. Norway warned Sweden on Monday."
    extraction = ex.extract(Article(id="t1", text=text))
    coded = [(e.type, e.cameo, e.trigger.text, [extraction.actor(a).code for a in e.sources + e.targets])
             for e in extraction.events]
    assert coded == [("SANCTION", "160", "warned", ["NOR", "SWE"])]


def test_petrarch_verbs_cli_triggers_option(tmp_path, verbs_file):
    from click.testing import CliRunner

    from newsgraph.cli import main

    article = tmp_path / "synthetic.txt"
    article.write_text("Synthetic test article.\n\nNorway warned Sweden on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--triggers", str(verbs_file), str(article)])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output.splitlines()[0])["events"]
    assert [(e["type"], e["cameo"]) for e in events] == [("SANCTION", "160")]


@pytest.mark.parametrize("option, name, text, problem", [
    ("--triggers", "broken.txt", "- * TIN [070]\n", "pattern before any"),
    ("--kb", "broken.actors.txt", "NORWAY [NOR\n", "unbalanced"),
], ids=["verb-dictionary", "actor-dictionary"])
def test_petrarch_verbs_cli_reports_a_broken_dictionary(tmp_path, option, name, text, problem):
    from click.testing import CliRunner

    from newsgraph.cli import main

    broken = tmp_path / name
    broken.write_text(text, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Synthetic test article. Norway warned Sweden.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", option, str(broken), str(article)])
    # one line naming the file and line, not a traceback
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"Error: {broken}:1: " in result.output and problem in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("relative, minimum_share", [
    ("datasets/petrarch2-unittest/PETR.Validate.verbs.txt", 0.9),
    ("datasets/phoenix-dictionaries/CAMEO.2.0.txt", 0.95),
])
def test_petrarch_verbs_reads_the_community_dictionaries(shared_dir, onto, relative, minimum_share):
    from newsgraph.events.petrarch_verbs import load_verb_triggers

    path = shared_dir / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not present")
    trigs, report = load_verb_triggers(path, onto.cameo_to_plover, onto.triggers)
    assert report.share >= minimum_share and report.entries == len(trigs) > 100
    assert all(onto.cameo_to_plover(t.cameo)[0] == t.type for t in trigs[:500] if not t.blocks)


SUITE_RECORDS = """<Validation><Sentences>
<Sentence date="20240105" id="SYN-1" category="VERB">
<EventCoding sourcecode="NOR" targetcode="SWE" eventcode="051"/>
<Text>Synthetic test sentence: Norway serenaded Sweden on Friday.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_petrarch_verbs_eval_reports_both_runs(tmp_path, verbs_file):
    from newsgraph.config import Settings
    from newsgraph.evaluate import petrarch as P

    (tmp_path / P.RECORDS_FILE).write_text(SUITE_RECORDS, encoding="utf-8")
    (tmp_path / P.DICTIONARIES[0]).write_text("NORWAY [NOR]\nSWEDEN [SWE]\n", encoding="utf-8")
    (tmp_path / P.DICTIONARIES[1]).write_text("MINISTER [~GOV]\n", encoding="utf-8")
    (tmp_path / P.VERB_DICTIONARY).write_text(verbs_file.read_text("utf-8"), encoding="utf-8")
    report = P.evaluate(tmp_path, None, settings=Settings())
    assert (report.found, report.codings) == (0, 1), "newsgraph's own lexicon does not know 'serenade'"
    assert (report.with_verbs.found, report.with_verbs.codings) == (1, 1)
    assert report.verb_dictionary.verbs_converted == 3
    text = report.render()
    assert "actor and agent dictionaries only" in text and "0.000   (0/1)" in text
    assert "with the suite's verb dictionary too" in text and "1.000   (1/1)" in text and "+1 codings" in text
    data = report.to_json()
    assert data["found"] == 0 and data["with_verb_dictionary"]["found"] == 1
    assert data["with_verb_dictionary"]["verb_dictionary"]["verbs_converted"] == 3


# --------------------------------------------------------------------------- pair codes, compound
# actors and verb forms (TABARI semantics of the format)

TABARI = """\
# synthetic verb dictionary for the newsgraph tests: pair codes, compound actors, verb forms
--- TRAVEL [032:033] ---
TRAVEL

--- AGREE [081] ---
AGREE
- % * [030:030]
- % HAVE * [191]

--- GLIMMER [042] ---
GLIMMER {GLIMMERT}

--- RAG [111] ---
RAG

--- RAGE [112] ---
RAGE
"""


@pytest.fixture(scope="module")
def onto_tabari(tmp_path_factory):
    path = tmp_path_factory.mktemp("verbs") / "tabari.verbs.txt"
    path.write_text(TABARI, encoding="utf-8")
    return Ontology.load([path])


@pytest.fixture(scope="module")
def tabari_extractor(nlp, onto_tabari):
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor

    return Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=onto_tabari, memory=PersonMemory())


def _coded(extractor, text):
    from newsgraph.records import Article

    extraction = extractor.extract(Article(id="t-" + str(abs(hash(text))), text=text))
    return extraction, [(e.type, e.cameo, [extraction.actor(a).code for a in e.sources],
                         [extraction.actor(a).code for a in e.targets]) for e in extraction.events]


def test_petrarch_verbs_pair_code_codes_the_reverse_direction(tabari_extractor, onto_tabari):
    _, coded = _coded(tabari_extractor, "Synthetic test sentence. Norway travelled to Sweden on Monday.")
    there, back = onto_tabari.cameo_to_plover("032")[0], onto_tabari.cameo_to_plover("033")[0]
    # the visitor's 032 to the host, and the host's 033 back to the visitor, from the same verb
    assert sorted(coded) == sorted([(there, "032", ["NOR"], ["SWE"]), (back, "033", ["SWE"], ["NOR"])])


def test_petrarch_verbs_pair_code_needs_both_sides(tabari_extractor):
    # no target: nothing to reverse
    _, coded = _coded(tabari_extractor, "Synthetic test sentence. Norway travelled on Monday.")
    assert not any(c[1] == "033" for c in coded)


def test_petrarch_verbs_both_directions_are_stored_as_two_events(tabari_extractor, tmp_path):
    from newsgraph.store.sqlite import Store

    extraction, _ = _coded(tabari_extractor, "Synthetic test sentence. Norway travelled to Sweden on Monday.")
    with Store.open(tmp_path / "store") as store:
        store.write([extraction])
        rows = store.connect().execute(
            "SELECT e.id, e.cameo, a.role, a.actor_key FROM events e "
            "JOIN event_actors a ON a.event_id = e.id "
            "ORDER BY e.cameo, a.role").fetchall()
    got = [(r[1], r[2], r[3]) for r in rows]
    assert got == [("032", "source", "NOR"), ("032", "target", "SWE"),
                   ("033", "source", "SWE"), ("033", "target", "NOR")]
    assert len({r[0] for r in rows}) == 2


def _verb_doc(nlp, words, lemmas, heads, deps, pos, tags):
    return Doc(nlp.vocab, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos, tags=tags)


# "X (and Y) agree(s) that talks should resume"
_CLAUSE = (["that", "talks", "should", "resume"], ["that", "talk", "should", "resume"],
           ["mark", "nsubj", "aux", "ccomp"], ["SCONJ", "NOUN", "AUX", "VERB"], ["IN", "NNS", "MD", "VB"])


def _agree(nlp, subject, verb_words, verb_lemmas, verb_tags, verb_deps=None, verb_pos=None):
    """A sentence "<subject> <verb words> that talks should resume": the last verb word is the head."""
    n = len(subject) + len(verb_words)
    v = n - 1
    words = subject + verb_words + _CLAUSE[0]
    lemmas = subject + verb_lemmas + _CLAUSE[1]
    heads, deps, pos, tags = [], [], [], []
    for i, w in enumerate(subject):
        if i == 0:
            heads.append(v), deps.append("nsubj")
        elif w == "and":
            heads.append(0), deps.append("cc")
        else:
            heads.append(0), deps.append("conj")
        pos.append("CCONJ" if w == "and" else "PROPN"), tags.append("CC" if w == "and" else "NNP")
    for i, _ in enumerate(verb_words):
        heads.append(v), deps.append((verb_deps or ["aux"] * (len(verb_words) - 1) + ["ROOT"])[i])
        pos.append((verb_pos or ["AUX"] * (len(verb_words) - 1) + ["VERB"])[i]), tags.append(verb_tags[i])
    heads += [n + 3, n + 3, n + 3, v]
    return Doc(nlp.vocab, words=words, lemmas=lemmas, heads=heads, deps=deps + _CLAUSE[2],
               pos=pos + _CLAUSE[3], tags=tags + _CLAUSE[4])


def _codes_at(doc, onto, lemma):
    return [[e.cameo for e in m.entries] for m in find_triggers(doc, onto.triggers)
            if m.token.lemma_ == lemma]


@pytest.mark.parametrize("subject, verb, lemma, tag, codes", [
    (["Norway", "and", "Sweden"], ["agree"], ["agree"], ["VBP"], [["030", "081"]]),
    (["Norway", "and", "Sweden"], ["have", "agreed"], ["have", "agree"], ["VBP", "VBN"],
     [["191", "030", "081"]]),
    # one actor: the compound patterns do not apply, the bare verb codes
    (["Norway"], ["agrees"], ["agree"], ["VBZ"], [["081"]]),
    (["Norway"], ["has", "agreed"], ["have", "agree"], ["VBZ", "VBN"], [["081"]]),
], ids=["compound", "compound-with-auxiliary", "single-actor", "single-actor-with-auxiliary"])
def test_petrarch_verbs_compound_actor_patterns_need_a_coordinated_subject(nlp, onto_tabari, subject, verb,
                                                                           lemma, tag, codes):
    doc = _agree(nlp, subject, verb, lemma, tag)
    assert _codes_at(doc, onto_tabari, "agree") == codes


def test_petrarch_verbs_compound_subject_is_inherited_through_a_plural_pronoun(nlp, onto_tabari):
    # "Norway and Sweden said they agree": the reported clause's "they" is the compound actor
    words = ["Norway", "and", "Sweden", "said", "they", "agree"]
    doc = Doc(nlp.vocab, words=words, lemmas=["Norway", "and", "Sweden", "say", "they", "agree"],
              heads=[3, 0, 0, 3, 5, 3], deps=["nsubj", "cc", "conj", "ROOT", "nsubj", "ccomp"],
              pos=["PROPN", "CCONJ", "PROPN", "VERB", "PRON", "VERB"],
              tags=["NNP", "CC", "NNP", "VBD", "PRP", "VBP"])
    assert _codes_at(doc, onto_tabari, "agree") == [["030", "081"]]
    single = Doc(nlp.vocab, words=["Norway", "said", "Sweden", "agrees"],
                 lemmas=["Norway", "say", "Sweden", "agree"], heads=[1, 1, 3, 1],
                 deps=["nsubj", "ROOT", "nsubj", "ccomp"], pos=["PROPN", "VERB", "PROPN", "VERB"],
                 tags=["NNP", "VBD", "NNP", "VBZ"])
    assert _codes_at(single, onto_tabari, "agree") == [["081"]]


def test_petrarch_verbs_compound_actor_is_coded_pairwise(tabari_extractor, onto_tabari):
    text = "Synthetic test sentence. Norway and Sweden agree that the dispute should be settled soon."
    _, coded = _coded(tabari_extractor, text)
    typ = onto_tabari.cameo_to_plover("030")[0]
    assert [(t, c, sorted(s + g)) for t, c, s, g in coded] == [(typ, "030", ["NOR", "SWE"])]


@pytest.mark.parametrize("word, lemma, tag, coded", [
    ("travels", "travel", "VBZ", True),
    ("travelled", "travel", "VBD", True),
    ("traveling", "travel", "VBG", True),
    ("glimmert", "glimmer", "VBD", True),  # a form the dictionary lists
    ("travelles", "travel", "VBZ", False),  # misspelt: the lemmatizer's guess is not PETRARCH's
    ("travelds", "travel", "VBZ", False),
], ids=["s", "ed-doubled", "ing", "listed-irregular", "misspelt-es", "misspelt-ds"])
def test_petrarch_verbs_dictionary_verbs_take_only_their_own_forms(nlp, onto_tabari, word, lemma, tag, coded):
    doc = _verb_doc(nlp, ["Norway", word, "to", "Sweden"], ["Norway", lemma, "to", "Sweden"], [1, 1, 1, 2],
                    ["nsubj", "ROOT", "prep", "pobj"], ["PROPN", "VERB", "ADP", "PROPN"],
                    ["NNP", tag, "IN", "NNP"])
    assert bool(find_triggers(doc, onto_tabari.triggers)) is coded


def test_petrarch_verbs_form_check_leaves_the_packaged_lexicon_alone(nlp, onto):
    # the packaged lexicon codes whatever the lemmatizer calls a verb it knows
    doc = _verb_doc(nlp, ["Norway", "attackes", "Sweden"], ["Norway", "attack", "Sweden"], [1, 1, 1],
                    ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"], ["NNP", "VBZ", "NNP"])
    assert onto.triggers.candidates("attack", "verb") and find_triggers(doc, onto.triggers)


@pytest.mark.parametrize("word, lemma, code", [
    ("ragged", "rag", "111"),
    ("raged", "rag", "112"),  # the lemmatizer's "rag" takes no "raged": the verb whose form it is
], ids=["own-lemma", "lemmatizer-wrong"])
def test_petrarch_verbs_form_picks_the_verb_it_is_a_form_of(nlp, onto_tabari, word, lemma, code):
    doc = _verb_doc(nlp, ["Norway", word, "at", "Sweden"], ["Norway", lemma, "at", "Sweden"], [1, 1, 1, 2],
                    ["nsubj", "ROOT", "prep", "pobj"], ["PROPN", "VERB", "ADP", "PROPN"], ["NNP", "VBD", "IN", "NNP"])
    (match,) = find_triggers(doc, onto_tabari.triggers)
    assert match.entries[0].cameo == code
