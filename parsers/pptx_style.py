"""Effective font size, weight and bullet of PowerPoint text, through the style chain.

A paragraph's look is set on its runs or inherited, level by level, from the shape's list
style, the layout and master placeholders it derives from, the master's title, body or other
text style, and the presentation's default text style.
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn

BULLET_TAGS = {qn("a:buChar"), qn("a:buAutoNum"), qn("a:buBlip")}
NO_BULLET = qn("a:buNone")
LEVELS = [qn(f"a:lvl{n}pPr") for n in range(1, 10)]
DEF_RPR, LST_STYLE, BODY_PR = qn("a:defRPr"), qn("a:lstStyle"), qn("a:bodyPr")
NORM_AUTOFIT, TX_BODY, NV_PR, PH = qn("a:normAutofit"), qn("p:txBody"), qn("p:nvPr"), qn("p:ph")
TX_STYLES, SP_TREE = qn("p:txStyles"), qn("p:cSld") + "/" + qn("p:spTree")
TITLE_STYLE, BODY_STYLE, OTHER_STYLE = qn("p:titleStyle"), qn("p:bodyStyle"), qn("p:otherStyle")
DEFAULT_TEXT_STYLE = qn("p:defaultTextStyle")
TITLE_TYPES = {"title", "ctrTitle"}
DEFAULT_SIZE = 18.0


class DeckStyles:
    """The style chains of one presentation; what layouts and masters give is looked up once."""

    def __init__(self, presentation) -> None:
        self.default = xml(presentation).find(DEFAULT_TEXT_STYLE)
        self._inherited: dict[tuple, StyleLevels] = {}

    def chain(self, element: etree._Element, layout) -> StyleChain:
        """The style chain of a shape (given as its XML element) on a slide of this layout."""
        ph = _ph(element)
        kind = _kind(ph)
        key = (id(layout), ph.get("idx") if ph is not None else None, kind)
        if key not in self._inherited:
            self._inherited[key] = StyleLevels(self._layout_sources(layout, key[1], kind))
        levels = self._inherited[key]
        own = _list_style(element)
        # Shapes without list styles of their own (or with empty ones) share their layout's.
        if own is not None and len(own):
            levels = StyleLevels([own, *levels.sources])
        return StyleChain(levels, _font_scale(element))

    def _layout_sources(self, layout, idx: str | None, kind: str | None) -> list:
        master = xml(layout.slide_master)
        sources = []
        if kind is not None:
            base = "title" if kind in TITLE_TYPES else "body"
            sources.append(_list_style(matching_placeholder(xml(layout), idx, kind)))
            sources.append(_list_style(matching_placeholder(master, None, base)))
        styles = master.find(TX_STYLES)
        name = TITLE_STYLE if kind in TITLE_TYPES else BODY_STYLE if kind else OTHER_STYLE
        sources.append(styles.find(name) if styles is not None else None)
        sources.append(self.default)
        return sources


class StyleLevels:
    """Paragraph styles, most specific first; what each level inherits is looked up once."""

    def __init__(self, sources: list[etree._Element | None]) -> None:
        self.sources = [source for source in sources if source is not None]
        self._levels: dict[int, list[etree._Element]] = {}
        self._values: dict[tuple[int, str], str | None] = {}
        self._bullets: dict[int, bool] = {}

    def level(self, level: int) -> list[etree._Element]:
        """The lvlNpPr elements that apply to paragraphs of this level."""
        if level not in self._levels:
            tag = LEVELS[min(level, 8)]
            found = (first_child(source, tag) for source in self.sources)
            self._levels[level] = [element for element in found if element is not None]
        return self._levels[level]

    def value(self, level: int, attribute: str) -> str | None:
        """The first run default of an attribute ("sz", "b") set at a level, or None."""
        key = (level, attribute)
        if key not in self._values:
            self._values[key] = self._look_up(level, attribute)
        return self._values[key]

    def bulleted(self, level: int) -> bool:
        """Whether paragraphs of a level show a bullet unless they say otherwise."""
        if level not in self._bullets:
            found = (_bullet(props) for props in self.level(level))
            self._bullets[level] = next((b for b in found if b is not None), False)
        return self._bullets[level]

    def _look_up(self, level: int, attribute: str) -> str | None:
        for props in self.level(level):
            defaults = first_child(props, DEF_RPR)
            if defaults is not None and defaults.get(attribute):
                return defaults.get(attribute)
        return None


class StyleChain:
    """The inherited paragraph styles of one shape and its autofit shrink."""

    def __init__(self, levels: StyleLevels, scale: float) -> None:
        self.levels = levels
        self.scale = scale

    def size(self, run_props: etree._Element | None, level: int) -> float:
        """The font size in points of a run at a level, autofit shrink applied."""
        value = run_props.get("sz") if run_props is not None else None
        value = value or self.levels.value(level, "sz")
        return (int(value) / 100 if value else DEFAULT_SIZE) * self.scale

    def bold(self, run_props: etree._Element | None, level: int) -> bool:
        """Whether a run at a level is bold."""
        value = run_props.get("b") if run_props is not None else None
        value = value or self.levels.value(level, "b")
        return value in ("1", "true")

    def bulleted(self, paragraph_props: etree._Element | None, level: int) -> bool:
        """Whether a paragraph shows a bullet: its own setting, else the inherited one."""
        own = _bullet(paragraph_props) if paragraph_props is not None else None
        return self.levels.bulleted(level) if own is None else own


def _bullet(props: etree._Element) -> bool | None:
    """True for a bullet, False for "no bullet", None when these properties say neither."""
    for child in props:
        if child.tag in BULLET_TAGS:
            return True
        if child.tag == NO_BULLET:
            return False
    return None


def first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag, or None; lxml's find parses a path and is slower."""
    return next(element.iterchildren(tag), None)


