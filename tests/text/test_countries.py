"""Countries and their adjectives from CLDR (babel): in each language read, none shared by two countries."""

from __future__ import annotations

from summarizer.text.countries import country_forms, country_words
from summarizer.text.normalize import fold
from summarizer.text.places import place_groups, place_key


def test_a_country_is_found_under_its_name_and_adjective_in_every_language_read():
    spain = next(forms for forms in country_forms() if forms[0] == "Spain")
    for form in (
        "España",
        "Espagne",
        "Spanien",
        "Hiszpania",
        "Spanish",
        "española",
        "espagnols",
        "spanischen",
    ):
        assert fold(form) in {fold(f) for f in spain}, form
    # The hand-written lines and CLDR's join under the English name: one place, one key for the merge.
    assert [group[0] for group in place_groups()[place_key("España")]] == ["Spain"]


def test_a_language_is_the_adjective_of_one_country_only():
    forms = {f for group in country_forms() for f in group}
    # 'Portuguese' is no adjective of Brazil, nor 'Spanish' of Mexico, nor 'French' of French Guiana.
    brazil = next(group for group in country_forms() if group[0] == "Brazil")
    assert "Portuguese" not in brazil
    assert "French" in next(group for group in country_forms() if group[0] == "France")
    owners: dict[str, set[str]] = {}
    for group in country_forms():
        for form in group:
            owners.setdefault(fold(form), set()).add(group[0])
    assert all(len(names) == 1 for names in owners.values())
    assert "Congo - Kinshasa" not in forms


def test_the_glossary_of_a_language_holds_its_countries_and_adjectives():
    spanish = country_words("es")
    assert "franceses" in spanish["french"] and spanish["germany"] == ("alemania",)
    assert country_words("en") == {} and country_words("xx") == {}
