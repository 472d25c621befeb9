"""Cutting a leader entry into segments: a head, its parenthesised groups, how it is joined.

Hard separators (",", ";") end a segment, and so does the text after a closing parenthesis.
Conjunctions ("and", "&") end one too, unless they sit inside an organisation name: a name
the alias table knows, one its acronym abbreviates, or one the vocabulary's words continue
("Ministry of Trade and Industry"). Commas are read the same way, but first: parts that
together make a known name ("Gartner, Inc.") or the name an acronym right after abbreviates
("Department for Digital, Culture, Media & Sport (DCMS)") are bound into one before cutting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from normalizers.directory import Directory
from normalizers.leader_words import LeaderVocabulary, alternatives
from normalizers.problems import Problem
from normalizers.text import squash_spaces

# How a segment follows the one before it.
START, APPOSITION, HARD, CONJUNCTION, JUXTAPOSED = (
    "start",
    "apposition",
    "hard",
    "conjunction",
    "juxtaposed",
)

Span = tuple[int, int]

# The most comma-separated parts one organisation name is looked for across.
LONGEST_NAME = 8


@dataclass
class Token:
    """A run of the entry: plain text, a parenthesised group, or a hard separator."""

    kind: str
    start: int
    end: int
    inner: Span = (0, 0)
    apposition: bool = False


@dataclass
class Segment:
    """A head (maybe empty) and the parenthesised groups that follow it."""

    start: int
    end: int
    joined: str
    head: Span | None = None
    parens: list[Token] = field(default_factory=list)


class EntryText:
    """One entry's text, cut into segments and affiliations; what it could not cut is a problem."""

    def __init__(self, text: str, directory: Directory, vocabulary: LeaderVocabulary) -> None:
        self.text = text
        self.directory = directory
        self.words = vocabulary
        self.problems: list[Problem] = []
        self._bound: list[Span] = []

    def segments(self) -> list[Segment]:
        """The segments of the entry, each remembering how it follows the previous one."""
        tokens = self._lex()
        segments: list[Segment] = []
        current: Segment | None = None
        joined = START
        for index, token in enumerate(tokens):
            if token.kind == "separator":
                current, joined = None, APPOSITION if token.apposition else HARD
            elif token.kind == "paren":
                if current is None:
                    current = Segment(token.start, token.end, joined)
                    segments.append(current)
                current.parens.append(token)
                current.end = token.end
            else:
                if current is not None:
                    joined = JUXTAPOSED
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                acronym = (
                    self.slice(following.inner) if following and following.kind == "paren" else None
                )
                current, joined = self._text_segments(token, joined, acronym, segments)
        return segments

    def items(self, span: Span) -> list[Span]:
        """The affiliations of a group: split at hard separators, then at conjunctions."""
        items: list[Span] = []
        for piece in self._pieces(span):
            if "(" in self.slice(piece):
                items.append(piece)
            else:
                items += self._group(self._conjuncts(piece)[0], None)
        return items

    def slice(self, span: Span) -> str:
        """The text of a span."""
        return self.text[span[0] : span[1]]

    def raw(self, span: Span) -> str:
        """The text of a span as written, spacing squashed."""
        return squash_spaces(self.slice(span))

    # -- tokens ----------------------------------------------------------------------------

    def _lex(self) -> list[Token]:
        """Text runs, parenthesised groups and hard separators, outside any parentheses."""
        tokens: list[Token] = []
        start = 0
        while found := self.words.break_mark.search(self.text, start):
            index, mark = found.start(), found.group()
            tokens += self._text_token(start, index)
            if mark == "(":
                tokens.append(self._paren_token(index))
                start = tokens[-1].end
            elif mark == ")":
                self.problems.append(Problem("a closing parenthesis has no opening", self.text))
                start = index + 1
            else:
                apposition = self.words.is_apposition(mark)
                tokens.append(Token("separator", index, found.end(), (0, 0), apposition))
                start = found.end()
        return self._bind_tokens(tokens + self._text_token(start, len(self.text)))

    def _text_token(self, start: int, end: int) -> list[Token]:
        """A text token for a range, or none when it is blank."""
        start, end = self._strip((start, end))
        return [Token("text", start, end)] if start < end else []

    def _paren_token(self, opening: int) -> Token:
        """The group opened at an index; an unclosed one runs to the end and is reported."""
        depth = 0
        for index in range(opening, len(self.text)):
            depth += {"(": 1, ")": -1}.get(self.text[index], 0)
            if depth == 0:
                return Token("paren", opening, index + 1, (opening + 1, index))
        self.problems.append(Problem("a parenthesis is never closed", self.text[opening:]))
        return Token("paren", opening, len(self.text), (opening + 1, len(self.text)))

    # -- conjunctions and organisation names -----------------------------------------------

    def _text_segments(
        self, token: Token, joined: str, acronym: str | None, segments: list[Segment]
    ) -> tuple[Segment | None, str]:
        """Add a segment per conjunct of a text run; the last stays open for a parenthesis."""
        parts, leading, trailing = self._conjuncts((token.start, token.end))
        joined = CONJUNCTION if leading else joined
        current = None
        for group in self._group(parts, acronym):
            current = Segment(group[0], group[1], joined, head=group)
            segments.append(current)
            joined = CONJUNCTION
        return (None, CONJUNCTION) if trailing else (current, joined)

    def _conjuncts(self, span: Span) -> tuple[list[Span], bool, bool]:
        """The parts of a range between conjunctions, and whether one opens or closes it."""
        pattern = alternatives(self.words.conjunctions)
        cuts = [
            match.span()
            for match in pattern.finditer(self.text, span[0], span[1])
            if not any(start <= match.start() < end for start, end in self._bound)
        ]
        bounds = [span[0], *[i for cut in cuts for i in cut], span[1]]
        parts = [self._strip((bounds[i], bounds[i + 1])) for i in range(0, len(bounds), 2)]
        leading = bool(cuts) and parts[0][0] == parts[0][1]
        trailing = bool(cuts) and parts[-1][0] == parts[-1][1]
        return [part for part in parts if part[0] < part[1]], leading, trailing

    def _group(self, parts: Sequence[Span], acronym: str | None) -> list[Span]:
        """Join conjuncts that together make one organisation name."""
        groups = []
        first = 0
        while first < len(parts):
            last = self._name_end(parts, first, acronym)
            groups.append((parts[first][0], parts[last][1]))
            first = last + 1
        return groups

    def _name_end(self, parts: Sequence[Span], first: int, acronym: str | None) -> int:
        """The last conjunct of the name starting at the first: known names win, longest first."""
        for last in range(len(parts) - 1, first, -1):
            name = self.slice((parts[first][0], parts[last][1]))
            if self.directory.organisation(name) is not None:
                return last
            if last == len(parts) - 1 and acronym and self.words.abbreviates(acronym, name):
                return last
        last = first
        while last + 1 < len(parts) and self._continues(
            self.slice((parts[first][0], parts[last][1])), self.slice(parts[last + 1])
        ):
            last += 1
        return last

    def _continues(self, left: str, right: str) -> bool:
        """Whether "left and right" is one unknown organisation, as in "Ministry of X and Y"."""
        if self.directory.organisation(left) or self.directory.organisation(right):
            return False
        return self.words.continues(left, right)

    # -- hard separators inside a group ----------------------------------------------------

    def _pieces(self, span: Span) -> list[Span]:
        """The parts of a range between hard separators outside nested parentheses."""
        pieces: list[Span] = []
        depth, index, start = 0, span[0], span[0]
        while index < span[1]:
            depth += {"(": 1, ")": -1}.get(self.text[index], 0)
            separator = self._separator_at(index, span[1]) if depth == 0 else None
            if separator is None:
                index += 1
                continue
            pieces.append(self._strip((start, index)))
            index = start = index + len(separator)
        pieces.append(self._strip((start, span[1])))
        return self._bind_pieces([piece for piece in pieces if piece[0] < piece[1]])

    def _separator_at(self, index: int, end: int) -> str | None:
        """The hard separator starting at an index, if any."""
        found = self.words.separator.match(self.text, index, end)
        return found.group() if found else None

    def _strip(self, span: Span) -> Span:
        """A span without the blanks at its ends."""
        start, end = span
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    # -- organisation names across commas --------------------------------------------------

    def _bind_tokens(self, tokens: list[Token]) -> list[Token]:
        """Join the text tokens of one organisation name, dropping the commas between them."""
        dropped: set[int] = set()
        for run in self._text_runs(tokens):
            names = [(tokens[index].start, tokens[index].end) for index in run]
            after = run[-1] + 1
            paren = after < len(tokens) and tokens[after].kind == "paren"
            acronyms = [None] * (len(run) - 1) + [tokens[after].inner if paren else None]
            for first, last in self._bound_groups(names, acronyms, [True] * (len(run) - 1)):
                if last > first:
                    tokens[run[first]] = Token("text", names[first][0], names[last][1])
                    dropped.update(range(run[first] + 1, run[last] + 1))
        return [token for index, token in enumerate(tokens) if index not in dropped]

    def _text_runs(self, tokens: Sequence[Token]) -> list[list[int]]:
        """The indices of text tokens that follow one another, a comma apart."""
        runs: list[list[int]] = []
        index = 0
        while index < len(tokens):
            if tokens[index].kind != "text":
                index += 1
                continue
            run = [index]
            while (
                run[-1] + 2 < len(tokens)
                and tokens[run[-1] + 1].kind == "separator"
                and self._binds((tokens[run[-1]].end, tokens[run[-1] + 2].start))
                and tokens[run[-1] + 2].kind == "text"
            ):
                run.append(run[-1] + 2)
            runs.append(run)
            index = run[-1] + 1
        return runs

    def _bind_pieces(self, pieces: list[Span]) -> list[Span]:
        """Join the pieces of a group that make one organisation name."""
        names: list[Span] = []
        acronyms: list[Span | None] = []
        for piece in pieces:
            name, acronym = self._trailing_group(piece)
            names.append(name)
            acronyms.append(acronym)
        joinable = [
            acronyms[index] is None and self._binds((pieces[index][1], pieces[index + 1][0]))
            for index in range(len(pieces) - 1)
        ]
        bound = []
        for first, last in self._bound_groups(names, acronyms, joinable):
            bound.append((pieces[first][0], pieces[last][1]))
        return bound

    def _binds(self, between: Span) -> bool:
        """Whether the separator between two parts may sit inside a name: a plain comma."""
        return self.slice(between).strip() in self.words.apposition_separators

    def _trailing_group(self, piece: Span) -> tuple[Span, Span | None]:
        """A piece's name and the inside of the parenthesised group ending it, if any."""
        if not self.slice(piece).endswith(")"):
            return piece, None
        depth = 0
        for index in range(piece[1] - 1, piece[0] - 1, -1):
            depth += {")": 1, "(": -1}.get(self.text[index], 0)
            if depth == 0:
                name = self._strip((piece[0], index))
                return (name, (index + 1, piece[1] - 1)) if name[0] < name[1] else (piece, None)
        return piece, None

    def _bound_groups(
        self, names: Sequence[Span], acronyms: Sequence[Span | None], joinable: Sequence[bool]
    ) -> list[tuple[int, int]]:
        """Index ranges (first, last) of the names, each range one organisation name."""
        groups = []
        first = 0
        while first < len(names):
            last = self._bound_end(names, acronyms, joinable, first)
            groups.append((first, last))
            if last > first:
                self._bound.append((names[first][0], names[last][1]))
            first = last + 1
        return groups

    def _bound_end(
        self,
        names: Sequence[Span],
        acronyms: Sequence[Span | None],
        joinable: Sequence[bool],
        first: int,
    ) -> int:
        """The last part of the name starting at first: a known name, longest first, then one
        an acronym right after abbreviates, shortest first; first itself when neither.

        Known names are matched exactly here: a near miss would swallow the part after a
        comma ("Spanish Federation of Municipalities and Provinces, Spain").
        """
        stop = first
        while stop < min(len(names) - 1, first + LONGEST_NAME - 1) and joinable[stop]:
            stop += 1
        spans = {last: (names[first][0], names[last][1]) for last in range(first, stop + 1)}
        for last in range(stop, first, -1):
            if self.directory.organisation_named(self.slice(spans[last])) is not None:
                return last
        if self._is_person(self.slice(names[first])):
            return first
        for last in range(first + 1, stop + 1):
            acronym = acronyms[last]
            if acronym and self.words.abbreviates(self.slice(acronym), self.slice(spans[last])):
                return last
        return first

    def _is_person(self, text: str) -> bool:
        """Whether text reads as a person's name, which no organisation name starts with."""
        return (
            len(text.split()) > 1
            and self.words.is_name(self.words.without_titles(text))
            and self.words.kind_by_phrases(text) is None
            and self.directory.organisation(text) is None
        )
