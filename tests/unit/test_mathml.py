"""Formulas rendered to MathML at build time (book/mathml.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from book import mathml

ROOT = Path(__file__).resolve().parents[2]


def test_inline_formula_is_inline_mathml():
    markup = mathml.to_mathml(r"p_u = f_u - \alpha_a n_a")
    assert markup.startswith("<math") and markup.endswith("</math>")
    assert 'display="inline"' in markup
    assert "<msub><mi>p</mi><mi>u</mi></msub>" in markup
    assert "&#x003B1;" in markup  # alpha, as a character: no LaTeX left for the reader
    assert "\\" not in markup


def test_display_formula_is_block_mathml():
    markup = mathml.to_mathml(r"k^* = \frac{h_0 - m_0}{m_1 - h_1}", display=True)
    assert 'display="block"' in markup and "<mfrac>" in markup


@pytest.mark.parametrize(
    "latex",
    [
        r"\sqrt{t_u^2 s_a^2}",
        r"\exp\left(-\beta \frac{d_{ij}}{10\,000 \text{ km}}\right)",
        r"(\alpha_u + \alpha_a)^2 < 4 \, t_u t_a",
        r"\text{flow}(i \to j) = D_i \, S_j",
    ],
)
def test_the_books_formulas_convert(latex):
    assert "<math" in mathml.to_mathml(latex, display=True)


def test_unknown_command_is_an_error_naming_it():
    with pytest.raises(mathml.MathConversionError, match=r"unknown LaTeX command \\alpah"):
        mathml.to_mathml(r"\alpah_a + 1")


def test_stray_alignment_is_an_error():
    with pytest.raises(mathml.MathConversionError, match="alignment"):
        mathml.to_mathml(r"a &= b")


def test_empty_formula_is_an_error():
    with pytest.raises(mathml.MathConversionError, match="empty formula"):
        mathml.to_mathml("  ")


def test_display_parts_split_on_blank_lines_and_align_multiline_parts():
    parts = mathml.display_parts("a = b\n\n c &= d \\\\ e &= f \n")
    assert parts == ["a = b", r"\begin{split}c &= d \\ e &= f\end{split}"]
    assert "<mtable" in mathml.to_mathml(parts[1], display=True)


def test_environment_is_not_wrapped_twice():
    latex = r"\begin{align*} a &= b \\ c &= d \end{align*}"
    assert mathml.display_parts(latex) == [latex]


def test_the_book_uses_the_mathml_renderer_and_dollar_math():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "book.mathml" in config["sphinx"]["extra_extensions"]
    assert {"dollarmath", "amsmath"} <= set(config["parse"]["myst_enable_extensions"])
    sphinx = config["sphinx"]["config"]
    assert sphinx.get("html_math_renderer", "mathml") == "mathml"
    assert not any(key.startswith("mathjax") for key in sphinx)
    # "US$ 5" and "$5 to $10" must stay text, not become formulas.
    assert sphinx["myst_dmath_allow_space"] is False and sphinx["myst_dmath_allow_digits"] is False


def test_renderer_is_registered_and_selected():
    calls: dict[str, object] = {}

    class App:
        def add_html_math_renderer(self, name, inline, block):
            calls["renderer"] = (name, inline[0], block[0])

        def connect(self, event, handler):
            calls["event"] = (event, handler)

    mathml.setup(App())
    assert calls["renderer"] == ("mathml", mathml.html_visit_math, mathml.html_visit_displaymath)
    event, handler = calls["event"]

    class Config:
        html_math_renderer = None

    handler(None, Config)
    assert event == "config-inited" and Config.html_math_renderer == "mathml"


class _Translator:
    """The few parts of Sphinx's HTML translator that the visitors use."""

    def __init__(self) -> None:
        self.body: list[str] = []

    def starttag(self, node, tag, suffix="\n", **attributes):
        classes = attributes.get("CLASS", "")
        return f'<{tag} class="{classes}">{suffix}'


def test_display_formula_scrolls_in_a_box_the_keyboard_can_reach():
    from docutils import nodes

    node = nodes.math_block("k^* = 1\n\nM(k) = m_0", "k^* = 1\n\nM(k) = m_0", nowrap=False, number=None)
    translator = _Translator()
    with pytest.raises(nodes.SkipNode):
        mathml.html_visit_displaymath(translator, node)
    html = "".join(translator.body)
    assert html.startswith('<div class="math notranslate nohighlight">')
    assert f'<div class="{mathml.FORMULA_CLASS}" tabindex="0" role="group" aria-label="formula">' in html
    assert html.count("<math ") == 2 and html.count('display="block"') == 2 and html.endswith("</div></div>\n")


def test_inline_formula_is_a_span_and_a_bad_one_names_its_page():
    from docutils import nodes
    from sphinx.errors import ExtensionError

    translator = _Translator()
    with pytest.raises(nodes.SkipNode):
        mathml.html_visit_math(translator, nodes.math("x_1", "x_1"))
    assert translator.body[0].startswith('<span class="math') and 'display="inline"' in translator.body[1]
    bad = nodes.math(r"\nope", r"\nope")
    bad.source, bad.line = "chapters/x.md", 12
    with pytest.raises(ExtensionError, match=r"chapters/x.md:12: unknown LaTeX command \\nope"):
        mathml.html_visit_math(_Translator(), bad)
