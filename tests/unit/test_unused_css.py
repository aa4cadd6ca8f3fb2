"""Stylesheets without the rules no page can match."""

from __future__ import annotations

from book.unused_css import class_names, script_words, trim_css

CSS = (
    "/*! licence */.used{color:red}.unused{color:blue}.a .unused,.used b{margin:0}p{margin:1px}"
    "@media (min-width:600px){.unused{x:1}.used{x:2}}@media print{.unused{x:3}}"
    "@font-face{font-family:X;src:url(x.woff2)}@keyframes spin{0%{a:b}to{a:c}}"
    ".x:not(.unused){y:1}.bs-tooltip-top{z:1}.dropdown-menu.show{w:1}#id,[data-x]{v:1}"
    "/* Literal.Date */ .ch{color:#515151}"
)


def test_only_rules_that_need_an_unused_class_go():
    used = class_names(['<p class="used x ch">', "<b class='dropdown-menu'>"]) | script_words(
        ['el.classList.add("show"); t = "bs-tooltip-" + p']
    )
    trimmed = trim_css(CSS, used)
    for kept in (
        "/*! licence */",
        ".used{color:red}",
        ".a .unused,.used b{margin:0}",
        "p{margin:1px}",
        "@media (min-width:600px){.used{x:2}}",
        "@font-face{",
        "@keyframes spin{0%{a:b}to{a:c}}",
        ".x:not(.unused){y:1}",
        ".bs-tooltip-top{z:1}",
        ".dropdown-menu.show{w:1}",
        "#id,[data-x]{v:1}",
        ".ch{color:#515151}",
    ):
        assert kept in trimmed, kept
    assert ".unused{color:blue}" not in trimmed and "@media print" not in trimmed and ".unused{x:1}" not in trimmed


def test_class_names_and_script_words_are_read_generously():
    assert class_names(['<div class="a  b">', "<i class='c'>"]) == {"a", "b", "c"}
    assert {"classList", "show", "bs-tooltip-"} <= script_words(['el.classList.add("show"); "bs-tooltip-" + x'])
