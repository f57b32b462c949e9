"""No module imports from a layer above its own (shared/DESIGN.md), read from the code's own import statements."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "tenants", "metrics", "insights", "chat", "collab", "salestalk")
APART = ("webapp", "streamlit_app")  # HTTP clients of the API: they import no app
LEFT_OUT = {"tests", "migrations"}


def imported_packages(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def upward_imports(root: Path) -> list[str]:
    bad = []
    for here in (*LAYERS, *APART):
        paths = [root / f"{here}.py"] if here == "streamlit_app" else sorted((root / here).rglob("*.py"))
        for path in paths:
            rel = path.relative_to(root)
            if LEFT_OUT & set(rel.parts) or rel.name.startswith("test_") or rel.name == "conftest.py":
                continue
            for line, there in imported_packages(path):
                if there == here or there not in LAYERS:
                    continue
                if here in APART or LAYERS.index(there) > LAYERS.index(here):
                    bad.append(f"{rel}:{line} {here} -> {there}")
    return bad


def test_no_module_imports_from_a_layer_above_its_own():
    assert upward_imports(ROOT) == []


def test_the_walk_sees_an_upward_import(tmp_path):
    for layer in LAYERS:
        (tmp_path / layer).mkdir()
    (tmp_path / "tenants" / "leak.py").write_text("from chat.services import ask\nimport core.errors\n")
    (tmp_path / "streamlit_app.py").write_text("import metrics.selectors\n")
    assert upward_imports(tmp_path) == [
        "tenants/leak.py:1 tenants -> chat",
        "streamlit_app.py:1 streamlit_app -> metrics",
    ]
