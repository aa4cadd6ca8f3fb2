"""The classroom module: assignments read from their files, and solutions removed from pages."""

from __future__ import annotations

import textwrap
from pathlib import Path

import jupytext
import nbformat
import pytest
from docutils import nodes

from book import classroom
from book.classroom_ext import chapter_of, drop_solution_cells, number_per_chapter, redact_file

ROOT = Path(__file__).resolve().parents[2]

PAGE = textwrap.dedent("""\
    ---
    jupytext:
      text_representation: {extension: .md, format_name: myst, format_version: 0.13}
    kernelspec: {display_name: Python 3, language: python, name: python3}
    ---

    # Summary

    ```{code-cell} ipython3
    x = 1
    ```

    ## Exercises

    ```{exercise}
    :label: ex-one

    Compute twice x.
    ```

    ````{solution} ex-one
    :class: dropdown

    ```python
    print(2 * x)
    ```

    The answer is two, because doubling one makes two.
    ````

    ## The code behind the solutions

    The numbers quoted in the solutions.

    ```{code-cell} ipython3
    :tags: [hide-input, solution]

    secret = 2 * x
    ```

    ```{code-cell} ipython3
    :tags: [remove-cell]

    glue("secret", secret)
    ```
    """)


def test_the_repository_s_assignments_are_read_from_their_files():
    found = classroom.assignments(ROOT)
    assert [a.name for a in found] == sorted((p.stem for p in (ROOT / "classroom").glob("ch*.md")), key=lambda n: int(n[2:]))
    for assignment in found:
        assert 4 <= len(assignment.questions) <= 8
        assert any(q.manual for q in assignment.questions) and any(not q.manual for q in assignment.questions)
        assert assignment.autograded_points + assignment.manual_points == sum(q.points for q in assignment.questions)
        assert assignment.title.startswith(f"Assignment {assignment.chapter}:")
        assert any((ROOT / "chapters").glob(f"{assignment.chapter:02d}-*")), f"no chapter for {assignment.name}"


def _assignment(tmp_path: Path, name: str, questions: int = 4, manual: bool = True) -> Path:
    cells = [nbformat.v4.new_raw_cell(f"# ASSIGNMENT CONFIG\nname: {name}"), nbformat.v4.new_markdown_cell("# Assignment 9: Test")]
    for number in range(questions):
        cells.append(
            nbformat.v4.new_raw_cell(f"# BEGIN QUESTION\nname: q{number + 1}\npoints: 2\nmanual: {str(manual and number == 0).lower()}")
        )
    path = tmp_path / f"{name}.md"
    jupytext.write(nbformat.v4.new_notebook(cells=cells), path, fmt="md:myst")
    return path


def test_read_assignment_counts_points_by_kind(tmp_path):
    assignment = classroom.read_assignment(_assignment(tmp_path, "ch9"))
    assert (assignment.chapter, assignment.title) == (9, "Assignment 9: Test")
    assert (assignment.autograded_points, assignment.manual_points) == (6, 2)


@pytest.mark.parametrize(
    ("name", "questions", "message"), [("week9", 4, "must be 'chN'"), ("ch9", 3, "4 to 8 questions"), ("ch9", 9, "4 to 8 questions")]
)
def test_read_assignment_refuses_bad_files(tmp_path, name, questions, message):
    path = _assignment(tmp_path, name, questions)
    with pytest.raises(ValueError, match=message):
        classroom.read_assignment(path)


def test_read_assignment_refuses_a_name_that_is_not_the_file_s(tmp_path):
    path = _assignment(tmp_path, "ch9")
    with pytest.raises(ValueError, match="match the file name"):
        classroom.read_assignment(path.rename(tmp_path / "ch8.md"))


def test_wrong_answer_reads_the_marked_lines():
    assert classroom.wrong_answer("x = 1  # SOLUTION\n# WRONG ANSWER: x = 2\n  # WRONG ANSWER: y = 3") == "x = 2\ny = 3"
    with pytest.raises(ValueError, match="no '# WRONG ANSWER:'"):
        classroom.wrong_answer("x = 1")


