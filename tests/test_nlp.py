"""The pipeline :func:`kg.nlp.make_nlp` builds loads less than spaCy's defaults would (the
disabled components, the entity ruler's phrases through the whole pipeline) and annotates
text exactly as the pipeline built the plain way does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import default_model, disabled_components, make_nlp
from tests.conftest import SEED

SENTENCES = (
    "Secretary of State Mike Pompeo met Qatar's Foreign Minister Sheikh Mohammed bin "
    "Abdulrahman Al Thani in Doha on Tuesday, the State Department said.",
    "The Taliban and NATO officials held talks with the UN envoy; the Minister of Defence "
    "Jo Park, a Vice-President of the EU, said Hamas had not joined them.",
)


def _plain_nlp() -> Language:
    """The pipeline as built before: every packaged component loaded, the entity ruler's
    phrases run through every enabled component."""
    import kg.rules  # noqa: F401  (registers our factories)

    nlp = spacy.load(default_model())
    nlp.add_pipe("dip_homographs", first=True)
    nlp.add_pipe("dip_paragraphs", before="parser")
    nlp.add_pipe("dip_entities", before="ner")
    nlp.add_pipe("dip_names", after="ner")
    nlp.add_pipe("dip_triggers", last=True)
    return nlp


def _annotations(doc: Doc) -> list[tuple[object, ...]]:
    tokens = [(t.i, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_,
               t.ent_type_, t.is_sent_start) for t in doc]
    spans = sorted((key, s.start, s.end, s.label_) for key, group in doc.spans.items()
                   for s in group)
    return [*tokens, *spans]


def test_nlp_leaves_out_the_components_the_package_disables(nlp: Language) -> None:
    meta = spacy.util.get_package_path(default_model()) / "meta.json"
    disabled = json.loads(meta.read_text(encoding="utf-8")).get("disabled", [])
    assert disabled_components(default_model()) == disabled
    assert disabled, "the default English pipeline disables its senter"
    assert not set(disabled) & set(nlp.component_names)
    assert {"parser", "ner", "dip_entities", "dip_triggers"} <= set(nlp.pipe_names)


@pytest.mark.parametrize("model", ["no_such_model_xyz", "/nonexistent/folder"])
def test_nlp_disabled_components_of_an_unknown_model_are_none(model: str) -> None:
    assert disabled_components(model) == []


def test_nlp_disabled_components_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps({"disabled": ["senter", 3]}))
    assert disabled_components(str(tmp_path)) == ["senter"]
    (tmp_path / "meta.json").write_text("{not json")
    assert disabled_components(str(tmp_path)) == []


def test_nlp_ruler_phrases_are_made_by_the_tokenizer_alone(nlp: Language) -> None:
    ruler = nlp.get_pipe("dip_entities")
    phrases = [doc for docs in ruler.phrase_patterns.values() for doc in docs]
    assert len(phrases) > 100
    assert not any(doc.has_annotation("TAG") or doc.has_annotation("DEP") for doc in phrases)


def test_nlp_annotates_as_the_plain_pipeline(nlp: Language) -> None:
    plain = _plain_nlp()
    assert [n for n in plain.pipe_names] == nlp.pipe_names
    ours, theirs = nlp.get_pipe("dip_entities"), plain.get_pipe("dip_entities")
    assert ours.patterns == theirs.patterns
    assert {k: [[t.lower_ for t in d] for d in v] for k, v in ours.phrase_patterns.items()} \
        == {k: [[t.lower_ for t in d] for d in v] for k, v in theirs.phrase_patterns.items()}
    texts = [*SENTENCES, SEED.read_text(encoding="utf-8")]
    for mine, reference in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
        assert _annotations(mine) == _annotations(reference)


def test_nlp_make_nlp_names_an_unknown_model() -> None:
    from kg.model import KGError

    with pytest.raises(KGError, match="no_such_model_xyz"):
        make_nlp("no_such_model_xyz")


def test_nlp_a_gallery_counter_ends_its_own_sentence(nlp: Language) -> None:
    """ "Hide Caption 5 of 9 Photos: A and B share a laugh": the caption after the counter
    is a sentence of its own, as the parser reads it best."""
    doc = nlp("The trip\n\nHide Caption 5 of 9 Photos: Anna Keller and Peter Hansen share a "
              "laugh during a meeting on May 21. Hide Caption 6 of 9 Photos: A crowd waits.")
    assert [s.text.strip() for s in doc.sents if "Keller" in s.text] == [
        "Anna Keller and Peter Hansen share a laugh during a meeting on May 21."]


def test_nlp_may_is_a_surname_after_a_given_name_and_in_her_article(nlp: Language) -> None:
    """ "Theresa May" is a person's name, and so is a later "May" in her article; "in May",
    "the May 2017 vote" and "April and May" stay months, and "may" a modal."""
    doc = nlp("Theresa May and Lars Berg hold talks in Oslo. In May, May said the May 2017 "
              "vote of April and May may be lost.")
    mays = [t for t in doc if t.lower_ == "may"]
    assert [t.norm_ for t in mays] == ["smith", "may", "smith", "may", "may", "may"]
    assert mays[0].pos_ == "PROPN" and mays[0].ent_type_ == "PERSON"
    assert [t.text for t in doc if t.dep_ == "nsubj" and t.head.lower_ == "hold"] == ["May"]
