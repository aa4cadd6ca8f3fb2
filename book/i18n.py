"""Glued values in a translated edition of the book (issue 27, first stage).

Sphinx translates a page by replacing each paragraph with its entry in the language's message
catalog (``locales/<language>/LC_MESSAGES``) and parsing that entry as a small document of its
own. myst-nb's glue roles cannot work there: they read the values from the notebook's renderer,
which only the page's own parse holds, so a translated paragraph loses its numbers and the strict
build fails. This extension registers the glue roles again. In the English edition, on the page
itself, they are myst-nb's roles, unchanged. In a translated paragraph they read the values that
myst-nb has already written beside the page (``<page>.glue.json``), so both editions show the
same computed values from one execution.

In a French edition a number keeps the digits Python's ``format`` gives it (the English
edition's digits) and takes French separators: a narrow no-break space between thousands, a comma
before decimals, a no-break space before a per-cent sign. The spaces that French typography puts
before ``; ! ?`` and ``:``, inside guillemets and before a per-cent sign become no-break spaces, so
that a line never starts with the sign (:func:`french_spacing`, applied to the page's text, never
to code or formulas).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from myst_nb.core.variables import RetrievalError, format_plain_text
from myst_nb.ext.glue.roles import PasteMarkdownRole, PasteRoleAny, PasteTextRole
from myst_nb.ext.glue.utils import retrieve_glue_data
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

__all__ = ["french_spacing", "localized_number", "setup"]

THOUSANDS = {"fr": "\u202f"}  # CLDR's group separator: a narrow no-break space
DECIMAL = {"fr": ","}
PERCENT = {"fr": "\u00a0%"}  # a no-break space before the sign


def localized_number(text: str, language: str) -> str:
    """A number formatted by Python's ``format`` (``1,788.6``, ``12.5%``) with the separators of
    ``language`` (``1 788,6``, ``12,5 %`` in French); English and unknown languages unchanged."""
    if language not in DECIMAL:
        return text
    swapped = text.translate({ord(","): "\x00", ord("."): DECIMAL[language]}).replace("\x00", THOUSANDS[language])
    return swapped[:-1] + PERCENT[language] if swapped.endswith("%") else swapped


# French typography (Imprimerie nationale): a narrow no-break space before ; ! ?, a no-break space
# before : and %, and inside guillemets. Only spaces the text already has are replaced: a colon with
# no space before it (a URL, a time) is left alone.
_FRENCH_SPACES = (
    (re.compile(r"[ \u00a0\u202f]+(?=[;!?])"), "\u202f"),
    (re.compile(r"[ \u00a0\u202f]+(?=[:%»])"), "\u00a0"),
    (re.compile(r"(?<=«)[ \u00a0\u202f]+"), "\u00a0"),
)
_CODE = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw)


def french_spacing(text: str) -> str:
    """``text`` with the spaces French typography requires made unbreakable (``« oui » : non ?``)."""
    for pattern, space in _FRENCH_SPACES:
        text = pattern.sub(space, text)
    return text


class FrenchSpacing(SphinxTransform):
    """In the French edition, French spacing in every text node outside code and formulas."""

    default_priority = 800  # after the translation (Sphinx's Locale transform runs at 20)

    def apply(self, **kwargs: Any) -> None:
        if self.config.language != "fr":
            return
        for text in list(self.document.findall(nodes.Text)):
            if any(isinstance(parent, _CODE) for parent in _ancestors(text)):
                continue
            spaced = french_spacing(str(text))
            if spaced != str(text):
                text.parent.replace(text, nodes.Text(spaced))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _glued(document: nodes.document, key: str) -> dict[str, Any]:
    """The data glued as ``key`` on the page being read: from the notebook's renderer on the page
    itself, from the values myst-nb wrote beside the page in a translated paragraph."""
    if "nb_renderer" in document:
        try:
            return retrieve_glue_data(document, key).data
        except RetrievalError:
            return {}
    env = document.settings.env
    path = Path(env.mystnb_config.output_folder, *env.docname.split("/"))
    path = path.with_name(path.name + ".glue.json")
    glued = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return glued.get(key, {}).get("data", {})


def _missing(role: Any, key: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    message = f"{role.document.settings.env.docname}: no value glued as {key!r}"
    return [], [role.inliner.reporter.warning(message, line=role.line)]


class TranslatedTextRole(PasteTextRole):
    """``{glue:text}`key:spec```: the value formatted by ``spec``, with the edition's separators."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        language = self.document.settings.env.config.language or "en"
        if ("nb_renderer" in self.document and language == "en") or "::" in self.text:
            return super().run()  # the English page as myst-nb renders it; a value from another page
        key, _, spec = self.text.rpartition(":") if ":" in self.text else (self.text, "", "s")
        data = _glued(self.document, key)
        if "text/plain" not in data:
            return _missing(self, key)
        try:
            text = localized_number(format_plain_text(data["text/plain"], spec), language)
        except Exception as error:  # noqa: BLE001 - myst-nb's own role reports any formatting failure
            return [], [
                self.inliner.reporter.warning(f"{key!r}: cannot format {data['text/plain']!r} as {spec!r}: {error}", line=self.line)
            ]
        node = nodes.inline(text, text, classes=["pasted-text"])
        self.set_source_info(node)
        return [node], []


class TranslatedMarkdownRole(PasteMarkdownRole):
    """``{glue:md}`key```: the glued Markdown, parsed as inline MyST in a translated paragraph."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if "nb_renderer" in self.document:
            return super().run()
        key = self.text.rsplit(":", 1)[0] if ":" in self.text else self.text
        data = _glued(self.document, key)
        if "text/markdown" not in data:
            return _missing(self, key)
        found, messages = self.inliner.parse(data["text/markdown"], self.line, None, nodes.paragraph())
        for node in found:
            self.set_source_info(node)
        return found, messages


class TranslatedAnyRole(PasteRoleAny):
    """``{glue}`key```: in a translated paragraph, the glued value as Markdown or plain text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if "nb_renderer" in self.document or "::" in self.text:
            return super().run()
        data = _glued(self.document, self.text)
        if "text/markdown" in data:
            return self.inliner.parse(data["text/markdown"], self.line, None, nodes.paragraph())
        if "text/plain" in data:
            return [nodes.literal(data["text/plain"], data["text/plain"])], []
        return _missing(self, self.text)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_nb")
    app.add_role("glue", TranslatedAnyRole(), override=True)
    for name, role in (
        ("", TranslatedAnyRole()),
        ("any", TranslatedAnyRole()),
        ("text", TranslatedTextRole()),
        ("md", TranslatedMarkdownRole()),
    ):
        app.add_role_to_domain("glue", name, role, override=True)
    app.add_transform(FrenchSpacing)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
