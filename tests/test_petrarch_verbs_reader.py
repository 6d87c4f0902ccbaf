"""PETRARCH/TABARI verb dictionaries read into trigger entries (events.petrarch_verbs).

The dictionaries here are synthetic, written for these tests; a few verbs are invented words.
"""
from __future__ import annotations

import pytest

from newsgraph.errors import InputError, KnowledgeBaseError
from newsgraph.events.petrarch_verbs import (is_verb_form, looks_like_verb_dictionary, read_verb_dictionary,
                                             to_triggers, verb_keys)

SYNTHETIC = """\
<!-- synthetic verb dictionary for the newsgraph tests
     (a comment over two lines) -->
&METALS_
+TIN
+COPPER_ORE
&GIFTS
+GRAIN
+BLANKETS
+&METALS   # an embedded set, defined above

--- SERENADE  [051] ---
SERENADE
+CHEER_ON [041]
- * (TO)  [042:043]          # a prepositional target
- * &GIFTS  [070]            # synonym set expanded
- + * FROM $  [073]          # the subject receives
- SAID *  [023]              # words before the verb
- * WITH %  [040]            # compound actor after 'with'
- * FIRST SECOND THIRD [111] # more words than the matcher checks
- * NOTHING  [---]           # null code
- % *  [030:030]             # only actor marks
- * GLOOM  [345]             # a code without a PLOVER type
- * AT ^ +  [112]            # the target after 'at'
~ a (a b SERENADE) SAY = a b 112

--- MEET  [040:040] ---
MEET {MET MEETS MEETING}

--- GLARBED  [---] ---
GLARBED
- * DIPLOMATIC TIES  [064]
"""


@pytest.fixture()
def dictionary(tmp_path):
    path = tmp_path / "synthetic.verbs.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return path


@pytest.fixture()
def converted(dictionary, onto):
    return to_triggers(read_verb_dictionary(dictionary), onto.cameo_to_plover, onto.triggers)


def _entries(trigs, lemma, requires=()):
    return [t for t in trigs if t.lemma == lemma and t.requires == tuple(requires) and not t.before
            and not t.compound_subject]


def test_petrarch_verbs_reads_blocks_synsets_and_patterns(dictionary):
    vd = read_verb_dictionary(dictionary)
    assert [b.name for b in vd.blocks] == ["SERENADE", "MEET", "GLARBED"]
    assert vd.synsets["METALS"] == [("tin",), ("copper", "ore")]
    assert vd.synsets["GIFTS"] == [("grain",), ("blankets",), ("tin",), ("copper", "ore")]
    serenade = vd.blocks[0]
    assert [v.words for v in serenade.verbs] == [["serenade"], ["cheer", "on"]]
    assert serenade.verbs[1].code == "041"
    assert len(serenade.patterns) == 10
    assert serenade.patterns[2].before == ["+"] and serenade.patterns[2].after == ["FROM", "$"]
    assert vd.transformations == 1
    assert vd.blocks[1].verbs[0].irregular


def test_petrarch_verbs_bare_verbs_take_the_block_or_their_own_code(converted, onto):
    trigs, _ = converted
    (bare,) = _entries(trigs, "serenade")
    assert (bare.type, bare.cameo) == (onto.cameo_to_plover("051")[0], "051")
    (cheer,) = _entries(trigs, "cheer", ["on"])
    assert (cheer.type, cheer.cameo) == (onto.cameo_to_plover("041")[0], "041")
    # a null block code codes nothing alone: the verb is listed, so it blocks what the packaged
    # lexicon would code for it
    assert [t.blocks for t in _entries(trigs, "glarbed") + _entries(trigs, "glarb")] == [True, True]


def test_petrarch_verbs_patterns_become_required_words(converted, onto):
    trigs, _ = converted
    (to,) = _entries(trigs, "serenade", ["to"])
    assert to.cameo == "042" and to.target[0] == "to" and to.frame == "agent"
    gifts = {t.requires for t in trigs if t.lemma == "serenade" and t.cameo == "070"}
    # every member of the set (the embedded one too), plurals also under their singular
    assert {("grain",), ("blankets",), ("blanket",), ("tin",), ("copper", "ore")} <= gifts
    # patterns apply to every verb of the block, after the verb's own particle
    assert _entries(trigs, "cheer", ["on", "grain"])[0].cameo == "070"
    ties = _entries(trigs, "glarb", ["diplomatic", "tie"])
    ties += _entries(trigs, "glarbed", ["diplomatic", "ties"])
    assert {t.type for t in ties} == {onto.cameo_to_plover("064")[0]}


