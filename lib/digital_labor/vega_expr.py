"""A small evaluator of Vega expressions: the arithmetic of the book's ``calculate`` transforms.

The value tables under a chart (:mod:`digital_labor.chart_tables`) show what a calculated field
plots, at the controls' starting values. The subset read here is the one the book's charts
write: numbers, strings, ``datum.field``, parameters, arithmetic, comparisons, ``&&``, ``||``,
``!``, the conditional ``a ? b : c``, indexing and a few functions. Anything else raises
:class:`Unsupported`, and the caller falls back to the fields the expression reads.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["Unsupported", "evaluate", "names_read"]

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|(?P<string>'[^']*'|\"[^\"]*\")|(?P<name>[A-Za-z_$][\w$]*)|(?P<op>===|!==|==|!=|<=|>=|&&|\|\||[-+*/%<>!?:()\[\],.]))"
)
_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "/": lambda a, b: a / b if b else math.nan,
    "%": operator.mod,
    "+": lambda a, b: (str(a) + str(b)) if isinstance(a, str) or isinstance(b, str) else a + b,
    "-": operator.sub,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "===": operator.eq,
    "!=": operator.ne,
    "!==": operator.ne,
}
_LEVELS = [("||",), ("&&",), ("==", "===", "!=", "!=="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "/", "%")]
_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "max": max,
    "min": min,
    "abs": abs,
    "round": lambda x: math.floor(x + 0.5),
    "floor": math.floor,
    "ceil": math.ceil,
    "sqrt": math.sqrt,
    "log": math.log,
    "exp": math.exp,
    "pow": pow,
    "slice": lambda s, start, end=None: s[int(start) : None if end is None else int(end)],
    "split": lambda s, sep: str(s).split(sep),
    "toString": str,
    "isValid": lambda x: x is not None and not (isinstance(x, float) and math.isnan(x)),
}


class Unsupported(ValueError):
    """The expression uses something outside the subset this evaluator reads."""


@functools.lru_cache(maxsize=256)
def _tokens(expression: str) -> tuple[tuple[str, str], ...]:
    tokens, position = [], 0
    expression = expression.strip()
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if not match or match.end() == position:
            raise Unsupported(f"cannot read {expression[position:]!r} in {expression!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tuple(tokens)


class _Parser:
    def __init__(self, expression: str, datum: Mapping[str, Any], params: Mapping[str, Any]) -> None:
        self.tokens, self.at, self.datum, self.params = _tokens(expression), 0, datum, params

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens) or (expected is not None and self.tokens[self.at][1] != expected):
            raise Unsupported(f"expected {expected!r} at token {self.at}")
        self.at += 1
        return self.tokens[self.at - 1]

    def expression(self) -> Any:
        condition = self.binary(0)
        if self.peek() == "?":
            self.take("?")
            yes = self.expression()
            self.take(":")
            no = self.expression()
            return yes if condition else no
        return condition

    def binary(self, level: int) -> Any:
        if level == len(_LEVELS):
            return self.unary()
        value = self.binary(level + 1)
        while self.peek() in _LEVELS[level]:
            op = self.take()[1]
            right = self.binary(level + 1)
            value = (value and right) if op == "&&" else (value or right) if op == "||" else _BINARY[op](value, right)
        return value

    def unary(self) -> Any:
        if self.peek() in ("-", "+", "!"):
            op = self.take()[1]
            value = self.unary()
            return -value if op == "-" else (not value) if op == "!" else +value
        return self.postfix(self.primary())

    def postfix(self, value: Any) -> Any:
        while self.peek() == "[":
            self.take("[")
            index = self.expression()
            self.take("]")
            value = value[int(index)] if isinstance(value, (list, str)) else value[index]
        return value

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "number":
            return float(text)
        if kind == "string":
            return text[1:-1]
        if text == "(":
            value = self.expression()
            self.take(")")
            return value
        if kind != "name":
            raise Unsupported(f"unexpected {text!r}")
        if text == "datum":
            self.take(".")
            field = self.take()[1]
            if field not in self.datum:
                raise Unsupported(f"datum.{field} is not in the row")
            return self.datum[field]
        if self.peek() == "(":
            if text not in _FUNCTIONS:
                raise Unsupported(f"function {text}() is not read here")
            self.take("(")
            args = []
            while self.peek() != ")":
                args.append(self.expression())
                if self.peek() == ",":
                    self.take(",")
            self.take(")")
            return _FUNCTIONS[text](*args)
        if text in ("true", "false"):
            return text == "true"
        if text not in self.params:
            raise Unsupported(f"{text} is neither a parameter nor a function")
        return self.params[text]


def evaluate(expression: str, datum: Mapping[str, Any], params: Mapping[str, Any]) -> Any:
    """The value of a Vega ``expression`` for one row (``datum``) and the parameters' values."""
    parser = _Parser(expression, datum, params)
    try:
        value = parser.expression()
    except (TypeError, ValueError, IndexError, KeyError, ZeroDivisionError) as error:
        raise Unsupported(f"{expression!r}: {error}") from error
    if parser.peek() is not None:
        raise Unsupported(f"{expression!r}: unread tail from token {parser.at}")
    return value


def names_read(expression: str) -> set[str]:
    """The bare names an expression reads (parameters, functions, ``datum``)."""
    try:
        tokens = _tokens(expression)
    except Unsupported:
        return set()
    return {text for i, (kind, text) in enumerate(tokens) if kind == "name" and (i == 0 or tokens[i - 1][1] != ".")}
