import gzip
import json
from datetime import date

import pytest

from geomap.documents import decode_bytes, html_to_text, read_documents
from geomap.errors import InputError


def collect(paths, **kwargs):
    errors = []
    docs = list(read_documents(paths, on_error=errors.append, **kwargs))
    return docs, [str(e) for e in errors]


def test_seed_reads_with_sidecar_date(seed_path):
    (doc,) = list(read_documents([seed_path]))
    assert doc.id == "000_d8929dcea89d67b8"
    assert doc.published == date(2025, 4, 25)
    assert "Balashikha" in doc.text
    assert doc.text == seed_path.read_text(encoding="utf-8")


def test_directory_is_sorted_and_recursive(tmp_path):
    (tmp_path / "b.txt").write_text("Bravo in Kyiv.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Alpha in Lviv.")
    (tmp_path / "notes.meta.json").write_text("{}")
    docs, errors = collect([tmp_path])
    assert [d.id for d in docs] == ["b", "a"]  # sorted by path: b.txt before sub/a.md
    assert errors == []


def test_published_flag_fills_only_missing_dates(tmp_path):
    (tmp_path / "x.txt").write_text("Text.")
    (tmp_path / "x.meta.json").write_text(json.dumps({"published": "2024-01-02"}))
    (tmp_path / "y.txt").write_text("Text.")
    docs, _ = collect([tmp_path], published=date(2025, 1, 1))
    by_id = {d.id: d.published for d in docs}
    assert by_id == {"x": date(2024, 1, 2), "y": date(2025, 1, 1)}


def test_jsonl_records_bad_lines_reported_good_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Shelling in Kharkiv.", "published": "2025-01-02", "toponyms": [{"start": 12, "end": 19}]}),
                "{not json",
                json.dumps({"id": "b"}),
                json.dumps({"id": "c", "text": "ok", "published": "2025-13-40"}),
                json.dumps({"text": "No id here."}),
            ]
        )
    )
    docs, errors = collect([path])
    assert [d.id for d in docs] == ["a", "feed-5"]
    assert docs[0].toponyms == ((12, 19),)
    assert docs[0].published == date(2025, 1, 2)
    assert any(":2:" in e and "malformed JSON" in e for e in errors)
    assert any(":3:" in e and "no text" in e for e in errors)
    assert any(":4:" in e and "invalid published date" in e for e in errors)


def test_gzipped_jsonl_and_csv(tmp_path):
    gz = tmp_path / "feed.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "text": "Text one."}) + "\n")
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text('id,text,published\nr1,"Protest in Lagos, Nigeria.",2025-02-03\n')
    docs, errors = collect([gz, csv_path])
    assert [d.id for d in docs] == ["g", "r1"]
    assert docs[1].published == date(2025, 2, 3)
    assert errors == []


def test_toponym_span_outside_text_is_an_error(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "short", "toponyms": [{"start": 0, "end": 50}]}) + "\n")
    docs, errors = collect([path])
    assert docs == [] and "outside the text" in errors[0]


def test_missing_empty_binary_and_unsupported_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, errors = collect([tmp_path / "nope.txt", tmp_path / "empty.txt", tmp_path / "blob.txt", tmp_path / "image.png"])
    assert docs == []
    assert len(errors) == 4
    assert "no such file" in errors[0] and "nope.txt" in errors[0]
    assert "empty document" in errors[1]
    assert "binary" in errors[2]
    assert "unsupported file type" in errors[3]


def test_default_error_handler_raises(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        list(read_documents([tmp_path / "nope.txt"]))


def test_decoding_boms_and_invalid_utf8(caplog):
    assert decode_bytes("Київ".encode("utf-16"), "x") == "Київ"
    assert decode_bytes(b"\xef\xbb\xbfKyiv", "x") == "Kyiv"
    with caplog.at_level("WARNING", logger="geomap"):
        assert decode_bytes(b"Kyiv \xff strike", "bad.txt") == "Kyiv \ufffd strike"
    assert "bad.txt" in caplog.text and "invalid UTF-8" in caplog.text


def test_html_pages_give_visible_text_and_title(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Strike on Odesa</title><script>alert(1)</script></head>"
                    "<body><p>Drones hit <b>Odesa</b>.</p><style>p{}</style></body></html>")
    (doc,) = list(read_documents([page]))
    assert doc.title == "Strike on Odesa"
    assert "alert" not in doc.text and "Drones hit" in doc.text and "Odesa" in doc.text
    assert html_to_text("<p>a</p><p>b</p>") == "a\nb"