@pytest.mark.parametrize("requires, frame, target", [
    (("from",), "receive", ("from",)),   # + * FROM $
    (("with",), "symmetric", ("with",)),  # * WITH %
    (("at",), "agent", ("at",)),  # * AT ^ +
])
def test_petrarch_verbs_frame_and_target_from_actor_marks(converted, requires, frame, target):
    trigs, _ = converted
    (entry,) = _entries(trigs, "serenade", requires)
    assert (entry.frame, entry.target) == (frame, target)


def test_petrarch_verbs_pair_code_of_one_code_is_symmetric(converted):
    trigs, _ = converted
    (meet,) = _entries(trigs, "meet")
    assert meet.frame == "symmetric" and meet.cameo == "040"


def test_petrarch_verbs_counts_by_kind_and_what_it_skips(converted):
    _, report = converted
    assert report.patterns == 11
    assert report.converted == {"words after the verb": 6, "words before the verb": 1,
                                "three or more words after the verb, in order": 1, "do not code": 2,
                                "compound actor before the verb": 1}
    assert dict(report.skipped) == {}
    assert report.transformations == 1
    assert (report.verbs, report.verbs_converted, report.verbs_blocking) == (4, 3, 1)
    # "* (TO) [042:043]": 043 is coded for the reverse direction
    assert (report.both_ways, report.one_way) == (1, 0)
    assert report.patterns_converted == 11
    assert report.share == pytest.approx(1.0)
    text = report.render()
    assert "11/11" in text and "do not code 2" in text and "1 pair codes coded both ways" in text
    assert report.to_json()["pair_codes_coded_both_ways"] == 1


def test_petrarch_verbs_words_before_the_verb_are_preceding_words(converted, onto):
    trigs, _ = converted
    (said,) = [t for t in trigs if t.lemma == "serenade" and t.before]
    assert (said.before, said.requires, said.cameo) == (("said",), (), "023")
    # a pattern that only adds a word before the verb outranks the bare verb
    assert said.weight > _entries(trigs, "serenade")[0].weight


def test_petrarch_verbs_long_patterns_check_the_words_in_order(converted):
    trigs, _ = converted
    (long,) = [t for t in trigs if t.lemma == "serenade" and len(t.after) > 2]
    assert long.requires == ("first", "second") and long.after == (("first",), ("second",), ("third",))
    assert long.weight == 3


@pytest.mark.parametrize("requires, reason", [
    (("nothing",), "null code"),
    (("gloom",), "code without a PLOVER type"),
])
def test_petrarch_verbs_uncodable_patterns_become_blocking_entries(converted, requires, reason):
    trigs, _ = converted
    (entry,) = _entries(trigs, "serenade", requires)
    assert entry.blocks and entry.type == "" and entry.cameo == ""


@pytest.mark.parametrize("word, base_given, keys", [
    ("said", False, [("said", True), ("say", False)]),  # irregular table
    ("urging", False, [("urging", True), ("urg", False), ("urge", False)]),  # regular guesses
    ("repelled", False, [("repelled", True), ("repell", False), ("repelle", False), ("repel", False)]),
    ("meet", True, [("meet", False)]),  # base form given with {irregular forms}
    ("serenade", False, [("serenade", False)]),
])
def test_petrarch_verbs_inflected_verbs_keep_their_form_and_gain_bases(word, base_given, keys):
    assert verb_keys(word, base_given) == keys


def test_petrarch_verbs_inflected_block_verb_is_a_surface_entry(converted):
    trigs, _ = converted
    assert all(t.surface for t in trigs if t.lemma == "glarbed")
    assert not any(t.surface for t in trigs if t.lemma in ("glarb", "serenade"))


@pytest.mark.parametrize("text, line, problem", [
    ("- * TIN [070]\n", 1, "before any"),  # a pattern outside a block
    ("# header\n+TIN\n", 2, "before any"),  # a '+' line outside a block or set
    ("--- X [010] ---\nX\n<!-- never closed\n", 3, "never closed"),
    ("--- X [010] ---\n+CHEER_+ON\n", 2, "more than one '+'"),
    ("--- X [010] ---\nX [010\n", 2, "unbalanced"),
])
def test_petrarch_verbs_errors_name_file_and_line(tmp_path, text, line, problem):
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_verb_dictionary(path)
    assert isinstance(info.value, KnowledgeBaseError)
    assert info.value.ref == f"{path}:{line}" and problem in str(info.value)


def test_petrarch_verbs_malformed_pattern_is_counted_not_fatal(tmp_path, onto):
    path = tmp_path / "odd.txt"
    text = "--- X [010] ---\nSERENADE\n- * (WITH VISIT) VISIT) [040]\n- * [###] \n"
    path.write_text(text, encoding="utf-8")
    _, report = to_triggers(read_verb_dictionary(path), onto.cameo_to_plover)
    assert report.skipped["malformed pattern: unbalanced brackets"] == 1
    assert report.skipped["pattern without a [code]"] == 1