def test_strip_solution_directives_matches_fences():
    text = "a\n\n````{solution} e\n```python\nx\n```\n````\n\nb\n```{solution} f\nc\n```\nd"
    assert classroom.strip_solution_directives(text) == "a\n\nb\nd"
    assert classroom.strip_solution_directives("no solution here") == "no solution here"


def test_redact_removes_solutions_cells_and_the_section_that_held_only_them():
    redacted = classroom.redact_myst(PAGE)
    assert "Compute twice x." in redacted and "x = 1" in redacted
    for gone in ("{solution}", "doubling one", "secret", "The code behind the solutions", "print(2 * x)"):
        assert gone not in redacted
    texts = classroom.solution_texts(jupytext.reads(PAGE, fmt="md:myst"))
    assert any("doubling one makes two" in t for t in texts) and any("secret = 2 * x" in t for t in texts)
    assert not classroom.solution_texts(jupytext.reads(redacted, fmt="md:myst"))


def test_redact_keeps_a_section_with_other_cells():
    page = PAGE.replace(":tags: [remove-cell]", ":tags: [hide-input]")
    redacted = classroom.redact_myst(page)
    assert "The code behind the solutions" in redacted and "secret = 2 * x" not in redacted


def test_redact_file_handles_notebooks_and_plain_pages(tmp_path):
    notebook = tmp_path / "page.ipynb"
    jupytext.write(jupytext.reads(PAGE, fmt="md:myst"), notebook, fmt="ipynb")
    plain = tmp_path / "plain.md"
    plain.write_text("Text\n\n```{solution} e\nhidden\n```\n", encoding="utf-8")
    untouched = tmp_path / "other.md"
    untouched.write_text("Nothing to hide.\n", encoding="utf-8")
    assert redact_file(notebook) and redact_file(plain) and not redact_file(untouched)
    assert "secret" not in notebook.read_text() and "hidden" not in plain.read_text()
    assert untouched.read_text() == "Nothing to hide.\n"


def test_exercises_are_numbered_per_chapter():
    fignumbers = {
        "chapters/01-a/summary": {"exercise": {"e1": (1,), "e2": (2,)}, "figure": {"f": (1,)}},
        "chapters/04-b/summary": {"exercise": {"e3": (4,), "e4": (3,)}},
        "teaching/index": {"exercise": {"e5": (5,)}},
    }
    changed = number_per_chapter(fignumbers)
    assert fignumbers["chapters/01-a/summary"]["exercise"] == {"e1": (1, 1), "e2": (1, 2)}
    assert fignumbers["chapters/04-b/summary"]["exercise"] == {"e4": (4, 1), "e3": (4, 2)}
    assert fignumbers["chapters/01-a/summary"]["figure"] == {"f": (1,)} and fignumbers["teaching/index"]["exercise"] == {"e5": (5,)}
    assert changed == ["chapters/01-a/summary", "chapters/04-b/summary"]
    assert number_per_chapter(fignumbers) == [] and number_per_chapter({}) == []
    assert chapter_of("chapters/12-x/page") == 12 and chapter_of("appendix/claims-ledger") is None


def test_drop_solution_cells_from_a_doctree():
    def cell(*tags):
        return nodes.container("", nodes.literal_block("", "code"), classes=["cell", *(f"tag_{t}" for t in tags)])

    document = nodes.section()
    exercises = nodes.section("", nodes.title("", "Exercises"), nodes.paragraph("", "Do it."), cell("solution"), cell())
    behind = nodes.section("", nodes.title("", "The code behind"), nodes.paragraph("", "Numbers."), cell("hide-input", "solution"))
    document += [exercises, behind]
    assert drop_solution_cells(document) == 2
    assert behind not in document.children and exercises in document.children
    assert len([n for n in exercises.findall(nodes.container)]) == 1
    assert drop_solution_cells(document) == 0
