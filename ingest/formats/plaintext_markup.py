"""Org-mode, AsciiDoc and Typst, rewritten line by line into the Markdown the parser reads.

Each source line becomes Markdown lines of its own (one, none but an empty one, or a term and
its definition), so every item's locator points at the line of the file it came from. Only
structure is translated: headings, code and literal blocks, lists, emphasis and links;
settings, comments and drawers print nothing, as their own renderers print nothing for them.
"""

from __future__ import annotations

import re

from ingest.prepasses import card

Lines = list[tuple[int, str]]

# -- Org-mode -------------------------------------------------------------------------------
_ORG_HEADING = re.compile(
    r"^(\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING|CANCELLED)\s+)?(?:\[#[A-Z]\]\s+)?(.*?)"
    r"(?:\s+:[\w@#%:]+:)?\s*$"
)
_ORG_BLOCK = re.compile(r"^\s*#\+(BEGIN|END)_(\w+)(?:\s+(\S+))?", re.I)
_ORG_KEYWORD = re.compile(r"^\s*#\+(\w+):\s*(.*)$")
_ORG_COMMENT = re.compile(r"^\s*#(?:\s|$)")
_ORG_DRAWER = re.compile(r"^\s*:(\w+):\s*$")
_ORG_LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
_ORG_CODE = re.compile(r"(?<![\w])[=~]([^\s=~](?:[^=~\n]*?[^\s=~])?)[=~](?![\w])")
# `*bold*` in both Org-mode and AsciiDoc.
BOLD_STARS = re.compile(r"(?<![\w*])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])")
_ORG_ITALIC = re.compile(r"(?<![\w/:])/([^\s/](?:[^/\n]*?[^\s/])?)/(?![\w/])")
_ORG_TABLE_RULE = re.compile(r"^\s*\|[-+]+\|?\s*$")


def _link(m: re.Match) -> str:
    """A link (target in group 1, text in group 2) as Markdown; a bare target as itself."""
    return f"[{m.group(2)}]({m.group(1)})" if m.group(2) else m.group(1)


def _org_inline(text: str) -> str:
    codes: list[str] = []

    def keep(m: re.Match) -> str:
        codes.append(f"`{m.group(1)}`")
        return f"\0{len(codes) - 1}\0"

    text = _ORG_CODE.sub(keep, text)
    text = _ORG_LINK.sub(_link, text)
    text = BOLD_STARS.sub(r"**\1**", text)
    text = _ORG_ITALIC.sub(r"*\1*", text)
    return re.sub(r"\0(\d+)\0", lambda m: codes[int(m.group(1))], text)


def org_lines(text: str) -> Lines:
    """`(line, markdown)` pairs for an Org-mode document."""
    out: Lines = []
    verbatim = drawer = False
    for n, line in enumerate(text.split("\n"), start=1):
        if (block := _ORG_BLOCK.match(line)) and block.group(2).upper() in ("SRC", "EXAMPLE"):
            verbatim = block.group(1).upper() == "BEGIN"
            lang = (block.group(3) or "") if verbatim else ""
            out.append((n, f"```{lang}"))
            continue
        if verbatim:
            out.append((n, line))
            continue
        if drawer:
            drawer = not re.match(r"^\s*:END:\s*$", line, re.I)
            out.append((n, ""))
            continue
        if m := _ORG_HEADING.match(line):
            # One level below the document's `#+TITLE`, which is the `#` heading.
            out.append((n, f"{'#' * min(len(m.group(1)) + 1, 6)} {_org_inline(m.group(2))}"))
        elif block or _ORG_COMMENT.match(line):
            out.append((n, ""))  # #+BEGIN_QUOTE and its kin: the content stays, the fence goes
        elif keyword := _ORG_KEYWORD.match(line):
            title = keyword.group(1).lower() == "title" and keyword.group(2).strip()
            out.append((n, f"# {_org_inline(title)}" if title else ""))
        elif _ORG_DRAWER.match(line) and line.strip().upper() != ":END:":
            drawer = True
            out.append((n, ""))
        elif _ORG_TABLE_RULE.match(line):
            cols = line.count("+") + 1
            out.append((n, "|" + "---|" * cols))
        else:
            out.append((n, _org_inline(line)))
    return out


# -- AsciiDoc -------------------------------------------------------------------------------
_ADOC_HEADING = re.compile(r"^(={1,6})\s+(.+?)(?:\s+=+)?\s*$")
_ADOC_DELIMITER = re.compile(r"^(-{4,}|\.{4,}|={4,}|_{4,}|\*{4,}|\+{4,}|/{4,}|--)\s*$")
_ADOC_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_ADOC_BLOCK_ATTRS = re.compile(r"^\[[^\]]*\]\s*$")
_ADOC_BLOCK_TITLE = re.compile(r"^\.[^\s.]")
_ADOC_LIST = re.compile(r"^(\*{1,5}|-|\.{1,5})\s+(.*)$")
_ADOC_TERM = re.compile(r"^(.*\S)(:{2,4}|;;)(?:\s+(.*))?$")
_ADOC_LINK = re.compile(r"(?:link:)?((?:https?|ftp|mailto):[^\s\[]+)\[([^\]]*)\]")
_ADOC_XREF = re.compile(r"<<[^,>]+,\s*([^>]+)>>|<<([^>]+)>>")


