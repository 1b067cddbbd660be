"""A word the article writes only as someone's given name (grounding/given.py) is no surname."""

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.given import only_given_names


def test_a_given_name_before_a_surname_is_no_surname():
    facts = ArticleFacts.of(
        "President Emmanuel Macron spoke inside Notre Dame. (Philippe Wojazer/Pool/Reuters) The Civil "
        "Guard closed the roads. Later, Macron left."
    )
    assert only_given_names(["philippe"], facts)  # a photographer's given name
    assert not only_given_names(["macron"], facts)  # a surname, alone at last
    assert not only_given_names(["civil"], facts)  # 'Civil Guard' names a body
