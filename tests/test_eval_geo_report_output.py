"""`frontwatch eval geo` reports: the table, a deterministic JSON report, the
floors file checked, and the command on a small corpus of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import ConfigError
from frontwatch.eval.geo_corpus import GeoArticle, GeoCorpus, GoldToponym
from frontwatch.eval.geo_eval import ArticleRun, score_runs
from frontwatch.eval.geo_report import (
    check_geo_floors,
    floors_from,
    format_failures,
    format_geo_table,
    parse_geo_floors,
    render_geo_json,
)
from frontwatch.geo.geoparse import ParsedToponym
from frontwatch.models import Place

TEXT = "Storms hit Mosul and Basra; Kurdish farmers in Erbil lost crops."


def _gold(name: str, lat: float, lon: float, kind: str = "Literal") -> GoldToponym:
    start = TEXT.index(name)
    return GoldToponym(start, start + len(name), name, lat, lon, None, kind)


def _found(name: str, lat: float | None, lon: float | None = None) -> ParsedToponym:
    start = TEXT.index(name)
    place = (
        None
        if lat is None or lon is None
        else Place(name=name, latitude=lat, longitude=lon, country="Iraq", country_code="IQ")
    )
    return ParsedToponym("GWN:1", start, start + len(name), name, place)


def _result() -> tuple[GeoCorpus, list[ArticleRun]]:
    gold = (
        _gold("Mosul", 36.34, 43.13),
        _gold("Basra", 30.51, 47.81),
        _gold("Kurdish", 36.0, 44.0, "Non_Literal_Modifier"),
        _gold("Erbil", 36.19, 44.01),
    )
    article = GeoArticle("GWN", "GWN:1", TEXT, gold)
    corpus = GeoCorpus("GWN", "GWN.xml", (article,))
    predicted = (_found("Mosul", 36.3, 43.1), _found("Kurdish", 36.2, 44.0), _found("Storms", None))
    given = (
        _found("Mosul", 36.3, 43.1),
        _found("Basra", 30.5, 47.8),
        _found("Kurdish", 36.2, 44.0),
        _found("Erbil", 33.3, 44.4),  # Baghdad: beyond 161 km
    )
    return corpus, [ArticleRun(article, predicted, given)]


def test_eval_geo_report_scores_table_and_json() -> None:
    corpus, runs = _result()
    result = score_runs(corpus, runs, part="all")
    (part,) = result.parts
    # Literal gold: Mosul, Basra, Erbil; "Kurdish" (associative) is not counted.
    assert (part.spans_exact.gold, part.spans_exact.predicted, part.spans_exact.ignored) == (
        3,
        2,
        1,
    )
    assert part.spans_exact.predicted_right == 1
    assert part.end_to_end.within == 2  # Mosul, and Kurdish by its coordinates
    assert part.gold_spans.within == 3 and part.gold_spans.scored == 4
    assert [a.text for a in result.failures] == ["Erbil"]
    table = format_geo_table([result])
    assert "GWN" in table and "0.750" in table
    assert "'Erbil' -> Erbil (IQ)" in format_failures(result, 5)
    first = render_geo_json([result])
    assert first == render_geo_json([score_runs(corpus, runs, part="all")])
    data = json.loads(first)
    (reported,) = data["corpora"]
    assert reported["parts"][0]["resolution"]["gold_spans"]["accuracy"] == 0.75
    assert reported["gold_span_failures"][0]["text"] == "Erbil"


def test_eval_geo_report_floors_rounded_down_and_checked() -> None:
    corpus, runs = _result()
    part = score_runs(corpus, runs, part="all").parts[0]
    floors = floors_from(part)
    assert floors["gold_spans_accuracy"] == 0.75
    assert floors["span_precision"] == 0.5
    assert check_geo_floors(part, floors) == []
    raised = {**floors, "span_recall": 0.99}
    assert check_geo_floors(part, raised) == ["GWN span_recall: 0.333 below floor 0.99"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a JSON object"),
        ({"slices": {}}, "needs 'slices' and 'floors'"),
        ({"slices": {"GWN": {"size": 0, "seed": "s"}}, "floors": {}}, "size"),
        ({"slices": {"GWN": {"size": 5, "seed": "s"}}, "floors": {"TR-News": {}}}, "needs a slice"),
        (
            {"slices": {"GWN": {"size": 5, "seed": "s"}}, "floors": {"GWN": {"speed": 0.5}}},
            "not a gated metric",
        ),
        (
            {"slices": {"GWN": {"size": 5, "seed": "s"}}, "floors": {"GWN": {"span_f1": 2}}},
            "0..1",
        ),
    ],
)
def test_eval_geo_report_bad_floors_file_says_why(data: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_geo_floors(data)


def test_eval_geo_report_command_on_own_corpus(tmp_path: Path) -> None:
    text = "Floods reached Basra on Monday, officials in Baghdad said."
    basra, baghdad = text.index("Basra"), text.index("Baghdad")
    corpus = tmp_path / "tiny.xml"
    corpus.write_text(
        '<?xml version="1.0" encoding="utf-8"?><articles><article docid="1">'
        f"<text><![CDATA[{text}]]></text><toponyms>"
        f"<toponym><phrase>Basra</phrase><start>{basra}</start><end>{basra + 5}</end>"
        "<gaztag><lat>30.508</lat><lon>47.783</lon></gaztag></toponym>"
        f"<toponym><phrase>Baghdad</phrase><start>{baghdad}</start><end>{baghdad + 7}</end>"
        "<gaztag><lat>33.34</lat><lon>44.40</lon></gaztag></toponym>"
        "</toponyms></article></articles>",
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["eval", "geo", str(corpus), "--json", str(report)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    assert "TR-News" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    whole = data["corpora"][0]["parts"][0]
    assert whole["recognition"]["exact"]["f1"] == 1.0
    assert whole["resolution"]["gold_spans"]["accuracy"] == 1.0
    assert "ms per toponym" in result.stderr
    gated = CliRunner().invoke(cli, ["eval", "geo", str(corpus), "--check-floors"])
    assert gated.exit_code == 2  # the floors are slice scores: --slice is needed