def xml(proxy) -> etree._Element:
    """The XML element behind a python-pptx slide, layout, master or presentation.

    The one place the reader reaches behind python-pptx's objects: everything else is read
    from the XML, which is faster and gives what python-pptx does not model.
    """
    return proxy.element


def placeholder_idx(element: etree._Element) -> str | None:
    """The placeholder index of a shape element, None when it has none or is no placeholder."""
    ph = _ph(element)
    return ph.get("idx") if ph is not None else None


def placeholder_kind(element: etree._Element) -> str | None:
    """The placeholder type of a shape element ("title", "body", ...), or None when none."""
    return _kind(_ph(element))


def _kind(ph: etree._Element | None) -> str | None:
    """The placeholder type a p:ph gives, "obj" when it gives none; None without a p:ph."""
    return None if ph is None else ph.get("type", "obj")


def _ph(element: etree._Element) -> etree._Element | None:
    """The p:ph of a shape: in its non-visual properties, always the shape's first child."""
    if not len(element):
        return None
    nv = first_child(element[0], NV_PR)
    return first_child(nv, PH) if nv is not None else None


def matching_placeholder(
    container: etree._Element, idx: str | None, kind: str
) -> etree._Element | None:
    """The placeholder on a layout or master with this idx, else the first of this type."""
    by_type = None
    tree = container.find(SP_TREE)
    for candidate in tree if tree is not None else ():
        ph = _ph(candidate)
        if ph is None:
            continue
        if idx is not None and ph.get("idx") == idx:
            return candidate
        if by_type is None and ph.get("type", "obj") == kind:
            by_type = candidate
    return by_type


def _list_style(element: etree._Element | None) -> etree._Element | None:
    body = first_child(element, TX_BODY) if element is not None else None
    return first_child(body, LST_STYLE) if body is not None else None


def _font_scale(element: etree._Element) -> float:
    body = first_child(element, TX_BODY)
    props = first_child(body, BODY_PR) if body is not None else None
    fit = first_child(props, NORM_AUTOFIT) if props is not None else None
    scale = fit.get("fontScale") if fit is not None else None
    return int(scale) / 100000 if scale else 1.0
