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
TITLE_TYPES = {"title", "ctrTitle"}
DEFAULT_SIZE = 18.0


class StyleChain:
    """The inherited paragraph styles of one shape, most specific first, for each level."""

    def __init__(self, shape, slide, presentation) -> None:
        self.sources = _style_sources(shape, slide, presentation)
        self.scale = _font_scale(shape)
        self._levels: dict[int, list[etree._Element]] = {}

    def level(self, level: int) -> list[etree._Element]:
        """The lvlNpPr elements that apply to paragraphs of this level."""
        if level not in self._levels:
            tag = qn(f"a:lvl{min(level, 8) + 1}pPr")
            found = (source.find(tag) for source in self.sources if source is not None)
            self._levels[level] = [element for element in found if element is not None]
        return self._levels[level]

    def size(self, run_props: etree._Element | None, level: int) -> float:
        """The font size in points of a run at a level, autofit shrink applied."""
        value = run_props.get("sz") if run_props is not None else None
        value = value or self._inherited(level, "sz")
        return (int(value) / 100 if value else DEFAULT_SIZE) * self.scale

    def bold(self, run_props: etree._Element | None, level: int) -> bool:
        """Whether a run at a level is bold."""
        value = run_props.get("b") if run_props is not None else None
        value = value or self._inherited(level, "b")
        return value in ("1", "true")

    def bulleted(self, paragraph_props: etree._Element | None, level: int) -> bool:
        """Whether a paragraph shows a bullet: its own setting, else the inherited one."""
        candidates = [paragraph_props] if paragraph_props is not None else []
        for props in candidates + self.level(level):
            for child in props:
                if child.tag in BULLET_TAGS:
                    return True
                if child.tag == NO_BULLET:
                    return False
        return False

    def _inherited(self, level: int, attribute: str) -> str | None:
        for props in self.level(level):
            defaults = props.find(qn("a:defRPr"))
            if defaults is not None and defaults.get(attribute):
                return defaults.get(attribute)
        return None


def placeholder_type(shape) -> str | None:
    """The placeholder type of a shape ("title", "body", ...), or None when it is none."""
    ph = _ph(shape._element)
    if ph is None:
        return None
    return ph.get("type", "obj")


def _ph(element: etree._Element) -> etree._Element | None:
    nv = element.find(".//" + qn("p:nvPr"))
    return nv.find(qn("p:ph")) if nv is not None else None


def _style_sources(shape, slide, presentation) -> list[etree._Element | None]:
    sources = [_list_style(shape._element)]
    kind = placeholder_type(shape)
    master = slide.slide_layout.slide_master
    if kind is not None:
        ph = _ph(shape._element)
        layout = _matching(slide.slide_layout.shapes, ph.get("idx"), kind)
        base = "title" if kind in TITLE_TYPES else "body"
        sources += [_list_style(layout), _list_style(_matching(master.shapes, None, base))]
    styles = master._element.find(qn("p:txStyles"))
    name = "p:titleStyle" if kind in TITLE_TYPES else "p:bodyStyle" if kind else "p:otherStyle"
    sources.append(styles.find(qn(name)) if styles is not None else None)
    sources.append(presentation._element.find(qn("p:defaultTextStyle")))
    return sources


def _matching(shapes, idx: str | None, kind: str) -> etree._Element | None:
    """The placeholder among shapes with this idx, else the first of this type."""
    by_type = None
    for candidate in shapes:
        ph = _ph(candidate._element)
        if ph is None:
            continue
        if idx is not None and ph.get("idx") == idx:
            return candidate._element
        if by_type is None and ph.get("type", "obj") == kind:
            by_type = candidate._element
    return by_type


def _list_style(element: etree._Element | None) -> etree._Element | None:
    if element is None:
        return None
    return element.find(".//" + qn("a:lstStyle"))


def _font_scale(shape) -> float:
    body = shape._element.find(".//" + qn("a:bodyPr"))
    fit = body.find(qn("a:normAutofit")) if body is not None else None
    scale = fit.get("fontScale") if fit is not None else None
    return int(scale) / 100000 if scale else 1.0
