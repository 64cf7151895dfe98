"""Link and title text that line-by-line cleaning cannot see whole: a link or image tag that
wraps onto the next line, an anchor after a heading's title, a title that is only an address."""

from __future__ import annotations

import re

# A link whose label wraps onto the next line, which a line-by-line cleaner cannot see whole
# (the target must look like one, so code such as `a[i](#x)` is not taken for a link; a CJK
# letter may touch it, as CJK text has no spaces: `请参考[文献](./x.html)`).
_SPLIT_LINK = re.compile(
    r"(?<![!A-Za-z0-9_])\[([^\[\]`]{1,800})\]\((?:#|https?://|\.{0,2}/|mailto:)[^)\s]*\)"
)
# An image tag whose attributes wrap onto the next line.
_SPLIT_IMG = re.compile(r"<img\b[^<>]*>", re.I)
# An anchor after a heading's title: `Quiz [[quiz]]` (doc-builder), or an attribute block
# (Pandoc, Quarto, kramdown, attr_list): `Setup {#setup}`, `Early stopping {.smaller}`,
# `Quiz {background-color="aquamarine"}`, `Notes {: .note }`.
_ATTRIBUTE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))"""
_ANCHOR = re.compile(rf"\s*(?:\[\[[\w-]+\]\]|\{{:?\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}})\s*$")


_FENCE_LINE = re.compile(r"^([ \t]*(?:```|~~~).*)$", re.M)


def join_split_links(text: str) -> str:
    """Links and image tags that span lines, which line-by-line cleaning leaves: a link
    becomes its label and an image goes, as on one line. Code blocks are left as written."""
    if "```" not in text and "~~~" not in text:
        return _join_split_links(text)
    out, in_code = [], False
    for n, part in enumerate(_FENCE_LINE.split(text)):  # prose, fence, code, fence, prose, …
        if n % 2:
            in_code = not in_code
            out.append(part)
        else:
            out.append(part if in_code else _join_split_links(part))
    return "".join(out)


def _join_split_links(text: str) -> str:
    if "<img" in text.lower():
        text = _SPLIT_IMG.sub("", text)
    if "](" not in text:
        return text
    return _SPLIT_LINK.sub(lambda m: " ".join(m.group(1).split()), text)


def strip_anchor(title: str) -> str:
    return _ANCHOR.sub("", title)


# A title that is only an address: `## https://www.reddit.com/r/ML/comments/5l3f1c/d_what_happened_to_dropout/`.
_URL_TITLE = re.compile(r"^<?https?://(?:www\.)?(?P<host>[^/\s>]+)(?P<path>/[^\s>]*)?>?$")


def url_title(title: str) -> str:
    """A title that is only a web address, as a reader would name the page: its site, and the
    last part of its path where that reads as words ("reddit.com: d what happened to
    dropout"); any other title as it is."""
    m = _URL_TITLE.match(title.strip())
    if m is None:
        return title
    path = re.sub(r"[?#].*$", "", m.group("path") or "")
    last = re.sub(r"\.\w{1,5}$", "", ([p for p in path.split("/") if p] or [""])[-1])
    words = " ".join(re.split(r"[-_+.]+", last)).strip()
    return f"{m.group('host')}: {words}" if re.search(r"[A-Za-z]{3}", words) else m.group("host")
