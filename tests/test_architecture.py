"""The shape of the code: one-way data flow, no import cycles, modules one can read."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("parsers", "extractor", "normalizers")
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Every project module a file imports, at the top or inside functions.

    Imports under `if TYPE_CHECKING:` are left out: they name types for the type checker and
    never run.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in names if name in MODULES}


GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def test_the_graph_sees_the_imports() -> None:
    assert "extractor.model.plan" in GRAPH["extractor.recognise.reader"]
    assert "parsers.deck" in GRAPH["parsers.pdf"]


def test_no_import_cycles() -> None:
    # a package's __init__ is its own node; importing a sub-module does not import its parent
    try:
        tuple(graphlib.TopologicalSorter(GRAPH).static_order())
    except graphlib.CycleError as err:
        pytest.fail(f"import cycle: {' -> '.join(err.args[1])}")


def test_a_cycle_is_found_when_there_is_one() -> None:
    graph = {**GRAPH, "extractor.model.plan": {"extractor.recognise.reader"}}
    with pytest.raises(graphlib.CycleError):
        tuple(graphlib.TopologicalSorter(graph).static_order())


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("parsers", ("extractor", "normalizers")), ("normalizers", ("extractor", "parsers"))],
)
def test_data_flows_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    wrong = {
        (module, imported)
        for module, imports in GRAPH.items()
        if module.split(".")[0] == package
        for imported in imports
        if imported.split(".")[0] in forbidden
    }
    assert not wrong


def test_recognition_knows_no_file_format() -> None:
    format_modules = {m for m in MODULES if m.startswith("parsers.") and m != "parsers.deck"}
    recognition = {m: GRAPH[m] for m in MODULES if m.startswith("extractor.recognise")}
    assert not {(m, i) for m, imports in recognition.items() for i in imports & format_modules}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_long_to_read(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name].relative_to(ROOT)} has {lines} lines"


def test_python_pptx_private_names_live_in_one_module() -> None:
    users = {
        name
        for name, path in MODULES.items()
        if any(
            word in path.read_text(encoding="utf-8") for word in ("SlideShapeFactory", "._element")
        )
    }
    assert len(users) <= 1, sorted(users)


def test_importing_the_api_reads_no_deck_parser() -> None:
    probe = "import sys, extractor.api; print(sorted(m for m in sys.modules if m.startswith(('pptx', 'pdfplumber', 'pdfminer', 'markdown_it'))))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_one_deck_in_one_worker_imports_no_pool_nor_diff(tmp_path: Path) -> None:
    # A one-worker batch runs in-process, and a store's first edition is compared with none:
    # neither the process pool nor the diff between editions is imported.
    deck = ROOT / "samples" / "u4ssc-action-plan-2024-2025.md"
    probe = (
        "import sys\nfrom extractor.cli.main import main\n"
        f"try:\n    main(['extract', {str(deck)!r}, '-o', {str(tmp_path)!r}, '-q', '--workers', '1'])\n"
        "except SystemExit as stop:\n    assert stop.code == 0, stop.code\n"
        "print(sorted(m for m in sys.modules if m in ('concurrent.futures.process', "
        "'extractor.batch.pool', 'extractor.compare.diff', 'extractor.compare.matching')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert (tmp_path / "actionplans.sqlite").is_file()
