"""Gold JSONL -> precision, recall and F1 for meeting pairs, posts and speakers.

The gold format is the one of ``shared/eval/dev/meetings.jsonl``: one record per article with
``doc`` (a path relative to the documents folder), ``meetings`` (``participants``, optional
``status``), ``roles`` (``person``, ``role``) and ``said`` (``speaker``).

Scoring, per article:

- a meeting gives every unordered pair of its participants; planned or negated meetings
  give no pairs, on either side;
- names match when all tokens of the shorter are in the longer, ignoring titles ("Pompeo"
  matches "Mike Pompeo"), accents, hyphens, initials and common transliterations
  ("Kim Jong-un" is "Kim Jong Un", "Sergey" is "Sergei": :func:`kg.names.name_tokens`);
  countries match through ISO 3166 ("British" is "Britain");
- posts are (person, title) pairs, titles matched by the same token rule;
- speakers are the people reported as saying something, once per article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg import gazetteer
from kg.engine import process
from kg.mentions import HONORIFICS
from kg.model import Article, KGError, Resolution
from kg.names import name_tokens
from kg.read import InputProblem, read_article
from kg.resolve import GROUP_FORMS
from kg.rules import CONTACT_VERBS, MEET_NOUNS, MEET_VERBS, TALK_VERBS, VISIT_VERBS
from kg.syntax import CLOSING

_KEEP = frozenset({"lord", "baroness", "lady", "mullah", "sheikh", "king", "queen", "prince"})


class GoldError(KGError):
    """The gold file is missing or malformed."""


@dataclass(frozen=True)
class Score:
    tp_pred: int
    predicted: int
    tp_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp_pred + other.tp_pred, self.predicted + other.predicted,
                     self.tp_gold + other.tp_gold, self.gold + other.gold)


@dataclass
class Report:
    """Scores by measure, and the mistakes behind them (for tuning)."""

    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "scores": {k: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                           "f1": round(s.f1, 4), "predicted": s.predicted, "gold": s.gold,
                           "true_positives": s.tp_pred}
                       for k, s in self.scores.items()},
        }

    def to_text(self) -> str:
        lines = [f"{'measure':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'pred':>7}{'gold':>7}"]
        for k, s in self.scores.items():
            lines.append(f"{k:<14}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                         f"{s.predicted:>7}{s.gold:>7}")
        lines.append(f"({self.documents} documents)")
        return "\n".join(lines)

    def errors_text(self) -> str:
        """The errors, meeting pairs grouped by why (counts first), then the others."""
        why: dict[tuple[str, str], int] = {}
        for e in self.errors:
            if "why" in e:
                why[e["kind"], e["why"]] = why.get((e["kind"], e["why"]), 0) + 1
        shapes: dict[tuple[str, str, str], int] = {}
        for e in self.errors:
            if "shape" in e:
                key = (e["kind"], e["why"], e["shape"])
                shapes[key] = shapes.get(key, 0) + 1
        lines = []
        for (kind, reason), n in sorted(why.items()):
            lines.append(f"{n:>4}  {kind}: {reason}")
            lines += [f"{m:>10}  {shape}" for (k, r, shape), m in sorted(
                shapes.items(), key=lambda kv: (-kv[1], kv[0])) if (k, r) == (kind, reason)]
        ordered = sorted(self.errors, key=lambda e: (e["measure"], e["kind"], e.get("why", "")))
        for e in ordered:
            label = f"{e['kind']} ({e['why']})" if "why" in e else e["kind"]
            lines.append(f"{label:<34} {e['measure']:<14} {e['doc']}  {e['value']}")
        return "\n".join(lines)


def name_key(name: str) -> str | frozenset[str]:
    """A comparable form of a name: a country's ISO code, else its tokens without titles;
    one form for each group of leading economies ("G-20", "G20", "Group of 20")."""
    name = GROUP_FORMS.get(name.strip().lower(), name)
    c = gazetteer.country(name)
    if c is not None:
        return c.iso3
    words = list(name_tokens(name.replace("’", "'").replace("'s ", " ")))
    core = [w for w in words if w not in HONORIFICS or w in _KEEP]
    return frozenset(core or words)


def names_match(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if isinstance(ka, str) or isinstance(kb, str):
        return ka == kb
    if not ka or not kb:
        return False
    return ka <= kb or kb <= ka


def match_items(pred: Sequence[Any], gold: Sequence[Any], same: Callable[[Any, Any], bool]
           ) -> tuple[int, int, list[Any], list[Any]]:
    """Greedy one-to-one matching; returns matched counts and the unmatched of each side."""
    used: set[int] = set()
    fp: list[Any] = []
    for p in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(p, g)), None)
        if hit is None:
            fp.append(p)
        else:
            used.add(hit)
    fn = [g for i, g in enumerate(gold) if i not in used]
    return len(pred) - len(fp), len(used), fp, fn


def pairs_match(p: tuple[str, str], g: tuple[str, str]) -> bool:
    return (names_match(p[0], g[0]) and names_match(p[1], g[1])) or (
        names_match(p[0], g[1]) and names_match(p[1], g[0]))


def posts_match(p: tuple[str, str], g: tuple[str, str]) -> bool:
    if not names_match(p[0], g[0]):
        return False
    pt, gt = _title_words(p[1]), _title_words(g[1])
    return bool(pt and gt) and (pt <= gt or gt <= pt)


def _title_words(title: str) -> set[str]:
    """A title's words; a hyphen joins words like a space ("ex-foreign secretary" is
    "Ex Foreign Secretary", the spelling kg gives every post)."""
    return set(re.findall(r"\w+", title.lower())) - {"the", "of", "a"}


_SAME: dict[str, Callable[[Any, Any], bool]] = {
    "meeting pairs": pairs_match, "posts": posts_match, "speakers": names_match}


def unique_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in pairs:
        if p[0] != p[1] and not any(pairs_match(p, q) for q in out):
            out.append(p)
    return out


def _same_sentence(a: str, b: str) -> bool:
    """Two renderings of one sentence (whitespace and quotes aside; one may be a part)."""
    x, y = " ".join(a.split()).strip(" \"“”"), " ".join(b.split()).strip(" \"“”")
    return bool(x and y) and (x in y or y in x)


def _has_pair(names: Sequence[str], pair: tuple[str, str]) -> bool:
    return any(pairs_match(pair, q) for q in combinations(names, 2))


def error_kind(kind: str, pair: tuple[str, str], ours: Sequence[dict[str, Any]],
               gold: Sequence[dict[str, Any]]) -> str:
    """Why a meeting pair is wrong, for ``kg evaluate --errors``.

    ``ours`` and ``gold`` are one article's meetings as dicts with ``participants`` (names),
    ``evidence`` (the sentence) and ``status``.  A missed pair is a ``realis`` error when we
    have the pair but not as happened, ``no trigger`` when we found no meeting in the
    sentence the annotator took it from, else ``missed argument``.  A false positive is
    ``realis`` when the gold has the pair as planned, ``wrong participant`` when the gold has
    another meeting in that sentence, else ``not a meeting``.

    Examples
    --------
    >>> gold = [{"participants": ["Ann Lee", "Bo Kim"], "evidence": "Lee met Kim."}]
    >>> error_kind("missed", ("Ann Lee", "Bo Kim"), [], gold)
    'no trigger'
    """
    if kind == "missed":
        sentences = [g.get("evidence", "") for g in gold
                     if g.get("status", "asserted") == "asserted"
                     and _has_pair(g["participants"], pair)]
        if any(_has_pair(m["participants"], pair) and m["status"] != "asserted" for m in ours):
            return "realis"
        if any(_same_sentence(m["evidence"], s) for m in ours for s in sentences):
            return "missed argument"
        return "no trigger"
    sentences = [m["evidence"] for m in ours
                 if m["status"] == "asserted" and _has_pair(m["participants"], pair)]
    if any(g.get("status", "asserted") != "asserted" and _has_pair(g["participants"], pair)
           for g in gold):
        return "realis"
    if any(_same_sentence(g.get("evidence", ""), s) for g in gold for s in sentences):
        return "wrong participant"
    return "not a meeting"


def miss_shape(pair: tuple[str, str], gold: Sequence[dict[str, Any]]) -> str:
    """What a missed pair's gold meeting looks like, for the grouped errors: a joint
    meeting (three or more participants) or a pair, a call or not, how many of the two
    sides are named in its evidence sentence (none or one: coreference or bridging needed),
    and whether that sentence lacks closing punctuation (a caption or a headline).

    >>> gold = [{"participants": ["Ann Lee", "Bo Kim"], "evidence": "She met Kim."}]
    >>> miss_shape(("Ann Lee", "Bo Kim"), gold)
    'pair, one side named in the sentence, a meeting word in it'
    """
    for g in gold:
        if g.get("status", "asserted") == "asserted" and _has_pair(g["participants"], pair):
            named = sum(1 for name in pair if _named_in(name, g.get("evidence", "")))
            size = "joint meeting" if len(g["participants"]) > 2 else "pair"
            call = ", call" if g.get("mode") == "call" else ""
            sides = ("no side", "one side", "both sides")[named]
            bare = "" if g.get("evidence", "").rstrip().endswith(CLOSING) else \
                ", no closing punctuation"  # a caption or headline line
            word = ", a meeting word in it" if _meeting_word(g.get("evidence", "")) else \
                ", no meeting word"  # grammar to extend, or vocabulary
            return f"{size}{call}, {sides} named in the sentence{bare}{word}"
    return "unknown"


_MEETING_STEMS = frozenset(w.rstrip("e") for w in (
    *MEET_VERBS, *TALK_VERBS, *VISIT_VERBS, *CONTACT_VERBS, *MEET_NOUNS))


def _meeting_word(sentence: str) -> bool:
    """Whether a sentence holds a word of our meeting vocabulary (any inflection)."""
    return any(w.lower().rstrip("sd").rstrip("e").removesuffix("ing") in _MEETING_STEMS
               or w.lower() in {"met", "spoke", "spoken", "shook", "sat", "held talks"}
               for w in re.findall(r"[A-Za-z]+", sentence))


def _named_in(name: str, sentence: str) -> bool:
    """Whether a gold name occurs in a sentence: one of its words for a person, the country
    under any of its names or demonyms (one or two words) for a country."""
    c = gazetteer.country(name)
    if c is not None:
        raw = re.findall(r"[\w.-]+", sentence)
        grams = raw + [f"{a} {b}" for a, b in pairwise(raw)]
        found = (gazetteer.country(g) for g in grams if g[:1].isupper())
        return any(k is not None and k.iso3 == c.iso3 for k in found)
    words = set(name_tokens(sentence.replace("’", "'")))
    key = [w for w in name_tokens(name) if w not in HONORIFICS]
    return any(w in words for w in key if len(w) > 2 or len(key) == 1)


def our_meetings(res: Resolution) -> list[dict[str, Any]]:
    """One article's meetings as names, sentence and status (for :func:`error_kind`)."""
    ent = res.entity_of
    return [{"participants": [ent[p].label for p in m.participants],
             "evidence": m.evidence.sentence, "status": m.status}
            for m in res.extraction.meetings]


