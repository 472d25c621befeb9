"""Rendering and writing the self-contained HTML pages of the reports."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from extractor.writers.atomic import write_text
from extractor.writers.escape import visible_controls

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )


def _shown(value: Any) -> Any:
    """Every value a page shows, control characters written as escapes (markup stays markup)."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return Markup(visible_controls(str(value)))
    return visible_controls(value) if isinstance(value, str) else value


def render_page(template: str, **context: Any) -> str:
    """A template rendered with the report stylesheet inlined."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return _environment().get_template(template).render(css=css, **context)


def write_page(text: str, path: Path) -> None:
    """Write a page in one step: a reader never sees half a file."""
    write_text(path, text)
