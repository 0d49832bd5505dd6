"""Procedure search as a citizen types: no tone marks needed, prefixes, one typo, synonyms.

The index is built once per catalogue. A query is folded (tone marks, đ/Đ and case removed)
and split into words; each word is matched against the indexed words exactly, as a prefix,
or within one edit (for words of three letters or more). A word counts most in a
procedure's name or code, then in the synonyms of its name, then in its field's name, then
in its documents. Phrases and names mostly covered by the query rank higher.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.catalog.procedures import Catalog, Procedure

# How much a word counts, by where it is found.
NAME_WEIGHT = 10.0
CODE_WEIGHT = 10.0
KEYWORD_WEIGHT = 9.0
FIELD_WEIGHT = 3.0
DOCUMENT_WEIGHT = 2.0
# How well a query word matches an indexed word.
EXACT = 1.0
PREFIX = 0.8
TYPO = 0.6
TYPO_MIN_LENGTH = 3
# Bonuses (and FIELD_WEIGHT again), added to the candidates that rank highest on words alone.
NAME_PHRASE_BONUS = 5.0
KEYWORD_PHRASE_BONUS = 8.0
NAME_COVERAGE_BONUS = 2.0
RERANKED = 50
# Arbitrary input is cut to what a person could type on the kiosk.
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40

_LAST_CHARACTER = "\U0010ffff"
_NOTHING = 1e-9
_SEPARATORS = re.compile(r"[\W_]+")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case words without tone marks or other diacritics, đ as d, single-spaced.

    "Xác nhận CƯ TRÚ!" and "xac nhan cu tru" both fold to "xac nhan cu tru".
    """
    # Compatibility forms (𝐀, ｆ) become plain letters before and after case folding.
    decomposed = unicodedata.normalize(
        "NFKD", unicodedata.normalize("NFKD", text).casefold().translate(_D_STROKE)
    )
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare.translate(_D_STROKE)).strip()


@dataclass(frozen=True)
class SearchHit:
    code: str
    score: float


@dataclass(frozen=True)
class _Doc:
    code: str
    names: tuple[str, ...]  # folded names, one per language
    name_words: frozenset[str]
    keyword_phrases: frozenset[str]
    field_words: frozenset[str]


