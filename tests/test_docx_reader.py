"""The .docx reader: structure from styles and numbering, positions as paragraph:column."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from conftest import invoke
from htmlcheck import assert_segments_verbatim
from taxcheck.errors import InputError
from taxcheck.readers import read_bytes, read_path


def make_docx(build, **props) -> bytes:
    """A real .docx written by python-docx; ``build`` adds the content."""
    document = docx.Document()
    for key, value in props.items():
        setattr(document.core_properties, key, value)
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def article(document) -> None:
    document.add_paragraph("Five IRA Myths", style="Title")
    document.add_paragraph("By Ann Lee")
    document.add_paragraph("Updated March 3, 2025")
    document.add_paragraph("")
    document.add_heading("Rollovers", level=2)
    para = document.add_paragraph("Some readers think ")
    para.add_run("you can roll").bold = True
    para.add_run(" over your 401k losses into the IRA.\nThey cannot.")
    document.add_paragraph("Check the plan rules", style="List Number")
    document.add_paragraph("Ask the custodian", style="List Number")
    document.add_paragraph("Keep records", style="List Bullet")
    document.add_paragraph("A rollover moves assets, not losses.", style="Quote")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2025 limit"
    table.cell(0, 1).text = "$23,500"
    document.add_heading("Deep section", level=3)


def test_styles_give_kinds_levels_and_list_numbers():
    doc = read_bytes(make_docx(article), "draft.docx")
    assert [(b.kind, b.level, b.number, b.text) for b in doc.blocks] == [
        ("title", 1, None, "Five IRA Myths"),
        ("byline", 0, None, "By Ann Lee"),
        ("dateline", 0, None, "Updated March 3, 2025"),
        ("heading", 2, None, "Rollovers"),
        ("paragraph", 0, None,
         "Some readers think you can roll over your 401k losses into the IRA. They cannot."),
        ("list_item", 0, 1, "Check the plan rules"),
        ("list_item", 0, 2, "Ask the custodian"),
        ("list_item", 0, None, "Keep records"),
        ("quote", 0, None, "A rollover moves assets, not losses."),
        ("paragraph", 0, None, "2025 limit"),
        ("paragraph", 0, None, "$23,500"),
        ("heading", 3, None, "Deep section"),
    ]
    assert doc.meta.title == "Five IRA Myths"
    assert doc.meta.author == "Ann Lee"
    assert doc.meta.date == dt.date(2025, 3, 3)  # the dateline, not the file's timestamps
    assert_segments_verbatim(doc)


def test_line_is_the_paragraph_number_and_column_the_offset_plus_one():
    doc = read_bytes(make_docx(article), "draft.docx")
    para = next(b for b in doc.blocks if b.text.startswith("Some readers"))
    assert doc.line_col(para.to_source(para.text.index("you can roll"))) == (6, 20)
    cell = next(b for b in doc.blocks if b.text == "$23,500")
    assert doc.line_col(cell.to_source(0)) == (12, 1)  # the empty paragraph 4 counts


def test_finding_in_a_docx_names_paragraph_and_column(checker, tmp_path):
    def build(document):
        document.add_paragraph("Rollover basics", style="Title")
        document.add_paragraph("Most of this is routine.")
        document.add_paragraph("If you have a traditional IRA, you can roll over your 401k "
                               "losses into the IRA.")

    path = tmp_path / "draft.docx"
    path.write_bytes(make_docx(build))
    doc = read_path(str(path))
    report = checker.check(doc)
    rollover = next(f for f in report.findings if "roll over your 401k losses" in f.text)
    paragraph = doc.source.split("\n")[2]
    assert rollover.line == 3
    assert rollover.column == paragraph.index(rollover.text) + 1
    result = invoke("check", str(path), "--fail-on", "never")
    assert f"{path}:3:{rollover.column}: error [{rollover.claim_id}]" in result.stdout


def test_core_properties_fill_the_metadata_when_the_text_has_none():
    def build(document):
        document.add_paragraph("Roth conversions explained.")

    data = make_docx(build, title="Roth conversions", author="Bo Chan",
                     identifier="https://ex.com/roth", modified=dt.datetime(2026, 1, 5, 9, 0),
                     created=dt.datetime(2025, 12, 1, 9, 0))
    meta = read_bytes(data, "r.docx").meta
    assert (meta.title, meta.author, meta.url, meta.date) == (
        "Roth conversions", "Bo Chan", "https://ex.com/roth", dt.date(2026, 1, 5))


def test_python_docx_template_placeholders_are_not_metadata():
    def build(document):
        document.add_paragraph("Roth conversions explained.")

    meta = read_bytes(make_docx(build), "r.docx").meta  # template author and 2013 stamp
    assert meta.author is None and meta.date is None


def _corrupt_document_xml() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(make_docx(article)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data[:300] if info.filename == "word/document.xml" else data)
    return out.getvalue()


def _zip_without_word_parts() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("notes.txt", "not a word document")
    return out.getvalue()


@pytest.mark.parametrize(("data", "words"), [
    (b"This is plain text saved with a .docx name.", "not a zip archive"),
    (make_docx(article)[:1500], "not a zip archive, or truncated"),
    (_zip_without_word_parts(), "not a readable .docx document"),
    (_corrupt_document_xml(), "not a readable .docx document"),
], ids=["text", "truncated", "zip-not-word", "broken-xml"])
def test_a_broken_docx_is_a_one_line_error_naming_the_file(data, words):
    with pytest.raises(InputError) as info:
        read_bytes(data, "reports/draft.docx")
    message = str(info.value)
    assert message.startswith("reports/draft.docx: TC208 ") and words in message
    assert "\n" not in message


def test_a_docx_without_text_is_reported_as_empty():
    with pytest.raises(InputError, match="TC201 document has no text"):
        read_bytes(make_docx(lambda d: d.add_paragraph("   ")), "blank.docx")


def test_cli_reports_a_corrupt_docx_and_goes_on(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nNothing to see here.\n")
    result = invoke("check", str(bad), str(good))
    assert result.returncode == 2
    assert f"taxcheck: error: {bad}: TC208 file is not a .docx document" in result.stderr
