"""Throughput and memory of ``kg build`` against spaCy alone, measured side by side.

In one run, on the BBC corpus (2,225 articles) by default:

1. raw spaCy: ``nlp.pipe`` over the article texts with the same model (as ``spacy.load``
   gives it, without kg's components), jobs and batch size, words per second;
2. ``kg.build`` of the same files into an Oxigraph store on disk, words per second;
3. their ratio (target: kg at least 0.85 of raw spaCy);
4. peak memory (RSS) of a fresh process building the corpus once and four times over
   (four distinct copies of every text), and their ratio (target: at most 1.3).

Usage::

    .venv/bin/python benchmarks/throughput.py [--corpus DIR] [--limit N] [--jobs J]
        [--batch-size B] [--no-memory] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    shared = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
    return Path(os.environ.get("KG_CORPUS", shared / "corpus")) / "bbc"


def corpus_files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in folder.rglob("*.txt"))
    return files[:limit] if limit else files


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def raw_spacy(texts: list[str], jobs: int, batch_size: int) -> float:
    """Seconds spaCy alone (the same model, without kg's components) takes on ``texts``."""
    import spacy

    from kg.nlp import default_model

    nlp = spacy.load(default_model())
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
        pass
    return time.perf_counter() - start


def kg_build(files: list[Path], jobs: int, batch_size: int) -> float:
    """Seconds ``kg.build`` takes over the same files, into a store on disk."""
    import kg
    from kg.nlp import make_nlp

    nlp = make_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        graph = kg.build(files, nlp=nlp, store=Path(tmp) / "store", jobs=jobs,
                         batch_size=batch_size)
        graph.close()
        return time.perf_counter() - start


_CHILD = """
import json, resource, sys
from pathlib import Path
import kg
graph = kg.build([Path(sys.argv[1])], store=Path(sys.argv[2]), jobs=int(sys.argv[3]),
                 batch_size=int(sys.argv[4]))
n = graph.summary().documents
graph.close()
print(json.dumps({"documents": n,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def peak_memory(files: list[Path], copies: int, jobs: int, batch_size: int) -> dict[str, Any]:
    """Peak RSS of a fresh process that builds ``copies`` distinct copies of the corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for c in range(copies):
                for f in files:
                    text = f.read_text(encoding="utf-8")
                    # a distinct text per copy, so no copy is skipped as already stored
                    out.write(json.dumps({"id": f"copy{c}/{f.name}/{f.parent.name}",
                                          "text": f"{text}\n\nCopy {c}."}) + "\n")
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(jsonl), str(Path(tmp) / "store"), str(jobs),
             str(batch_size)], capture_output=True, text=True, check=True)
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each, alternated; the best time of each counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.corpus or default_corpus()
    if not folder.is_dir():
        print(f"error: corpus not found at {folder} (set KG_CORPUS or --corpus)",
              file=sys.stderr)
        return 1
    files = corpus_files(folder, args.limit)
    texts = [f.read_text(encoding="utf-8") for f in files]
    n_words = words(texts)
    # alternate the two and keep each one's best time: the machine may be shared
    raw = raw_spacy(texts, args.jobs, args.batch_size)
    ours = kg_build(files, args.jobs, args.batch_size)
    for _ in range(args.repeat - 1):
        raw = min(raw, raw_spacy(texts, args.jobs, args.batch_size))
        ours = min(ours, kg_build(files, args.jobs, args.batch_size))
    report: dict[str, Any] = {
        "articles": len(files), "words": n_words, "jobs": args.jobs,
        "batch_size": args.batch_size, "repeat": args.repeat,
        "raw_spacy_words_per_s": round(n_words / raw), "kg_build_words_per_s":
            round(n_words / ours), "ratio": round(raw / ours, 3),
    }
    if not args.no_memory:
        one = peak_memory(files, 1, args.jobs, args.batch_size)
        four = peak_memory(files, 4, args.jobs, args.batch_size)
        report.update(peak_rss_mb_1x=round(one["peak_rss_mb"]),
                      peak_rss_mb_4x=round(four["peak_rss_mb"]),
                      documents_1x=one["documents"], documents_4x=four["documents"],
                      memory_ratio=round(four["peak_rss_mb"] / one["peak_rss_mb"], 3))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['articles']} articles, {n_words:,} words, jobs={args.jobs}, "
          f"batch size {args.batch_size}")
    print(f"raw spaCy nlp.pipe   {report['raw_spacy_words_per_s']:>8,} words/s")
    print(f"kg build             {report['kg_build_words_per_s']:>8,} words/s")
    print(f"ratio kg/raw         {report['ratio']:>8.3f}   (target >= 0.85)")
    if "memory_ratio" in report:
        print(f"peak RSS 1x corpus   {report['peak_rss_mb_1x']:>8,} MB "
              f"({report['documents_1x']} documents)")
        print(f"peak RSS 4x corpus   {report['peak_rss_mb_4x']:>8,} MB "
              f"({report['documents_4x']} documents)")
        print(f"ratio 4x/1x          {report['memory_ratio']:>8.3f}   (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
