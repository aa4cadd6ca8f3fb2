"""Stylesheets without the rules no page of the site can match: Bootstrap's carousel, toasts, the
hundreds of utility classes the themes never use.

A rule goes only when every one of its selectors needs a class that appears nowhere in the
site: not in any page's ``class`` attributes, nor as a word in any of the site's scripts (a
script may add a class; a word ending with ``-`` counts as the start of any class, for names a
script puts together). Classes inside ``:not(…)``, ``:is(…)``, ``:where(…)`` and ``:has(…)`` are
not required (a selector may match without them). Rules without a class (elements, ids,
attributes), ``@font-face``, ``@keyframes`` and the like are kept as they are; ``@media`` and
``@supports`` blocks are trimmed inside and dropped when empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["class_names", "script_words", "trim_css", "used_class"]

_CLASS_ATTRIBUTE = re.compile(r'\bclass\s*=\s*"([^"]*)"|\bclass\s*=\s*\'([^\']*)\'')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*-?")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*(?:\\.[_a-zA-Z0-9-]*)*)")
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_NESTED_AT = ("@media", "@supports", "@layer", "@container", "@document")


def class_names(pages: Iterable[str]) -> set[str]:
    """Every class name in the pages' ``class`` attributes."""
    names: set[str] = set()
    for page in pages:
        for double, single in _CLASS_ATTRIBUTE.findall(page):
            names.update((double or single).split())
    return names


def script_words(scripts: Iterable[str]) -> set[str]:
    """Every word a script could use as a class name (identifiers and words in strings)."""
    words: set[str] = set()
    for script in scripts:
        words.update(_WORD.findall(script))
    return words


def used_class(name: str, used: set[str], prefixes: tuple[str, ...]) -> bool:
    return name in used or name.startswith(prefixes)


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :where(), :has()."""
    out, i = [], 0
    while True:
        match = _FUNCTIONAL.search(selector, i)
        if not match:
            out.append(selector[i:])
            return "".join(out)
        out.append(selector[i : match.start()])
        depth, j = 1, match.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def _selector_can_match(selector: str, used: set[str], prefixes: tuple[str, ...]) -> bool:
    required = _SELECTOR_CLASS.findall(re.sub(r"\[[^\]]*\]", "", _strip_functional(selector)))
    return all(used_class(name.replace("\\", ""), used, prefixes) for name in required)


def _block_end(css: str, start: int) -> int:
    """Index just past the ``}`` closing the block whose ``{`` is at ``start``."""
    depth, i, quote = 0, start, ""
    while i < len(css):
        char = css[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        elif css.startswith("/*", i):
            i = css.find("*/", i + 2) + 1 or len(css)
        i += 1
    return len(css)


def trim_css(css: str, used: set[str]) -> str:
    """``css`` without the rules that need a class outside ``used`` (see the module's docstring)."""
    return _trim(css, used, tuple(sorted(w for w in used if w.endswith("-") and len(w) > 3)))


def _trim(css: str, used: set[str], prefixes: tuple[str, ...]) -> str:
    out: list[str] = []
    i = 0
    while i < len(css):
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = len(css) if end < 0 else end + 2
            out.append(css[i:end])
            i = end
            continue
        brace = css.find("{", i)
        semicolon = css.find(";", i)
        if brace < 0:
            out.append(css[i:])
            break
        if css[i:].lstrip().startswith("@") and 0 <= semicolon < brace:
            out.append(css[i : semicolon + 1])  # @import, @charset, @layer a, b;
            i = semicolon + 1
            continue
        end = _block_end(css, brace)
        prelude = css[i:brace]
        stripped = re.sub(r"/\*.*?\*/", "", prelude, flags=re.DOTALL).strip()  # a comment before the rule is not a selector
        if stripped.startswith(_NESTED_AT):
            inner = _trim(css[brace + 1 : end - 1], used, prefixes)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif stripped.startswith("@") or any(_selector_can_match(s, used, prefixes) for s in _split_selectors(stripped)):
            out.append(css[i:end])
        i = end
    return "".join(out)
