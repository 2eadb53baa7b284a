"""`frontwatch geoparse` end to end: JSON Lines out, offsets into the files as
written, given spans, and bad inputs reported while the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontwatch.cli import cli

REPORT = (
    "Artillery hit villages near Izium on Sunday, the governor of Kharkiv region said.\r\n"
    "Ukrainian officials said convoys left for Dnipro.\r\n"
)
UNICODE = (
    "«We fled at night», said Zoë Müller. Families from Mosul reached Erbil on Friday, "
    "the UN said; camps near Qwzxabad stayed empty.\n"
)
FIELDS = {
    "article",
    "start",
    "end",
    "text",
    "name",
    "geonameid",
    "latitude",
    "longitude",
    "feature",
    "admin1",
    "country",
    "score",
    "precision",
    "demonym",
    "inferred",
}


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_geoparse_writes_each_toponym_with_offsets_into_the_file(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(REPORT.encode("utf-8"))
    accented = tmp_path / "accented.txt"
    accented.write_bytes(UNICODE.encode("utf-8"))
    code, out, err = _run("geoparse", str(crlf), str(accented))
    assert code == 0, err
    records = _records(out)
    texts = {str(crlf): REPORT, str(accented): UNICODE}
    assert {r["article"] for r in records} == set(texts)
    for record in records:
        assert set(record) == FIELDS
        text = texts[str(record["article"])]
        assert text[int(str(record["start"])) : int(str(record["end"]))] == record["text"]
    by_text = {r["text"]: r for r in records}
    assert by_text["Izium"]["country"] == "UA"
    assert by_text["Kharkiv"]["feature"] == "admin1"
    assert by_text["Mosul"]["country"] == "IQ"
    # No gazetteer place of that name: written near the town named closest to it.
    unknown = by_text["Qwzxabad"]
    assert unknown["inferred"] is True and unknown["name"] == "Mosul" and unknown["precision"] == 2
    assert "2 texts" in err


def test_cli_geoparse_bad_files_reported_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Protesters marched in Basra on Friday.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    out_file = tmp_path / "out.jsonl"
    code, out, err = _run(
        "geoparse",
        str(empty),
        str(good),
        str(binary),
        str(tmp_path / "nope.txt"),
        "-o",
        str(out_file),
    )
    assert code == 3
    assert out == ""
    records = _records(out_file.read_text(encoding="utf-8"))
    assert [(r["text"], r["country"]) for r in records] == [("Basra", "IQ")]
    assert f"skipped: {empty}" in err
    assert f"skipped: {binary}" in err
    assert "nope.txt: no such file" in err


def test_cli_geoparse_given_spans_only_resolved(tmp_path: Path) -> None:
    text = "Troops left Qamishli for Hasakah; Turkish drones flew over Kobani."
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    spans = tmp_path / "spans.jsonl"
    lines = [
        {"article": str(article), "start": text.index("Turkish"), "end": text.index("Turkish") + 7},
        {"article": str(article), "start": text.index("Kobani"), "end": text.index("Kobani") + 6},
        {"article": str(article), "start": 60, "end": 900},
        {"article": "elsewhere.txt", "start": 0, "end": 3},
    ]
    spans.write_text(
        "\n".join(json.dumps(line) for line in lines) + "\nnot json\n", encoding="utf-8"
    )
    code, out, err = _run("geoparse", "--spans", str(spans), str(article))
    assert code == 3
    records = _records(out)
    # Only the given spans, in the order given; Qamishli is not looked for.
    assert [r["text"] for r in records] == ["Turkish", "Kobani"]
    assert records[0]["demonym"] is True and records[0]["country"] == "TR"
    assert records[1]["country"] == "SY"
    assert f"{spans}:3" in err and "lies outside" in err
    assert f"{spans}:4" in err and "not among the inputs" in err
    assert f"{spans}:5" in err and "bad JSON" in err


def test_cli_geoparse_reads_json_lines_texts(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Clashes erupted in Tripoli, Libya."}) + "\n" + "{broken\n",
        encoding="utf-8",
    )
    code, out, err = _run("geoparse", str(feed))
    assert code == 3
    records = _records(out)
    tripoli = next(r for r in records if r["text"] == "Tripoli")
    assert tripoli["article"] == f"{feed}:1"
    assert tripoli["country"] == "LY"
    assert f"{feed}:2" in err
