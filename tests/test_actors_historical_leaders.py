"""Office holders back to about 1980 (actors/data/office_holders.csv): a name is coded by the
state the person led on the article's date, and a lone surname names an office holder only
around their time in office. Sentences are synthetic, written for these tests, and neutral."""
from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.persons import _near_office
from newsgraph.records import Article


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.mark.parametrize("role, code, when, name", [
    pytest.param("Prime Minister", "GBR", date(1995, 1, 1), "John Major", id="uk_1990s"),
    pytest.param("Chancellor", "DEU", date(1990, 6, 1), "Helmut Kohl", id="germany_reunification_era"),
    pytest.param("Foreign Minister", "CHN", date(2000, 1, 1), "Tang Jiaxuan", id="china_foreign_minister"),
    pytest.param("President", "FRA", date(2005, 1, 1), "Jacques Chirac", id="france_2000s"),
    pytest.param("Secretary of State", "USA", date(1998, 1, 1), "Madeleine Albright", id="us_secretary_of_state"),
    pytest.param("President", "RUS", date(1995, 1, 1), "Boris Yeltsin", id="russia_1990s"),
    pytest.param("Secretary-General", "UN", date(2000, 1, 1), "Kofi Annan", id="un_secretary_general"),
    pytest.param("President", "KEN", date(1995, 1, 1), "Daniel arap Moi", id="conflict_news_state_kenya"),
    pytest.param("President", "HTI", date(1992, 1, 1), None, id="gap_between_terms_names_no_one"),
])
def test_actors_historical_leaders_holder_on_a_date(kb, role, code, when, name):
    holder = kb.holder(role, code, when)
    assert (holder.name if holder else None) == name


@pytest.mark.parametrize("alias, when, name, code", [
    pytest.param("President Bush", date(1990, 5, 1), "George H. W. Bush", "USA", id="first_bush"),
    pytest.param("President Bush", date(2004, 5, 1), "George W. Bush", "USA", id="second_bush"),
    pytest.param("Eduard Shevardnadze", date(1988, 1, 1), "Eduard Shevardnadze", "RUS", id="soviet_minister_codes_as_russia"),
    pytest.param("Eduard Shevardnadze", date(1998, 1, 1), "Eduard Shevardnadze", "GEO", id="later_georgian_president"),
    pytest.param("Vladimir Putin", date(2010, 1, 1), "Vladimir Putin", "RUS", id="prime_minister_term"),
])
def test_actors_historical_leaders_person_on_a_date(kb, alias, when, name, code):
    entry = kb.person(alias, when)
    assert (entry.name, entry.code) == (name, code)
    assert entry.in_office(when)


def test_actors_historical_leaders_shared_surname_is_ambiguous_without_a_date(kb):
    # two Bushes: without a date a lone "Bush" is not pinned on either
    assert len(kb.persons_by_surname("Bush")) == 2


def test_actors_historical_leaders_surname_only_near_the_term(kb):
    brown = next(e for e in kb.persons_by_surname("Brown") if e.name == "Gordon Brown")
    assert _near_office(brown, date(2008, 1, 1))
    assert _near_office(brown, date(2012, 1, 1))  # a recent former leader is still news
    assert not _near_office(brown, date(1990, 1, 1))
    assert not _near_office(brown, date(2024, 1, 1))
    assert _near_office(brown, None)


def _persons(extractor, text: str, when: date) -> dict[str, str | None]:
    ex = extractor.extract(Article(id="synthetic", text=text, published=when))
    return {a.name: a.code for a in ex.actors if a.kind == "person"}


def test_actors_historical_leaders_lone_surname_resolved_by_date(extractor):
    # synthetic and hypothetical: only surnames; the date decides which office holders they are
    found = _persons(extractor, "Chirac could meet Kohl in Bonn next month.", date(1996, 3, 4))
    assert found.get("Chirac") == "FRA"
    assert found.get("Kohl") == "DEU"


def test_actors_historical_leaders_full_name_out_of_office_keeps_nationality(extractor):
    found = _persons(extractor, "Former president Hosni Mubarak could speak in Cairo next month.", date(2016, 3, 7))
    assert found.get("Hosni Mubarak") == "EGY"