@pytest.mark.parametrize("name, text, expected", [
    ("mine.txt", "anything\n", True),
    ("mine.verbs", "--- SERENADE [051] ---\nSERENADE\n", True),
    ("mine.dict", "SERENADE\n- * TIN [070]\n", True),
    ("mine.dict", "groups:\n  - {type: AID, verbs: [give]}\n", False),
    ("mine.yaml", "--- SERENADE [051] ---\n", False),
])
def test_petrarch_verbs_detects_the_format(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert looks_like_verb_dictionary(path) is expected


def test_petrarch_verbs_pair_code_keeps_the_reverse_code(converted, onto):
    trigs, _ = converted
    (to,) = _entries(trigs, "serenade", ["to"])
    # "* (TO) [042:043]": 042 from the subject to the target, 043 from the target back
    assert (to.cameo, to.reverse) == ("042", ("043", *onto.cameo_to_plover("043")[:2]))
    assert to.reverse[1] and to.reverse[1] == onto.cameo_to_plover("043")[0]
    # [040:040] is one symmetric event, not two
    (meet,) = _entries(trigs, "meet")
    assert meet.reverse is None and meet.frame == "symmetric"


def test_petrarch_verbs_pair_code_without_a_reverse_type_is_coded_one_way(tmp_path, onto):
    path = tmp_path / "pairs.txt"
    path.write_text("# synthetic\n--- SERENADE [051:345] ---\nSERENADE\n- * TIN [070:---]\n",
                    encoding="utf-8")
    trigs, report = to_triggers(read_verb_dictionary(path), onto.cameo_to_plover)
    assert trigs and all(t.reverse is None for t in trigs)
    # 345 has no PLOVER type: one way; '---' is no code at all
    assert (report.both_ways, report.one_way) == (0, 1)
    assert "0 pair codes coded both ways (1 one way" in report.render()


def test_petrarch_verbs_compound_actor_before_the_verb_is_a_condition(converted):
    trigs, _ = converted
    # "- % * [030:030]": no words, but the subject must be a compound actor, coded pairwise
    (compound,) = [t for t in trigs if t.lemma == "serenade" and t.compound_subject]
    assert (compound.requires, compound.before, compound.cameo, compound.frame) == (
        (), (), "030", "symmetric")
    (bare,) = _entries(trigs, "serenade")
    assert compound.weight > bare.weight and not bare.compound_subject and compound.conditioned


def test_petrarch_verbs_compound_actor_with_auxiliaries(tmp_path, onto):
    path = tmp_path / "compound.txt"
    path.write_text("# synthetic\n--- SERENADE [051] ---\nSERENADE\n- % HAVE * [191]\n- % * TIN [070]\n"
                    "- * TIN [071]\n", encoding="utf-8")
    trigs, report = to_triggers(read_verb_dictionary(path), onto.cameo_to_plover)
    have = [t for t in trigs if t.before == ("have",)]
    assert have and all(t.compound_subject and t.cameo == "191" for t in have)
    # the same words with and without '%' are two entries: the compound one first
    tin = sorted((t for t in trigs if t.lemma == "serenade" and t.requires == ("tin",)),
                 key=lambda t: -t.weight)
    assert [(t.cameo, t.compound_subject) for t in tin] == [("070", True), ("071", False)]
    assert report.converted["compound actor before the verb"] == 2


def test_petrarch_verbs_listed_irregular_forms_are_kept(converted):
    trigs, _ = converted
    (meet,) = _entries(trigs, "meet")
    assert meet.forms == ("met", "meets", "meeting")


@pytest.mark.parametrize("form, lemma", [
    ("goes", "go"), ("does", "do"), ("echoes", "echo"), ("stopped", "stop"), ("tried", "try"),
    ("made", "make"), ("taking", "take"), ("agreeing", "agree"), ("dying", "die"), ("panicked", "panic"),
    ("travelled", "travel"), ("traveled", "travel"), ("fixes", "fix"), ("levies", "levy"),
    ("withdrew", "withdraw"), ("upheld", "uphold"),
    ("meet", "meet"), ("left", "leave"),
])
def test_petrarch_verbs_real_verb_forms_are_forms(form, lemma):
    assert is_verb_form(form, lemma)


@pytest.mark.parametrize("form, lemma", [
    ("departes", "depart"), ("stoped", "stop"), ("meetted", "meet"), ("tryed", "try"), ("arrivs", "arrive"),
])
def test_petrarch_verbs_misspelt_forms_are_not_forms(form, lemma):
    assert not is_verb_form(form, lemma)


def test_petrarch_verbs_listed_forms_count_as_forms():
    assert not is_verb_form("glimmert", "glimmer") and is_verb_form("glimmert", "glimmer", ("glimmert",))
