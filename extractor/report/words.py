"""A long text that changed, shown once with the words removed and added marked."""

from __future__ import annotations

from difflib import SequenceMatcher

from markupsafe import Markup, escape

CONTEXT = 8  # unchanged words kept on each side of a change; longer runs are cut at "…"
MIN_SHARED = 0.5  # texts sharing less than this (difflib's ratio of words) are shown whole
CUT = Markup('<span class="cut">…</span>')


def marked_words(old: str, new: str) -> Markup | None:
    """The text with removed words in <del> and added words in <ins>, all of it escaped.

    Runs of unchanged words are cut to CONTEXT words beside each change. None when the texts
    share too few words to be read this way, or differ in spacing only.
    """
    before, after = old.split(), new.split()
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    if before == after or matcher.ratio() < MIN_SHARED:
        return None
    codes = matcher.get_opcodes()
    parts: list[Markup] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            parts.append(_unchanged(before[i1:i2], index == 0, index == len(codes) - 1))
            continue
        if i2 > i1:
            parts.append(Markup("<del>%s</del>") % " ".join(before[i1:i2]))
        if j2 > j1:
            parts.append(Markup("<ins>%s</ins>") % " ".join(after[j1:j2]))
    return Markup(" ").join(parts)


def _unchanged(words: list[str], first: bool, last: bool) -> Markup:
    """Unchanged words, cut to the CONTEXT words next to the change before and after them."""
    after_change = 0 if first else CONTEXT
    before_change = 0 if last else CONTEXT
    if len(words) <= after_change + before_change + 1:
        return escape(" ".join(words))
    kept = [" ".join(words[:after_change]), CUT, " ".join(words[len(words) - before_change :])]
    return Markup(" ").join(piece for piece in kept if piece)
