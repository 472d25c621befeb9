"""Pages saved by word processors, made to say in HTML what they say with styles.

Microsoft Word ("Save as Web Page") and Google Docs ("Download as HTML") write most structure
as styled paragraphs rather than HTML elements; this module rewrites the parsed tree in place so
that the HTML reader sees what a reader of the page sees:

- bold and font sizes set by class rules of the page's <style> block (".c5{font-weight:700}",
  "p.MsoTitle{font-size:28pt}"; rules for one class, not for classes in context) are copied
  into the elements' own style;
- a paragraph in the title style (Word's MsoTitle; Google Docs' "title", when the page's
  style block styles that class, as Google Docs does) is a level-1 heading;
- a short paragraph set clearly larger than the body text (the size most of the page's
  paragraphs are set in, when it is set) is a heading, levels following sizes: pages whose
  authors set headings in bold 16 pt rather than in a heading style, with or without
  heading elements elsewhere;
- Word's list paragraphs (class MsoListParagraph…, MsoListBullet…, MsoListNumber…, or
  "mso-list: … level2" in their style) are list items at their level, without the bullet
  glyph Word writes before the text (a number or letter it writes there is kept as text);
  Google Docs' lists, written as sibling lists with the level in their class
  ("lst-kix_…-1"), keep that level;
- Word's table of contents (paragraphs of the MsoToc1, MsoToc2… and MsoTocHeading styles) is
  left out, as a list of links within the page is;
- Google's redirect links (https://www.google.com/url?q=<target>&…) point to their target.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from lxml import etree

LEVEL_ATTRIBUTE = "data-list-level"
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CSS_NOISE = re.compile(r"/\*.*?\*/|<!--|-->", re.S)
CLASS_SELECTOR = re.compile(r"^(?:[a-z][a-z0-9]*)?\.([\w-]+)$", re.I)
KEPT_DECLARATIONS = re.compile(r"(?:^|;)\s*(font-weight|font-size)\s*:\s*([^;]+)", re.I)
FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.I)
WORD_LIST_CLASSES = ("msolistparagraph", "msolistbullet", "msolistnumber")
WORD_LIST = re.compile(r"mso-list\s*:[^;]*?\blevel(\d+)", re.I)
GDOCS_LIST = re.compile(r"^lst-kix_[\w]+-(\d+)$")
HEADING_TAGS = {f"h{n}" for n in range(1, 7)}
HEADING_RATIO = 1.2
MAX_HEADING = 200  # a longer paragraph is running text, whatever its size
SUPPORT_LISTS = re.compile(r"<!\[if !supportLists\]>(.*?)<!\[endif\]>", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
SPACES = " \u00a0\t\r\n"
REDIRECT_HOSTS = {"www.google.com", "google.com"}


def tidy_office_html(root: etree._Element) -> None:
    """Rewrite a parsed page in place (see the module's docstring)."""
    styled = _inline_class_styles(root)
    _unwrap_redirects(root)
    titles = {"msotitle"} | ({"title"} & styled)  # Google Docs styles its "title" class
    for el in root.iter("p", "div", "ul", "ol"):
        classes = {c.lower() for c in (el.get("class") or "").split()}
        if el.tag == "p" and any(c.startswith("msotoc") for c in classes):
            el.set("hidden", "")  # Word's table of contents (MsoToc1…, MsoTocHeading)
        elif el.tag == "p" and classes & titles:
            el.tag = "h1"
        elif el.tag == "p" and (WORD_LIST.search(el.get("style") or "") or _word_list(classes)):
            _word_list_item(el)
        elif el.tag in {"ul", "ol"}:
            _gdocs_list_level(el)
    _headings_by_size(root)


def _inline_class_styles(root: etree._Element) -> set[str]:
    """Copy weights and sizes of one-class rules into the style of the elements they style;
    the classes that have a rule of their own."""
    rules: dict[str, str] = {}
    styled: set[str] = set()
    for style in root.iter("style"):
        for selectors, body in CSS_RULE.findall(CSS_NOISE.sub(" ", style.text or "")):
            kept = ";".join(f"{k}:{v.strip()}" for k, v in KEPT_DECLARATIONS.findall(body))
            for selector in selectors.split(","):
                simple = CLASS_SELECTOR.match(selector.strip())  # ".c5", "p.MsoTitle" only
                if simple:
                    styled.add(simple[1].lower())
                if kept and simple:
                    name = simple[1].lower()
                    rules[name] = (rules.get(name, "") + ";" + kept).strip(";")
    if not rules:
        return styled
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.get("class"):
            continue
        found = [rules[c.lower()] for c in el.get("class", "").split() if c.lower() in rules]
        if found:
            el.set("style", ";".join([*found, el.get("style") or ""]).strip(";"))
    return styled


def _unwrap_redirects(root: etree._Element) -> None:
    for link in root.iter("a"):
        try:
            parts = urlsplit(link.get("href") or "")
        except ValueError:  # "http://[::1" and the like: left as written
            continue
        if parts.netloc.lower() in REDIRECT_HOSTS and parts.path == "/url":
            target = parse_qs(parts.query).get("q")
            if target and target[0]:
                link.set("href", target[0])


def _word_list(classes: set[str]) -> bool:
    return any(c.startswith(WORD_LIST_CLASSES) for c in classes)


def _word_list_item(p: etree._Element) -> None:
    found = WORD_LIST.search(p.get("style") or "")
    p.tag = "li"
    p.set(LEVEL_ATTRIBUTE, str(int(found[1]) - 1 if found else 0))
    first = next((c for c in p if isinstance(c.tag, str)), None)
    if first is not None and not (p.text or "").strip(SPACES) and _glyph_marker(first):
        p.text = (p.text or "") + (first.tail or "")
        p.remove(first)


def _glyph_marker(span: etree._Element) -> bool:
    """Word's bullet where the page has no list markup ("filtered" pages): a one-character
    glyph followed by a span of spaces only ("·" then "&nbsp;&nbsp;&nbsp; ")."""
    spacers = [c for c in span if isinstance(c.tag, str)]
    glyph = (span.text or "").strip(SPACES)
    if len(spacers) != 1 or len(glyph) != 1 or "".join(spacers[0].itertext()).strip(SPACES):
        return False
    return not (spacers[0].tail or "").strip(SPACES)


def without_list_glyphs(text: str) -> str:
    """Word's list markers (in <![if !supportLists]>, shown by browsers without lists): a
    bullet glyph is left out, a number or letter ("1.", "a)") kept as text; lines are kept."""

    def replace(found: re.Match) -> str:
        marker = found[1]
        words = TAG.sub("", marker).replace("&nbsp;", " ").strip()
        keep = len(words) > 1 and any(c.isalnum() for c in words)
        return marker if keep else "\n" * marker.count("\n")

    return SUPPORT_LISTS.sub(replace, text)


def _gdocs_list_level(el: etree._Element) -> None:
    levels = [int(m[1]) for c in (el.get("class") or "").split() if (m := GDOCS_LIST.match(c))]
    if levels:
        for item in el:
            if isinstance(item.tag, str) and item.tag == "li":
                item.set(LEVEL_ATTRIBUTE, str(levels[0]))


def _headings_by_size(root: etree._Element) -> None:
    """Short paragraphs set clearly larger than the body text are headings (below level 1,
    which the title and the page's own top headings keep)."""
    if not any("font-size" in (el.get("style") or "") for el in root.iter("p", "span")):
        return  # no size is set: a web page like most
    sized = [(p, _size(p)) for p in root.iter("p") if not _in_list_or_table(p)]
    weights: Counter[float] = Counter()
    for p, size in sized:
        weights[size or 0.0] += len("".join(p.itertext()).strip())
    body = weights.most_common(1)[0][0] if weights else 0.0
    if not body:
        return  # the size of most of the text is not set: nothing to compare with
    big = [(p, s) for p, s in sized if s and s >= body * HEADING_RATIO and _short(p)]
    ranks = sorted({s for _, s in big}, reverse=True)
    for p, size in big:
        p.tag = f"h{min(ranks.index(size) + 2, 6)}"


def _size(el: etree._Element) -> float | None:
    """The largest font size (in points) set on the element or inside it, over its text."""
    sizes = []
    for node in el.iter():
        found = FONT_SIZE.findall(node.get("style") or "") if isinstance(node.tag, str) else []
        if found and "".join(node.itertext()).strip():
            value, unit = found[-1]
            sizes.append(float(value) * (0.75 if unit.lower() == "px" else 1.0))
    return max(sizes) if sizes else None


def _short(p: etree._Element) -> bool:
    text = " ".join("".join(p.itertext()).split())
    return 0 < len(text) <= MAX_HEADING and not text.endswith(".")


def _in_list_or_table(el: etree._Element) -> bool:
    return any(a.tag in {"li", "td", "th", "ul", "ol"} for a in el.iterancestors())
