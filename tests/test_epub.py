"""EPUB books, made here as the EPUB 3 specification lays them out (a zip holding a container,
a package file and XHTML documents): read chapter by chapter in the spine's order, each chapter
as the HTML page it is; the navigation document and a picture-only cover print nothing; a book
whose text is encrypted (DRM), a broken zip and a book with no text get a one-line reason."""

import io
import zipfile

import pytest

from core.errors import LoadError
from ingest.discover import discover
from ingest.loaders import load
from ingest.parse import parse_document

_CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
    media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

_PACKAGE = """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>ML notes</dc:title></metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/review.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="cover.png" media-type="image/png"/>
  </manifest>
  <spine><itemref idref="nav"/><itemref idref="cover"/><itemref idref="c1"/>
    <itemref idref="c2"/></spine>
</package>"""


def _page(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>x</title></head><body>{body}</body></html>"
    )


_CHAPTERS = {
    "OEBPS/nav.xhtml": _page(
        '<nav><ol><li><a href="text/chapter%201.xhtml">Trees</a></li></ol></nav>'
    ),  # fmt: skip
    "OEBPS/cover.xhtml": _page('<img src="../cover.png" alt=""/>'),
    "OEBPS/text/chapter 1.xhtml": _page(
        "<h1>Decision trees</h1><h2>What is Gini impurity?</h2>"
        "<p>The chance that a random sample is mislabelled by the node's class mix.</p>"
    ),
    "OEBPS/text/review.xhtml": _page(
        "<h1>Review</h1><ol><li>Why do trees overfit?</li><li>What does pruning do?</li></ol>"
    ),
}


def _book(encrypted: str = "", chapters: dict[str, str] = _CHAPTERS) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER)
        if encrypted:
            archive.writestr(
                "META-INF/encryption.xml",
                '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                f'<enc:CipherData><enc:CipherReference URI="{encrypted}"/></enc:CipherData>'
                "</enc:EncryptedData></encryption>",
            )
        archive.writestr("OEBPS/content.opf", _PACKAGE)
        for name, text in chapters.items():
            archive.writestr(name, text)
    return data.getvalue()


def test_a_book_reads_chapter_by_chapter_in_spine_order(tmp_path):
    (tmp_path / "notes.epub").write_bytes(_book())
    doc = load(tmp_path / "notes.epub")
    items = parse_document(doc, chunker=lambda t: [t])
    assert doc.format == "epub"
    assert [(i.kind, i.section, i.question, i.locator) for i in items] == [
        ("qa", "Decision trees", "What is Gini impurity?", "chapter 1"),
        ("question", "Review", "Why do trees overfit?", "chapter 2"),
        ("question", "Review", "What does pruning do?", "chapter 2"),
    ]
    assert items[0].answer.startswith("The chance that a random sample is mislabelled")
    assert [f.path.name for f in discover(tmp_path)] == ["notes.epub"]


def test_obfuscated_fonts_are_not_drm():
    from ingest.formats.epub import epub_lines

    lines = [line for _, line in epub_lines(_book(encrypted="OEBPS/fonts/serif.otf")) if line]
    assert lines[0] == "# Decision trees"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "not an EPUB book"),
        (_book(encrypted="OEBPS/text/chapter%201.xhtml"), "DRM-protected"),
        (_book(chapters={"OEBPS/cover.xhtml": _page("<img src='c.png'/>")}), "no text in this"),
    ],
    ids=["broken", "drm", "no text"],
)
def test_a_book_that_cannot_be_read_gets_a_one_line_reason(tmp_path, data, reason):
    (tmp_path / "book.epub").write_bytes(data)
    with pytest.raises(LoadError, match=reason):
        load(tmp_path / "book.epub")
