"""Finding and reading editions: a source deck, an extracted edition folder, or a plan.json."""

from __future__ import annotations

from pathlib import Path

from extractor.model.load import PlanFileError, load_plan
from extractor.model.plan import Plan
from extractor.profile.load import Profile

PLAN_FILE = "plan.json"


class EditionError(Exception):
    """An input that is not an edition; says which file and what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def load_edition(path: Path, profile: Profile) -> Plan:
    """The plan of a deck (extracted now), of an edition folder, or of a plan.json file."""
    from parsers.detect import EXTENSIONS, supported

    if path.is_dir() and not (path / PLAN_FILE).is_file():
        raise EditionError(path, f"no {PLAN_FILE} here; run 'actionplan extract' first")
    if not path.exists():
        raise EditionError(path, "no such file or folder")
    if path.is_dir() or path.suffix.lower() == ".json":
        file = path / PLAN_FILE if path.is_dir() else path
        try:
            return load_plan(file)
        except PlanFileError as err:
            raise EditionError(file, str(err).removeprefix(f"{file}: ")) from err
    if not supported(path):
        decks = ", ".join(sorted(EXTENSIONS))
        raise EditionError(path, f"not a deck ({decks}), an edition folder or a {PLAN_FILE}")
    return _extract(path, profile)


def _extract(path: Path, profile: Profile) -> Plan:
    from extractor.recognise.extract import NoPlanError, extract_plan
    from parsers.detect import parse_file
    from parsers.errors import InputError

    try:
        return extract_plan(parse_file(path), profile)
    except InputError as err:
        raise EditionError(err.path, err.reason) from err
    except NoPlanError as err:
        raise EditionError(path, str(err)) from err


def edition_paths(paths: tuple[Path, ...]) -> list[Path]:
    """Each path as given, except a folder of edition folders, which stands for its editions."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not (path / PLAN_FILE).is_file():
            editions = sorted(p for p in path.iterdir() if (p / PLAN_FILE).is_file())
            if not editions:
                raise EditionError(path, f"no {PLAN_FILE} here or in its sub-folders")
            found += editions
        else:
            found.append(path)
    return found
