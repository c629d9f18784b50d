"""sitegen.cells: splitting examples into named cells, and finding what they import."""

import pytest

from helpers import EXAMPLES
from sitegen.cells import CellError, local_imports, parse_script


def write(tmp_path, text, name="ex.py"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cells_keep_names_sources_and_file_lines(tmp_path):
    path = write(tmp_path, '"""Title.\n\nMore."""\n\n# %% setup\n\nx = 1\n\n# %% show\nprint(x)\n')
    script = parse_script(path)
    assert script.docstring == "Title.\n\nMore."
    assert [(c.name, c.source, c.line) for c in script.cells] == [("setup", "x = 1", 7), ("show", "print(x)", 10)]


@pytest.mark.parametrize(
    "text,problem",
    [("x = 1\n", "no '# %% name'"), ("# %%\nx = 1\n", "needs a lower_snake_case name"),
     ("# %% a\n1\n# %% a\n2\n", "duplicate cell name 'a'"), ("# %% a\nx = (\n", "ex.py:")],
)  # fmt: skip
def test_malformed_scripts_are_rejected_with_file_and_line(tmp_path, text, problem):
    with pytest.raises(CellError, match=r"ex\.py") as info:
        parse_script(write(tmp_path, text))
    assert problem in str(info.value)


def test_unknown_cell_names_the_file_and_the_known_cells(tmp_path):
    script = parse_script(write(tmp_path, "# %% one\n1\n# %% two\n2\n"))
    with pytest.raises(CellError, match=r"^no cell three in examples/ex\.py \(cells: one, two\)$"):
        script.cell("three")


def test_local_imports_are_followed_recursively(tmp_path):
    write(tmp_path, "import _b\n", "_a.py")
    write(tmp_path, "X = 1\n", "_b.py")
    main = write(tmp_path, "import os\nfrom _a import thing\n# %% a\n1\n")
    assert [p.name for p in local_imports(main)] == ["_a.py", "_b.py"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_starts_with_a_docstring_and_a_setup_cell(example):
    script = parse_script(example)
    assert script.docstring, f"{example.name} needs a header docstring saying what it shows"
    assert script.cells[0].name == "setup"


def test_code_above_the_first_cell_fails_naming_its_line(tmp_path):
    path = write(tmp_path, '"""Title."""\n\n# a comment\nimport os\n\n# %% setup\nx = 1\n')
    with pytest.raises(CellError, match=r":4: code before the first '# %% name' cell marker"):
        parse_script(path)