def predicted(res: Resolution) -> dict[str, list[Any]]:
    """Our facts of one article in the gold's terms."""
    ex, ent = res.extraction, res.entity_of
    pairs = unique_pairs(
        tuple(sorted((ent[a].label, ent[b].label)))  # type: ignore[misc]
        for m in ex.meetings if m.status == "asserted"
        for a, b in combinations(m.participants, 2) if ent[a].key != ent[b].key)
    posts = list({(ent[f.person].label, f.title) for f in ex.posts})
    speakers = sorted({ent[s.speaker].label for s in ex.statements})
    return {"meeting pairs": pairs, "posts": sorted(posts), "speakers": speakers}


def gold_facts(record: dict[str, Any]) -> dict[str, list[Any]]:
    pairs = unique_pairs(
        tuple(sorted((a, b)))
        for m in record.get("meetings", []) if m.get("status", "asserted") == "asserted"
        for a, b in combinations(m["participants"], 2))
    posts = [(r["person"], r["role"]) for r in record.get("roles", [])]
    speakers = sorted({s["speaker"] for s in record.get("said", [])})
    return {"meeting pairs": pairs, "posts": posts, "speakers": speakers}


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON: {exc.msg}") from exc
        if not isinstance(rec, dict) or "doc" not in rec:
            raise GoldError(f"{path}:{n}: a gold record needs a 'doc' field")
        problem = malformed(rec)
        if problem:
            raise GoldError(f"{path}:{n}: {problem}")
        records.append(rec)
    return records


