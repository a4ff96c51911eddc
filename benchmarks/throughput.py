"""Throughput and memory of ``kg build`` against spaCy alone, measured side by side.

In one run, on the BBC corpus (2,225 articles) by default:

1. raw spaCy: ``nlp.pipe`` over the article texts with the same model (as ``spacy.load``
   gives it, without kg's components), jobs and batch size, words per second;
2. ``kg.build`` of the same files into one Oxigraph store on disk, words per second;
3. their ratio (target: kg at least 0.85 of raw spaCy);
4. peak memory (RSS) of a fresh process building the corpus once and four times over
   (four distinct copies of every text), and their ratio (target: at most 1.3).

The machines this runs on are shared, and their speed drifts by 20% or more within
minutes, so 1 and 2 are interleaved: the corpus is cut into blocks of ``--block``
articles, and each block is parsed by raw spaCy and built by kg one right after the other
(alternating which goes first), each block's build adding to the same store.  A drift
then slows both sides alike.  Every block is a separate ``kg.build`` call, which opens the
build anew (store look-ups, a writer thread, spaCy's warm-up): the ratio is, if anything,
pessimistic for kg.

``--cold N`` measures a small build instead, each side a whole process from a cold start
(what a user waits for): ``python -c "import spacy; spacy.load(...); nlp.pipe(...)"`` over
the first N articles against ``kg build`` of the same files into a fresh folder (as the
command runs by default: store, validation, Turtle, page; and with ``--no-validate
--no-html``), interleaved, best of ``--repeat`` (target: ratio at least 0.85 for 200); the
CPU seconds of each side (user + system, its own and its children's) are kept too, since they
vary less on a shared machine.

Usage::

    .venv/bin/python benchmarks/throughput.py [--corpus DIR] [--limit N] [--jobs J]
        [--batch-size B] [--block K] [--validate] [--no-memory] [--no-speed] [--json]
    .venv/bin/python benchmarks/throughput.py --cold 200 [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def side_by_side(files: list[Path], *, jobs: int, batch_size: int, block: int,
                 validate: bool = False) -> tuple[float, float]:
    """Seconds raw spaCy and ``kg.build`` take over ``files``, block by block."""
    import spacy

    import kg
    from kg.nlp import default_model, make_nlp
    from kg.store import Store

    raw_nlp = spacy.load(default_model())  # the same model, without kg's components
    nlp = make_nlp()
    raw = ours = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        for k, start in enumerate(range(0, len(files), block)):
            chunk = files[start:start + block]
            texts = [f.read_text(encoding="utf-8") for f in chunk]

            def spacy_alone(texts: list[str] = texts) -> float:
                t = time.perf_counter()
                for _ in raw_nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
                    pass
                return time.perf_counter() - t

            def kg_build(chunk: list[Path] = chunk) -> float:
                t = time.perf_counter()
                kg.build(chunk, nlp=nlp, store=store, jobs=jobs, batch_size=batch_size,
                         validate=validate)
                return time.perf_counter() - t

            if k % 2 == 0:
                raw += spacy_alone()
                ours += kg_build()
            else:
                ours += kg_build()
                raw += spacy_alone()
            print(f"side by side: {start + len(chunk)}/{len(files)} articles, ratio so far "
                  f"{raw / ours:.3f}", file=sys.stderr, flush=True)
        store.close()
    return raw, ours


_CHILD = """
import json, resource, sys
from pathlib import Path
import kg
graph = kg.build([Path(sys.argv[1])], store=Path(sys.argv[2]), jobs=int(sys.argv[3]),
                 batch_size=int(sys.argv[4]))
