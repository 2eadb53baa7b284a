"""Reading the geoparsing gold corpora: both XML layouts detected, offsets
checked against the text and realigned when off, GeoWebNews types sorted
into literal, associative and non-toponyms, a fixed dev/test split."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.eval.geo_corpus import (
    GWN,
    TR_NEWS,
    GeoArticle,
    load_geo_corpus,
    slice_articles,
    split_articles,
)

TEXT_A = "Floods cut the road from Tikrit to Baiji. Iraqi crews reached Baiji by noon."
TEXT_B = "Fires burned near Latakia; Syrian firemen came from Tartus."


def _gwn_toponym(name: str, start: int, kind: str, coordinates: bool = True) -> str:
    point = (
        "<geonamesID>1</geonamesID><latitude>34.6</latitude><longitude>43.7</longitude>"
        if coordinates
        else ""
    )
    return (
        f"<toponym><extractedName>{name}</extractedName><type>{kind}</type>"
        f"<start>{start}</start><end>{start + len(name)}</end>{point}</toponym>"
    )


def _write_gwn(path: Path) -> Path:
    toponyms = "".join(
        [
            _gwn_toponym("Tikrit", TEXT_A.index("Tikrit"), "Literal"),
            _gwn_toponym("Baiji", TEXT_A.index("Baiji"), "Literal"),
            _gwn_toponym("Iraqi", TEXT_A.index("Iraqi"), "Demonym", coordinates=False),
            _gwn_toponym("road", TEXT_A.index("road"), "Literal_Expression", coordinates=False),
            _gwn_toponym("Baiji", TEXT_A.rindex("Baiji"), "Metonymic"),
            _gwn_toponym("TITLE", -20, "Non_Lit_Expression", coordinates=False),
        ]
    )
    path.write_text(
        f'<?xml version="1.0" ?><articles><article file="7"><title>T</title>'
        f"<link>http://example.org/a</link><text>{TEXT_A}</text>"
        f"<toponyms>{toponyms}</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


def _write_tr_news(path: Path) -> Path:
    latakia, tartus = TEXT_B.index("Latakia"), TEXT_B.index("Tartus")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><articles><article docid="42">'
        "<title>Fires</title><url> http://example.org/b </url><dltime>2017-10-09</dltime>"
        f"<text><![CDATA[{TEXT_B}]]></text><toponyms>"
        # Offsets one character off, as some of the real ones are.
        f"<toponym><phrase>Latakia</phrase><start>{latakia + 1}</start><end>{latakia + 8}</end>"
        '<gaztag geonameid="173579"><lat>35.5</lat><lon>35.8</lon></gaztag></toponym>'
        f"<toponym><phrase>Tartus</phrase><start>{tartus}</start><end>{tartus + 6}</end>"
        "</toponym>"
        "<toponym><phrase>Hama</phrase><start>3</start><end>7</end></toponym>"
        "</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


def test_eval_geo_corpus_reads_geowebnews(tmp_path: Path) -> None:
    corpus = load_geo_corpus(_write_gwn(tmp_path / "GWN.xml"))
    assert corpus.name == GWN
    assert corpus.dropped == 1  # the offset into the title line
    (article,) = corpus.articles
    assert article.article_id == "GWN:7"
    assert article.url == "http://example.org/a"
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.text
    literal = article.toponym_spans(literal_only=True)
    assert [article.text[s:e] for s, e in literal] == ["Tikrit", "Baiji"]
    # Every toponym type, not the annotation aids ("road").
    every = [article.text[s:e] for s, e in article.toponym_spans()]
    assert every == ["Tikrit", "Baiji", "Iraqi", "Baiji"]
    assert [t.text for t in article.located()] == ["Tikrit", "Baiji", "Baiji"]


def test_eval_geo_corpus_reads_tr_news_and_realigns(tmp_path: Path) -> None:
    corpus = load_geo_corpus(_write_tr_news(tmp_path / "TR-News.xml"))
    assert corpus.name == TR_NEWS
    assert (corpus.realigned, corpus.dropped) == (1, 1)  # Latakia moved; Hama is not there
    (article,) = corpus.articles
    assert article.article_id == "TR-News:42"
    assert article.published is not None and article.published.isoformat() == "2017-10-09"
    assert article.url == "http://example.org/b"
    latakia, tartus = article.toponyms
    assert (latakia.text, latakia.start) == ("Latakia", TEXT_B.index("Latakia"))
    assert latakia.geonameid == 173579 and latakia.literal
    assert not tartus.has_coordinates
    assert [t.text for t in article.located()] == ["Latakia"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<articles><article><text>x</text></article>", "not well-formed"),
        ("<articles></articles>", "no <article>"),
        (
            "<articles><article><text>x</text><toponym><name>x</name></toponym></article>"
            "</articles>",
            "neither GeoWebNews",
        ),
    ],
)
def test_eval_geo_corpus_bad_files_say_why(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_geo_corpus(path)


def test_eval_geo_corpus_split_and_slice_are_fixed() -> None:
    articles = [GeoArticle("GWN", f"GWN:{n}", "text", ()) for n in range(200)]
    dev, test = split_articles(articles)
    assert len(dev) + len(test) == 200
    assert 70 < len(dev) < 130
    assert not {a.article_id for a in dev} & {a.article_id for a in test}
    assert split_articles(list(reversed(articles)))[0] == list(reversed(dev))
    chosen = slice_articles(articles, size=30, seed="s")
    assert len(chosen) == 30
    assert chosen == slice_articles(articles, size=30, seed="s")
    assert chosen != slice_articles(articles, size=30, seed="t")
    assert [a.article_id for a in chosen] == sorted(
        (a.article_id for a in chosen), key=lambda i: int(i.split(":")[1])
    )