_SHAPE = {"meetings": ("participants", "status"), "roles": ("person", "role"),
          "said": ("speaker",)}


def malformed(record: dict[str, Any]) -> str | None:
    """What is wrong with a gold record's shape, or None: a list of names given as one
    string would otherwise be scored letter by letter.

    >>> malformed({"doc": "a.txt", "meetings": [{"participants": "Ann Lee, Bo Kim"}]})
    'meetings[0].participants: a list of names, not str'
    """
    if not isinstance(record["doc"], str) or not record["doc"].strip():
        return "'doc' must be a non-empty string (a path)"
    for key, fields in _SHAPE.items():
        items = record.get(key, [])
        if not isinstance(items, list):
            return f"{key}: a list, not {type(items).__name__}"
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                return f"{key}[{i}]: an object, not {type(item).__name__}"
            for name in fields:
                value = item.get(name)
                if name == "participants":
                    if not isinstance(value, list) or not all(
                            isinstance(v, str) and v.strip() for v in value):
                        kind = "a list of other things" if isinstance(value, list) \
                            else type(value).__name__
                        return f"{key}[{i}].participants: a list of names, not {kind}"
                elif name == "status":
                    if value is not None and value not in ("asserted", "planned", "negated"):
                        return f"{key}[{i}].status: asserted, planned or negated, not {value!r}"
                elif not isinstance(value, str) or not value.strip():
                    return f"{key}[{i}].{name}: a non-empty string"
    return None


