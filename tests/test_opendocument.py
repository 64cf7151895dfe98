"""OpenDocument files (.odt from LibreOffice Writer or Google Docs, .odp from Impress), made here
with odfpy: read as the Markdown they stand for, so every layout rule applies; a table of
contents, footnotes and slide furniture print nothing; broken, encrypted, mislabelled and empty
files get a one-line reason."""

import io
import zipfile

import pytest
from odf import table
from odf.draw import Frame, Page, TextBox
from odf.namespaces import PRESENTATIONNS
from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.presentation import Notes
from odf.style import MasterPage, PageLayout, Style, TextProperties
from odf.text import (
    H,
    IndexBody,
    LineBreak,
    List,
    ListItem,
    ListLevelStyleNumber,
    ListStyle,
    Note,
    NoteBody,
    NoteCitation,
    P,
    S,
    Span,
    TableOfContent,
)

from core.errors import LoadError
from ingest.discover import discover
from ingest.formats.opendocument import odt_lines
from ingest.loaders import load
from ingest.parse import parse_document


def _saved(doc) -> bytes:
    data = io.BytesIO()
    doc.save(data)
    return data.getvalue()


def _list(items, style=None):
    out = List(stylename=style) if style is not None else List()
    for text in items:
        item = ListItem()
        item.addElement(P(text=text))
        out.addElement(item)
    return out


