"""Every story of the team's VOA corpus reads and cleans without error."""

from __future__ import annotations

import json
import time

from conftest import shared_path
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument, iter_documents


def test_ingest_voa_corpus_reads_and_cleans() -> None:
    path = shared_path("corpus", "voa_stories.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]

    started = time.perf_counter()
    documents = list(iter_documents([path]))
    articles = [clean(doc) for doc in documents if isinstance(doc, RawDocument)]
    elapsed = time.perf_counter() - started

    assert len(documents) == len(records) == len(articles)
    for record, article in zip(records, articles, strict=True):
        assert article.title == record["title"]
        assert article.url == record["url"]
        assert article.published is not None
        assert article.published.isoformat() == record["published"][:10]
        assert article.language == "en"
        # The stories are one paragraph of running text: nothing is removed.
        assert article.text == " ".join(record["text"].split())
    # About 0.2 s on a laptop; a generous bound catches a pathological slowdown.
    assert elapsed < 20