def _adoc_inline(text: str) -> str:
    text = _ADOC_LINK.sub(_link, text)
    text = _ADOC_XREF.sub(lambda m: m.group(1) or m.group(2), text)
    return BOLD_STARS.sub(r"**\1**", text)


def asciidoc_lines(text: str) -> Lines:
    """`(line, markdown)` pairs for an AsciiDoc document. A `[qanda]` or any other labelled
    list (`What is X?::`) gives one bold line per term, its definition below it."""
    out: Lines = []
    fence: str | None = None  # the delimiter of the open listing/literal block
    comment = False
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if comment:
            comment = stripped != "////"
            out.append((n, ""))
            continue
        if fence is not None:
            if stripped == fence:
                fence = None
                out.append((n, "```"))
            else:
                out.append((n, line))
            continue
        delimiter = _ADOC_DELIMITER.match(stripped)
        if delimiter and stripped[0] in "-." and stripped != "--":
            fence = stripped
            out.append((n, "```"))
        elif stripped == "////":
            comment = True
            out.append((n, ""))
        elif delimiter or stripped.startswith("//") or _ADOC_ATTRIBUTE.match(stripped):
            out.append((n, ""))  # quote/example/sidebar fences, comments, attributes
        elif _ADOC_BLOCK_ATTRS.match(stripped) or _ADOC_BLOCK_TITLE.match(stripped):
            out.append((n, ""))
        elif m := _ADOC_HEADING.match(line):
            out.append((n, f"{'#' * len(m.group(1))} {_adoc_inline(m.group(2))}"))
        elif m := _ADOC_LIST.match(stripped):
            marker, body = m.group(1), _adoc_inline(m.group(2))
            indent = "  " * (len(marker) - 1) if marker != "-" else ""
            out.append((n, f"{indent}{'1.' if marker[0] == '.' else '-'} {body}"))
        elif (m := _ADOC_TERM.match(stripped)) and not stripped.startswith("|"):
            out.append((n, f"**{_adoc_inline(m.group(1))}**"))
            if m.group(3):  # `Term:: definition` on one line: the definition below the term
                out += [(n, ""), (n, _adoc_inline(m.group(3)))]
        else:
            out.append((n, _adoc_inline(line)))
    return out


# -- Typst ----------------------------------------------------------------------------------
_TYP_HEADING = re.compile(r"^(={1,6})\s+(.+?)\s*(?:<[\w:.-]+>)?\s*$")
_TYP_TERM = re.compile(r"^/\s+([^:]+?)\s*:\s*(.*)$")
_TYP_NUMBERED = re.compile(r"^(\s*)\+\s+(.*)$")
# Settings and definitions print nothing: `#set text(…)`, `#show: …`, `#import …`, `#let …`.
_TYP_SETTING = re.compile(r"^\s*#(?:set|show|import|include|let)\b")
_TYP_LINK = re.compile(r'#link\("([^"]+)"\)(?:\[([^\]]*)\])?')


def _typ_inline(text: str) -> str:
    text = _TYP_LINK.sub(
        lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(2) else m.group(1), text
    )
    return BOLD_STARS.sub(r"**\1**", text)


def typst_lines(text: str) -> Lines:
    """`(line, markdown)` pairs for a Typst document. A term list's item (`/ Term: its
    description`) is a card, as a Markdown definition list's term is: the term over its
    description, which goes on over the lines indented under it."""
    out: Lines = []
    fence = comment = term = False
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if comment:
            comment = "*/" not in stripped
            out.append((n, ""))
        elif fence or stripped.startswith("```"):
            fence = fence != stripped.startswith("```")
            out.append((n, line))
        elif stripped.startswith("/*"):
            comment = "*/" not in stripped
            out.append((n, ""))
        elif stripped.startswith("//") or _TYP_SETTING.match(line):
            out.append((n, ""))
        elif m := _TYP_HEADING.match(line):
            out.append((n, f"{'#' * len(m.group(1))} {_typ_inline(m.group(2))}"))
            term = False
        elif m := _TYP_TERM.match(stripped):
            out += [(n, card(_typ_inline(m.group(1)))), (n, f"    {_typ_inline(m.group(2))}")]
            term = True
        elif term and stripped and line[:1].isspace():
            out.append((n, f"    {_typ_inline(stripped)}"))
        elif m := _TYP_NUMBERED.match(line):
            out.append((n, f"{m.group(1)}1. {_typ_inline(m.group(2))}"))
            term = False
        else:
            out.append((n, _typ_inline(line)))
            term = term and not stripped
    return out