def evaluate(gold_path: Path, docs: Path, nlp: Language) -> Report:
    """Build the gold articles and score what we extract against the annotations."""
    records = load_gold(gold_path)
    articles: list[Article] = []
    by_source: dict[str, dict[str, Any]] = {}
    for rec in records:
        art = read_article(docs / rec["doc"], rec["doc"])
        if isinstance(art, InputProblem):
            raise GoldError(f"{docs / rec['doc']}: {art.reason}")
        articles.append(art)
        by_source[rec["doc"]] = rec
    zero = Score(0, 0, 0, 0)
    report = Report(scores={"meeting pairs": zero, "posts": zero, "speakers": zero})
    for result in process(nlp, articles):
        source = result.resolution.extraction.article.source
        pred, gold = predicted(result.resolution), gold_facts(by_source[source])
        for measure in report.scores:
            same = _SAME[measure]
            tp_p, tp_g, fp, fn = match_items(pred[measure], gold[measure], same)
            report.scores[measure] += Score(tp_p, len(pred[measure]), tp_g, len(gold[measure]))
            for kind, values in (("false positive", fp), ("missed", fn)):
                for v in values:
                    error: dict[str, Any] = {"doc": source, "measure": measure, "kind": kind,
                                             "value": v}
                    if measure == "meeting pairs":
                        error["why"] = error_kind(
                            kind, v, our_meetings(result.resolution),
                            by_source[source].get("meetings", []))
                        if kind == "missed":
                            error["shape"] = miss_shape(v, by_source[source].get("meetings", []))
                    report.errors.append(error)
        report.documents += 1
    return report