def _notes() -> bytes:
    doc = OpenDocumentText()
    bold = Style(name="T1", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    numbered = ListStyle(name="L1")
    numbered.addElement(ListLevelStyleNumber(level=1, numformat="1"))
    doc.automaticstyles.addElement(bold)
    doc.automaticstyles.addElement(numbered)
    contents = TableOfContent(name="Contents")
    entries = IndexBody()
    entries.addElement(P(text="Regularisation 1"))
    contents.addElement(entries)
    doc.text.addElement(contents)
    doc.text.addElement(H(outlinelevel=1, text="Regularisation"))
    asked = P()
    asked.addElement(Span(stylename=bold, text="What does dropout do?"))
    doc.text.addElement(asked)
    answer = P(text="It zeroes random activations while training")
    footnote = Note(noteclass="footnote")
    footnote.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Srivastava et al., 2014."))
    footnote.addElement(body)
    answer.addElement(footnote)
    answer.addText(", so units cannot co-adapt.")
    doc.text.addElement(answer)
    doc.text.addElement(H(outlinelevel=2, text="Review questions"))
    doc.text.addElement(_list(["What is weight decay?", "Why normalise the inputs?"], numbered))
    doc.text.addElement(H(outlinelevel=2, text="Summary"))
    grid = table.Table(name="Methods")
    for row in [("Method", "Effect"), ("L2", "Shrinks the weights")]:
        cells = table.TableRow()
        for text in row:
            cell = table.TableCell()
            cell.addElement(P(text=text))
            cells.addElement(cell)
        grid.addElement(cells)
    doc.text.addElement(grid)
    return _saved(doc)


def test_a_text_document_reads_as_its_headings_bold_questions_lists_and_tables(tmp_path):
    (tmp_path / "notes.odt").write_bytes(_notes())
    doc = load(tmp_path / "notes.odt")
    items = parse_document(doc, chunker=lambda t: [t])
    assert doc.format == "opendocument text"
    assert [(i.kind, i.section, i.question, i.locator) for i in items] == [
        ("qa", "Regularisation", "What does dropout do?", "paragraphs 2-3"),
        ("question", "Regularisation > Review questions", "What is weight decay?", "paragraph 5"),
        (
            "question",
            "Regularisation > Review questions",
            "Why normalise the inputs?",
            "paragraph 5",
        ),  # fmt: skip
        ("chunk", "Regularisation > Summary", "", "paragraphs 6-7"),
    ]
    # The footnote's body would cut the sentence in two; the contents page repeats the headings.
    assert items[0].answer == "It zeroes random activations while training, so units cannot co-adapt."  # fmt: skip
    assert "| L2 | Shrinks the weights |" in items[3].answer
    assert [f.path.name for f in discover(tmp_path)] == ["notes.odt"]


def test_bold_spans_spaces_and_line_breaks_are_kept():
    doc = OpenDocumentText()
    bold = Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
    bold.addElement(TextProperties(fontweight="700"))
    doc.styles.addElement(bold)
    paragraph = P()
    paragraph.addElement(Span(stylename=bold, text="Bias"))
    paragraph.addText(" is error from")
    paragraph.addElement(S(c=2))
    paragraph.addText("wrong assumptions")
    paragraph.addElement(LineBreak())
    paragraph.addText("and leads to underfitting.")
    doc.text.addElement(paragraph)
    text = [line for _, line in odt_lines(_saved(doc)) if line]
    assert text == ["**Bias** is error from  wrong assumptions and leads to underfitting."]


def _frame(page, role, text, y="4cm", items=None):
    frame = Frame(width="20cm", height="3cm", x="1cm", y=y)
    frame.setAttrNS(PRESENTATIONNS, "class", role)
    box = TextBox()
    box.addElement(_list(items) if items else P(text=text))
    frame.addElement(box)
    page.addElement(frame)


def _slides() -> bytes:
    doc = OpenDocumentPresentation()
    layout = PageLayout(name="PL")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Default", pagelayoutname=layout)
    doc.masterstyles.addElement(master)

    def slide():
        page = Page(masterpagename=master)
        doc.presentation.addElement(page)
        return page

    cover = slide()
    _frame(cover, "subtitle", "Lecture 4, Machine Learning")
    _frame(cover, "title", "Regularisation", y="1cm")  # written last, read first
    bullets = slide()
    _frame(bullets, "title", "10 tips on dropout", y="1cm")
    _frame(bullets, "outline", "", items=["Zeroes random activations", "Every unit kept at test"])
    _frame(bullets, "page-number", "2", y="18cm")
    quiz = slide()
    _frame(quiz, "title", "Check your understanding", y="1cm")
    _frame(quiz, "outline", "", items=["Why does early stopping regularise?"])
    notes = Notes()
    _frame(notes, "notes", "It limits how far the weights travel from where they started.")
    quiz.addElement(notes)
    return _saved(doc)


def test_a_presentation_reads_as_its_titles_bullets_and_speaker_notes(tmp_path):
    (tmp_path / "lecture.odp").write_bytes(_slides())
    doc = load(tmp_path / "lecture.odp")
    items = parse_document(doc, chunker=lambda t: [t])
    assert doc.format == "opendocument slides"
    assert [(i.kind, i.section, i.question, i.locator) for i in items] == [
        ("chunk", "Regularisation > 10 tips on dropout", "", "slide 2"),
        (
            "qa",
            "Regularisation > Check your understanding",
            "Why does early stopping regularise?",
            "slide 3",
        ),  # fmt: skip
    ]
    assert items[0].answer == "- Zeroes random activations\n- Every unit kept at test"
    assert items[1].answer == "It limits how far the weights travel from where they started."


def _zip(files: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return data.getvalue()


_ENCRYPTED = _zip(
    {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
        b'<manifest:encryption-data manifest:checksum="x"/></manifest:file-entry>'
        b"</manifest:manifest>",
        "content.xml": b"\x8f\x13 ciphertext",
    }
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("notes.odt", b"PK\x03\x04 not really a zip", "not a readable OpenDocument file"),
        ("notes.odt", _ENCRYPTED, "password-protected"),
        ("notes.odt", _saved(OpenDocumentSpreadsheet()), "spreadsheet, not text"),
        ("notes.odt", _saved(OpenDocumentText()), "no text in this document"),
        ("deck.odp", _saved(OpenDocumentPresentation()), "no text in this presentation"),
    ],
    ids=["broken", "encrypted", "a spreadsheet", "no text", "no slides"],
)
def test_a_file_that_cannot_be_read_gets_a_one_line_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(LoadError, match=reason):
        load(tmp_path / name)
