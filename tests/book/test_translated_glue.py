"""A translated paragraph keeps its glued values (book.i18n): a tiny book with one notebook and a
French message catalog, built strictly, shows the same computed values in English and in French,
with French separators, in translated and untranslated paragraphs alike, and French spacing."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = textwrap.dedent("""\
    ---
    jupytext:
      text_representation: {extension: .md, format_name: myst, format_version: 0.13}
    kernelspec: {display_name: Python 3, language: python, name: python3}
    ---
    # A page

    ```{code-cell} ipython3
    :tags: [remove-cell]

    import digital_labor as dl
    from IPython.display import Markdown

    dl.glue_all({"share": 1788.6375, "rate": 0.125, "year": 2017, "places": Markdown("**India** and Bangladesh")})
    ```

    The share is {glue:text}`share:,.1f` and the places are {glue:md}`places`.

    A rate of {glue:text}`rate:.1%` in {glue:text}`year`.

    Work, or not? The answer: `a : b` stays code.
    """)
CATALOG = textwrap.dedent("""\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"

    msgid "A page"
    msgstr "Une page"

    msgid "The share is {glue:text}`share:,.1f` and the places are {glue:md}`places`."
    msgstr "La part est de {glue:text}`share:,.1f` et les pays sont {glue:md}`places`."

    msgid "Work, or not? The answer: `a : b` stays code."
    msgstr "Du « travail », ou non ? La réponse : `a : b` reste du code."
    """)


def build(folder: Path, language: str) -> str:
    """The page's HTML after a strict build (warnings are errors) in ``language``."""
    (folder / "_config.yml").write_text(
        "title: A book\nexecute:\n  execute_notebooks: force\nsphinx:\n"
        f"  extra_extensions: [book.i18n]\n  config:\n    language: {language}\n    gettext_compact: false\n"
    )
    (folder / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    (folder / "page.md").write_text(PAGE)
    (folder / "locales" / "fr" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (folder / "locales" / "fr" / "LC_MESSAGES" / "page.po").write_text(CATALOG, encoding="utf-8")
    environment = {"PYTHONPATH": f"{ROOT}:{ROOT / 'lib'}", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(folder), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return (folder / "_build" / "html" / "page.html").read_text(encoding="utf-8")


def pasted(page: str) -> list[str]:
    return re.findall(r'<span class="pasted-text">([^<]*)</span>', page)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    return {language: build(tmp_path_factory.mktemp(language), language) for language in ("en", "fr")}


def test_the_english_page_is_myst_nbs(pages):
    assert pasted(pages["en"]) == ["1,788.6", "12.5%", "2017"]
    assert "The share is" in pages["en"] and "<strong>India</strong> and Bangladesh" in pages["en"]


def test_a_translated_paragraph_keeps_its_values_with_french_separators(pages):
    assert "La part est de" in pages["fr"] and "Une page" in pages["fr"]
    assert pasted(pages["fr"]) == ["1\u202f788,6", "12,5\u00a0%", "2017"]  # the untranslated paragraph too
    assert "les pays sont <strong>India</strong> and Bangladesh" in pages["fr"]


def test_french_pages_get_french_spacing_outside_code(pages):
    assert "Du «\u00a0travail\u00a0», ou non\u202f? La réponse\u00a0:" in pages["fr"]
    assert '<span class="pre">a</span> <span class="pre">:</span>' in pages["fr"]  # code keeps its plain spaces
    assert "Work, or not? The answer:" in pages["en"]
