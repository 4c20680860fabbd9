"""The wizard is a face on the domain: no module of it imports the command line (it has its own clock, advisor.clock)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import advisor.tui

IMPORT_EVERY_TUI_MODULE = """
import importlib, pkgutil, sys
import advisor.tui
for module in pkgutil.walk_packages(advisor.tui.__path__, "advisor.tui."):
    importlib.import_module(module.name)
print(sorted(name for name in sys.modules if name == "advisor.cli" or name.startswith("advisor.cli.")))
"""


def imported_names(source: Path) -> set[str]:
    """Every module `source` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_loading_the_wizard_loads_no_cli_module() -> None:
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERY_TUI_MODULE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_wizard_module_imports_the_cli_even_when_it_runs() -> None:
    sources = sorted(Path(advisor.tui.__file__).parent.rglob("*.py"))
    assert len(sources) > 10
    found = {
        f"{source.name}: {name}"
        for source in sources
        for name in imported_names(source)
        if name == "advisor.cli" or name.startswith("advisor.cli.")
    }
    assert found == set()
