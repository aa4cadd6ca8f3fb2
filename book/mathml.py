"""Formulas rendered to MathML when the book is built: no MathJax, no script on any page.

Chromium, Firefox and Safari display MathML natively, so a formula written in MyST as
``$p_u = f_u - \\alpha_a n_a$`` (inline) or between ``$$`` (display) is converted by
``latex2mathml`` while Sphinx writes the page, and the reader's browser downloads nothing.

The Sphinx extension registers a math renderer named ``mathml`` (Sphinx then prefers it to its
default, MathJax, which is never loaded). A formula that ``latex2mathml`` cannot convert (an
unknown command, an alignment ``&`` outside an environment that aligns) fails the build with the
page, line and formula named, instead of showing raw LaTeX to the reader.
"""

from __future__ import annotations

import re
from typing import Any

from latex2mathml.converter import convert

__all__ = ["MathConversionError", "to_mathml", "display_parts", "setup"]

# latex2mathml keeps a command it does not know as an identifier: <mi>\foo</mi>.
_UNKNOWN_COMMAND = re.compile(r"<m[io]>\\([A-Za-z]+)</m[io]>")
# An alignment tab outside an aligning environment comes out as a literal identifier.
_STRAY_AMPERSAND = re.compile(r"<mi>(&|&amp;)</mi>")


FORMULA_CLASS = "dl-formula"  # the scrolling box of a display formula (styled in _static/book.css)


class MathConversionError(ValueError):
    """A formula that cannot be rendered to MathML; the message names the formula and the rule."""


def to_mathml(latex: str, display: bool = False) -> str:
    """The MathML of one LaTeX formula: a ``<math>`` element, block-level if ``display``.

    Raises :class:`MathConversionError` for an empty formula, a command latex2mathml does not
    know, or an alignment ``&`` outside an aligning environment.
    """
    source = latex.strip()
    if not source:
        raise MathConversionError("empty formula: write the LaTeX between the dollar signs")
    try:
        markup = convert(source, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises its own exception types, and IndexError/KeyError
        raise MathConversionError(f"cannot convert the formula {source!r} to MathML: {error}") from error
    unknown = _UNKNOWN_COMMAND.search(markup)
    if unknown:
        raise MathConversionError(f"unknown LaTeX command \\{unknown.group(1)} in the formula {source!r}")
    if _STRAY_AMPERSAND.search(markup):
        raise MathConversionError(f"alignment '&' outside an aligning environment (align*, split, cases, matrix) in the formula {source!r}")
    return markup


def display_parts(latex: str) -> list[str]:
    """The equations of a display block, as Sphinx reads it: parts separated by blank lines.

    A part with line breaks (``\\\\``) and no environment of its own is wrapped in ``split``
    so that its ``&`` align the lines, as with MathJax.
    """
    parts = [part.strip() for part in re.split(r"\n\s*\n", latex) if part.strip()]
    return [rf"\begin{{split}}{part}\end{{split}}" if "\\\\" in part and "\\begin" not in part else part for part in parts]


def _where(node: Any) -> str:
    source, line = getattr(node, "source", None), getattr(node, "line", None)
    return f"{source or '<unknown page>'}:{line or '?'}"


def _convert(node: Any, latex: str, display: bool) -> str:
    try:
        return to_mathml(latex, display=display)
    except MathConversionError as error:
        from sphinx.errors import ExtensionError

        raise ExtensionError(f"{_where(node)}: {error}") from error


def html_visit_math(self: Any, node: Any) -> None:
    """Inline formula: ``<span class="math">`` around its ``<math>``."""
    from docutils import nodes

    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(_convert(node, node.astext(), display=False) + "</span>")
    raise nodes.SkipNode


def html_visit_displaymath(self: Any, node: Any) -> None:
    """Display formula: a ``<div class="math">`` with its number (if any) and one ``<math>`` per equation."""
    from docutils import nodes
    from sphinx.locale import _
    from sphinx.util.math import get_node_equation_number

    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("number"):
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    parts = [node.astext().strip()] if node.get("nowrap") else display_parts(node.astext())
    # A formula wider than a phone's screen scrolls sideways in its own box, which a keyboard can
    # reach (WCAG 2.1.1; axe-core's scrollable-region-focusable).
    self.body.append(f'<div class="{FORMULA_CLASS}" tabindex="0" role="group" aria-label="formula">')
    for part in parts:
        self.body.append(_convert(node, part, display=True))
    self.body.append("</div></div>\n")
    raise nodes.SkipNode


def setup(app: Any) -> dict[str, Any]:
    """Register the ``mathml`` renderer and select it (``html_math_renderer``)."""
    app.add_html_math_renderer("mathml", (html_visit_math, None), (html_visit_displaymath, None))
    app.connect("config-inited", _select_renderer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def _select_renderer(app: Any, config: Any) -> None:
    if not config.html_math_renderer:
        config.html_math_renderer = "mathml"
