"""EPUB books (`.epub`): a zip whose `META-INF/container.xml` names the package file, whose spine
lists the book's XHTML documents in reading order. Each document is read as the HTML page it is
(ingest/formats/html_page.py), and each line is located by its chapter, the document's place in
the spine. The navigation document repeats the headings and prints nothing. A book whose text
is encrypted (DRM) is refused; fonts obfuscated under the EPUB rules are not text and are fine."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from urllib.parse import unquote

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from core.errors import LoadError
from ingest.formats.html_page import html_lines

_XHTML = {"application/xhtml+xml", "text/html"}
_PICTURES = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)*")


def epub_lines(data: bytes) -> list[tuple[int, str]]:
    """(chapter number, Markdown line) of an EPUB book; a clear `LoadError` for anything that is
    not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError("not an EPUB book: an .epub is a zip file and this one is not") from exc
    with archive:
        names = set(archive.namelist())
        chapters = _spine(archive, names)
        locked = _encrypted(archive, names)
        out: list[tuple[int, str]] = []
        n = 0
        for path in chapters:
            if path in locked:
                raise LoadError("a DRM-protected EPUB: its text is encrypted; remove the DRM first")
            if path not in names:
                continue
            text = archive.read(path).decode("utf-8", "replace")
            try:
                lines = html_lines(text)
            except LoadError:  # a page with no text: a blank separator
                continue
            if all(_PICTURES.fullmatch(line) for _, line in lines):  # a cover, a full-page figure
                continue
            n += 1
            out += [(n, line) for _, line in lines] + [(n, "")]
    if not out:
        raise LoadError("no text in this EPUB (only pictures?)")
    return out


def _xml(archive: zipfile.ZipFile, name: str):
    try:
        return ElementTree.fromstring(archive.read(name))
    except (KeyError, ElementTree.ParseError, DefusedXmlException) as exc:
        raise LoadError(f"not a readable EPUB book ({name}: {exc}); save it again") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _spine(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    """Paths of the book's text documents, in reading order, the navigation document left out."""
    container = _xml(archive, "META-INF/container.xml")
    rootfile = next(
        (e.get("full-path") for e in container.iter() if _local(e.tag) == "rootfile"), None
    )
    if not rootfile or rootfile not in names:
        raise LoadError("not a readable EPUB book: its container names no package file")
    package = _xml(archive, rootfile)
    base = posixpath.dirname(rootfile)
    manifest = {}
    for item in package.iter():
        text = _local(item.tag) == "item" and item.get("media-type") in _XHTML
        if text and "nav" not in (item.get("properties") or "").split():
            href = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
            manifest[item.get("id")] = href
    return [
        manifest[ref.get("idref")]
        for ref in package.iter()
        if _local(ref.tag) == "itemref" and ref.get("idref") in manifest
    ]


def _encrypted(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """Paths META-INF/encryption.xml says are encrypted (font obfuscation included)."""
    if "META-INF/encryption.xml" not in names:
        return set()
    root = _xml(archive, "META-INF/encryption.xml")
    return {
        posixpath.normpath(unquote(ref.get("URI", "")))
        for ref in root.iter()
        if _local(ref.tag) == "CipherReference"
    }