class ProcedureSearch:
    """Ranked search over a catalogue's procedures; build once, query on every keystroke."""

    def __init__(self, catalog: Catalog) -> None:
        self._docs: list[_Doc] = []
        postings: dict[str, dict[int, float]] = {}
        groups = [
            (tuple(fold(t) for t in g.terms if fold(t)), frozenset(g.codes))
            for g in catalog.synonyms
        ]
        field_words: dict[str, frozenset[str]] = {}
        for field in catalog.fields:
            names = [fold(text) for _, text in field.names.texts]
            words = {w for name in names for w in name.split()}
            for terms, _ in groups:
                if any(_contains_phrase(name, term) for name in names for term in terms):
                    words.update(w for term in terms for w in term.split())
            field_words[field.code] = frozenset(words)
        for index, procedure in enumerate(catalog.procedures):
            doc = _index_document(procedure, groups, field_words.get(procedure.field, frozenset()))
            self._docs.append(doc)
            zones: list[tuple[Iterable[str], float]] = [
                ({w for w in _words(procedure.code) if len(w) >= 3}, CODE_WEIGHT),
                (doc.name_words, NAME_WEIGHT),
                ((w for phrase in doc.keyword_phrases for w in phrase.split()), KEYWORD_WEIGHT),
                (doc.field_words, FIELD_WEIGHT),
                (
                    (w for d in procedure.documents for _, t in d.label.texts for w in _words(t)),
                    DOCUMENT_WEIGHT,
                ),
            ]
            for words, weight in zones:
                for word in words:
                    per_doc = postings.setdefault(word, {})
                    if per_doc.get(index, 0.0) < weight:
                        per_doc[index] = weight
        self._postings: Mapping[str, dict[int, float]] = postings
        self._vocabulary = sorted(postings)
        self._near: dict[str, list[str]] = {}
        for word in self._vocabulary:
            for variant in _deletions(word) | {word}:
                self._near.setdefault(variant, []).append(word)
        self._word_matches = functools.lru_cache(maxsize=256)(self._match_word)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best matches first; empty for an empty query or when nothing matches."""
        words = list(dict.fromkeys(w[:MAX_WORD_LENGTH] for w in fold(query).split()))
        words = words[:MAX_QUERY_WORDS]
        if not words or limit <= 0 or not self._docs:
            return []
        # Dense score vectors, summed in C: a keystroke costs a few passes over the catalogue.
        matches = [self._word_matches(word) for word in words]
        totals = matches[0].scores
        for match in matches[1:]:
            totals = list(map(operator.add, totals, match.scores))
        ordered = sorted(totals, reverse=True)
        threshold = max(ordered[min(RERANKED, len(ordered)) - 1], _NOTHING)
        candidates = list(
            itertools.compress(
                range(len(totals)), map(operator.ge, totals, itertools.repeat(threshold))
            )
        )
        # Stable sort: equal scores keep catalogue order.
        candidates.sort(key=totals.__getitem__, reverse=True)
        phrase = " ".join(words)
        matched = [match.terms for match in matches]
        everything_matched = frozenset().union(*matched)
        ranked = sorted(
            (
                (
                    totals[index]
                    + self._bonus(self._docs[index], words, matched, everything_matched, phrase),
                    index,
                )
                for index in candidates[:RERANKED]
            ),
            key=lambda item: (-item[0], item[1]),
        )
        return [
            SearchHit(self._docs[index].code, round(score, 3)) for score, index in ranked[:limit]
        ]

    def _match_word(self, word: str) -> _WordMatch:
        """The indexed words one query word matches, and its best score in each procedure."""
        qualities: dict[str, float] = {}
        start = bisect.bisect_left(self._vocabulary, word)
        end = bisect.bisect_right(self._vocabulary, word + _LAST_CHARACTER, lo=start)
        for candidate in self._vocabulary[start:end]:
            qualities[candidate] = EXACT if candidate == word else PREFIX
        if len(word) >= TYPO_MIN_LENGTH:
            for variant in _deletions(word) | {word}:
                for candidate in self._near.get(variant, ()):
                    if candidate not in qualities and _one_edit_apart(word, candidate):
                        qualities[candidate] = TYPO
        scores = [0.0] * len(self._docs)
        for candidate, quality in qualities.items():
            for index, weight in self._postings[candidate].items():
                score = weight * quality
                if scores[index] < score:  # noqa: PLR1730 (max() costs a call in this hot loop)
                    scores[index] = score
        return _WordMatch(scores, frozenset(qualities))

    @staticmethod
    def _bonus(
        doc: _Doc,
        words: list[str],
        matched: list[frozenset[str]],
        everything_matched: frozenset[str],
        phrase: str,
    ) -> float:
        bonus = 0.0
        if len(words) > 1 and any(
            _contains_phrase(name, phrase, partial_end=True) for name in doc.names
        ):
            bonus += NAME_PHRASE_BONUS
        if phrase in doc.keyword_phrases:
            bonus += KEYWORD_PHRASE_BONUS
        if doc.name_words:
            covered = len(doc.name_words & everything_matched)
            bonus += NAME_COVERAGE_BONUS * covered / len(doc.name_words)
        # Words that also name the procedure's field (or its synonyms) confirm the match.
        in_field = sum(1 for terms in matched if not doc.field_words.isdisjoint(terms))
        return bonus + FIELD_WEIGHT * in_field / len(words)


@dataclass(frozen=True)
class _WordMatch:
    scores: list[float]  # by procedure index, 0.0 where the word does not match
    terms: frozenset[str]  # the indexed words it matches


def _index_document(
    procedure: Procedure,
    groups: list[tuple[tuple[str, ...], frozenset[str]]],
    field_words: frozenset[str],
) -> _Doc:
    names = tuple(fold(text) for _, text in procedure.names.texts)
    keyword_phrases: set[str] = set()
    for terms, codes in groups:
        attached = (
            procedure.code in codes
            if codes
            else any(_contains_phrase(name, term) for name in names for term in terms)
        )
        if attached:
            keyword_phrases.update(terms)
    return _Doc(
        code=procedure.code,
        names=names,
        name_words=frozenset(w for name in names for w in name.split()),
        keyword_phrases=frozenset(keyword_phrases),
        field_words=field_words,
    )


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _contains_phrase(text: str, phrase: str, *, partial_end: bool = False) -> bool:
    """Whether folded `phrase` occurs in folded `text` as whole words (the last may be partial)."""
    padded = f" {text} "
    return f" {phrase}" in padded if partial_end else f" {phrase} " in padded


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    prefix = 0
    while prefix < len(a) and a[prefix] == b[prefix]:
        prefix += 1
    if len(a) < len(b):
        return a[prefix:] == b[prefix + 1 :]
    if a[prefix + 1 :] == b[prefix + 1 :]:
        return True
    # Here a and b differ before their last letter (else the test above said yes).
    return (
        a[prefix] == b[prefix + 1]
        and a[prefix + 1] == b[prefix]
        and a[prefix + 2 :] == b[prefix + 2 :]
    )
