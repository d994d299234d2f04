"""YAKE 0.7.3 on the texts the Practice Lens theme benchmark uses, timed the same way.

Prints JSON: seconds per 1,000 SemEval paragraphs and per 1,000 audit narratives (median of
five runs), top 10 keywords each, YAKE's defaults otherwise. Run by `cargo xtask bench themes`
in a throwaway virtual environment.
"""
import json
import statistics
import sys
import time

import yake

root = sys.argv[1]


def texts(path, field="text"):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)[field] for line in lines if line.strip()]


paragraphs = texts(f"{root}/tests/data/themes/semeval2017.jsonl")
base = texts(f"{root}/tests/data/themes/qa_public.jsonl")
# The same thousand narratives as the Rust benchmark: the labelled ones, numbered copies.
narratives = [f"{base[i % len(base)]} Audit {i // len(base) + 1}." for i in range(1000)]
extractor = yake.KeywordExtractor(lan="en", n=3, top=10)


def seconds_per_thousand(batch):
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for text in batch:
            extractor.extract_keywords(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) / len(batch) * 1000


print(json.dumps({
    "yake_semeval_s_per_1000": seconds_per_thousand(paragraphs),
    "yake_narratives_s_per_1000": seconds_per_thousand(narratives),
}))