n = graph.summary().documents
graph.close()
print(json.dumps({"documents": n,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_rss_mb":
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def peak_memory(files: list[Path], copies: int, jobs: int, batch_size: int) -> dict[str, Any]:
    """Peak RSS of a fresh process that builds ``copies`` distinct copies of the corpus.

    With ``jobs`` > 1 the parse workers are child processes: ``worker_peak_rss_mb`` is the
    largest one's peak, and ``peak_rss_mb`` adds ``jobs`` times that to the main process's
    peak (an upper bound of what the build held at once)."""
    print(f"memory: building {copies}x the corpus ({copies * len(files)} articles) in a "
          "fresh process", file=sys.stderr, flush=True)
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
        result["main_peak_rss_mb"] = result["peak_rss_mb"]
        if jobs > 1:
            result["peak_rss_mb"] += jobs * result["worker_peak_rss_mb"]
        return result


_RAW = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in sys.argv[3:]]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""


def cold(files: list[Path], *, jobs: int, batch_size: int, repeat: int) -> dict[str, Any]:
    """Seconds of raw spaCy and of ``kg build`` over ``files``, each a whole process,
    interleaved ``repeat`` times; the best of each and their ratios."""
    from kg.nlp import default_model

    kg_cli = Path(sys.executable).parent / "kg"
    paths = [str(f) for f in files]
    times: dict[str, list[float]] = {"raw": [], "kg build": [], "kg build bare": []}
    cpu: dict[str, list[float]] = {name: [] for name in times}  # user + system seconds
    with tempfile.TemporaryDirectory() as tmp:
        def run(name: str, k: int) -> None:
            argv = {"raw": [sys.executable, "-c", _RAW, default_model(), str(batch_size)],
                    "kg build": [str(kg_cli), "build", "--quiet", "--jobs", str(jobs),
                                 "--batch-size", str(batch_size), "--out", f"{tmp}/a{k}"],
                    "kg build bare": [str(kg_cli), "build", "--quiet", "--jobs", str(jobs),
                                      "--batch-size", str(batch_size), "--no-validate",
                                      "--no-html", "--out", f"{tmp}/b{k}"]}[name]
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv + paths, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime)

        for k in range(repeat):
            for name in (list(times) if k % 2 == 0 else list(reversed(times))):
                run(name, k)
            print(f"cold: round {k + 1}/{repeat}: " + ", ".join(
                f"{n} {t[-1]:.1f} s" for n, t in times.items()), file=sys.stderr, flush=True)
    best = {n: min(t) for n, t in times.items()}
    return {"cold_raw_spacy_seconds": round(best["raw"], 2),
            "cold_kg_build_seconds": round(best["kg build"], 2),
            "cold_kg_build_bare_seconds": round(best["kg build bare"], 2),
            "cold_ratio": round(best["raw"] / best["kg build"], 3),
            "cold_ratio_bare": round(best["raw"] / best["kg build bare"], 3),
            "cold_runs": {n: [round(x, 2) for x in t] for n, t in times.items()},
            "cold_cpu_seconds": {n: round(min(t), 2) for n, t in cpu.items()},
            "cold_cpu_runs": {n: [round(x, 2) for x in t] for n, t in cpu.items()},
            "cold_cpu_ratio": round(min(cpu["raw"]) / min(cpu["kg build"]), 3),
            "cold_cpu_ratio_bare": round(min(cpu["raw"]) / min(cpu["kg build bare"]), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--block", type=int, default=250,
                        help="articles per block of the side-by-side run (default 250)")
    parser.add_argument("--validate", action="store_true",
                        help="kg build also validates against the SHACL shapes (as the CLI "
                             "does by default)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--no-speed", action="store_true",
                        help="skip the side-by-side speed run (memory only)")
    parser.add_argument("--cold", type=int, default=None, metavar="N",
                        help="instead: the first N articles, each side a whole process from "
                             "a cold start")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of --cold (best kept)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.corpus or default_corpus()
    if not folder.is_dir():
        print(f"error: corpus not found at {folder} (set KG_CORPUS or --corpus)",
              file=sys.stderr)
        return 1
    if args.cold is not None:
        picked = corpus_files(folder, args.cold)
        result = cold(picked, jobs=args.jobs, batch_size=args.batch_size, repeat=args.repeat)
        result.update(articles=len(picked), words=words(
            [f.read_text(encoding="utf-8") for f in picked]), jobs=args.jobs)
        if args.json:
            print(json.dumps(result, indent=2))
            return 0
        print(f"{len(picked)} articles ({result['words']:,} words), each side a whole process "
              f"from a cold start, best of {args.repeat}, jobs={args.jobs}")
        print(f"raw spaCy (import, load, nlp.pipe)  {result['cold_raw_spacy_seconds']:6.2f} s")
        print(f"kg build (store, validation, page)  {result['cold_kg_build_seconds']:6.2f} s"
              f"   ratio {result['cold_ratio']:.3f} (target >= 0.85)")
        print(f"kg build --no-validate --no-html    {result['cold_kg_build_bare_seconds']:6.2f}"
              f" s   ratio {result['cold_ratio_bare']:.3f}")
        print(f"in CPU seconds (user + system): raw {result['cold_cpu_seconds']['raw']:.2f}, "
              f"kg build {result['cold_cpu_seconds']['kg build']:.2f} "
              f"(ratio {result['cold_cpu_ratio']:.3f}), bare "
              f"{result['cold_cpu_seconds']['kg build bare']:.2f} "
              f"(ratio {result['cold_cpu_ratio_bare']:.3f})")
        return 0
    files = corpus_files(folder, args.limit)
    n_words = words([f.read_text(encoding="utf-8") for f in files])
    report: dict[str, Any] = {
        "articles": len(files), "words": n_words, "jobs": args.jobs,
        "batch_size": args.batch_size, "block": args.block, "validate": args.validate}
    if not args.no_speed:
        raw, ours = side_by_side(files, jobs=args.jobs, batch_size=args.batch_size,
                                 block=args.block, validate=args.validate)
        # Seconds to the millisecond: a small run lasts well under a second, and two
        # decimals there would leave the printed ratio 3% away from the printed times.
        report.update(raw_spacy_seconds=round(raw, 3), kg_build_seconds=round(ours, 3),
                      raw_spacy_words_per_s=round(n_words / raw),
                      kg_build_words_per_s=round(n_words / ours), ratio=round(raw / ours, 3))
    if not args.no_memory:
        one = peak_memory(files, 1, args.jobs, args.batch_size)
        four = peak_memory(files, 4, args.jobs, args.batch_size)
        report.update(peak_rss_mb_1x=round(one["peak_rss_mb"]),
                      peak_rss_mb_4x=round(four["peak_rss_mb"]),
                      documents_1x=one["documents"], documents_4x=four["documents"],
                      memory_ratio=round(four["peak_rss_mb"] / one["peak_rss_mb"], 3))
        if args.jobs > 1:
            report.update(main_peak_rss_mb_1x=round(one["main_peak_rss_mb"]),
                          main_peak_rss_mb_4x=round(four["main_peak_rss_mb"]),
                          worker_peak_rss_mb_1x=round(one["worker_peak_rss_mb"]),
                          worker_peak_rss_mb_4x=round(four["worker_peak_rss_mb"]))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['articles']} articles, {n_words:,} words, jobs={args.jobs}, "
          f"batch size {args.batch_size}, interleaved in blocks of {args.block}"
          f"{', kg validating' if args.validate else ''}")
    if "ratio" in report:
        print(f"raw spaCy nlp.pipe   {report['raw_spacy_words_per_s']:>8,} words/s "
              f"({report['raw_spacy_seconds']:.1f} s)")
        print(f"kg build             {report['kg_build_words_per_s']:>8,} words/s "
              f"({report['kg_build_seconds']:.1f} s)")
        print(f"ratio kg/raw         {report['ratio']:>8.3f}   (target >= 0.85)")
    if "memory_ratio" in report:
        if args.jobs > 1:
            print(f"(peak RSS below: the main process plus {args.jobs} times the largest "
                  f"parse worker: main {report['main_peak_rss_mb_1x']:,} / "
                  f"{report['main_peak_rss_mb_4x']:,} MB, worker "
                  f"{report['worker_peak_rss_mb_1x']:,} / {report['worker_peak_rss_mb_4x']:,}"
                  " MB at 1x / 4x)")
        print(f"peak RSS 1x corpus   {report['peak_rss_mb_1x']:>8,} MB "
              f"({report['documents_1x']} documents)")
        print(f"peak RSS 4x corpus   {report['peak_rss_mb_4x']:>8,} MB "
              f"({report['documents_4x']} documents)")
        print(f"ratio 4x/1x          {report['memory_ratio']:>8.3f}   (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
