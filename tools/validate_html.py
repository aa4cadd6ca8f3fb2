"""Validate the built book's pages with the Nu HTML Checker (vnu), offline.

The checker is the npm package ``vnu-jar`` pinned in ``tools/audit/package.json`` (install it
with ``npm ci --prefix tools/audit``); it runs on the machine's Java. Every page of
``_build/html`` is checked (the folders of assets and sources are skipped), and each error is
reported with its page, line and column, and the checker's message.

Usage: python -m tools.validate_html [site folder] [--json report.json]

Exit status 0 when no page has an error, 1 otherwise, 2 when the checker is missing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
VNU_JAR = ROOT / "tools" / "audit" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SKIPPED_FOLDERS = {"_static", "_sources", "_downloads", "_data", "_images"}


@dataclass(frozen=True)
class Problem:
    """One message of the checker: where it is, and what it says."""

    page: str
    line: int | None
    column: int | None
    message: str
    extract: str = ""

    def __str__(self) -> str:
        where = f"{self.page}:{self.line if self.line is not None else '?'}"
        if self.column is not None:
            where += f":{self.column}"
        extract = f"  [{self.extract.strip()[:120]}]" if self.extract.strip() else ""
        return f"{where}: {self.message}{extract}"


class CheckerMissing(RuntimeError):
    """Java or vnu.jar is not installed."""


def html_pages(site: Path = SITE) -> list[Path]:
    """Every page of the built site, in a stable order (assets and sources skipped)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] not in SKIPPED_FOLDERS and not relative.parts[0].startswith("."):
            pages.append(path)
    return pages


def checker_command(jar: Path = VNU_JAR) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("java is not on PATH: install a Java runtime (Debian: default-jre-headless)")
    if not jar.exists():
        raise CheckerMissing(f"{jar.relative_to(ROOT) if jar.is_relative_to(ROOT) else jar} is missing: run `npm ci --prefix tools/audit`")
    return [java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always"]


def parse_report(report: str, site: Path) -> list[Problem]:
    """The errors (not the warnings or notes) of the checker's JSON report, pages relative to ``site``."""
    messages = json.loads(report).get("messages", []) if report.strip() else []
    problems = []
    for message in messages:
        if message.get("type") != "error" and message.get("subType") != "fatal":
            continue
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")) if url else None
        page = path.relative_to(site).as_posix() if path and path.is_relative_to(site) else (url or "?")
        problems.append(
            Problem(
                page,
                message.get("lastLine", message.get("firstLine")),
                message.get("firstColumn"),
                message.get("message", ""),
                message.get("extract", ""),
            )
        )
    return problems


def validate(pages: list[Path], site: Path = SITE, jar: Path = VNU_JAR) -> list[Problem]:
    """Run the checker once over ``pages``; return every error, in page and line order."""
    if not pages:
        return []
    command = checker_command(jar) + [str(page.resolve()) for page in pages]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the Nu HTML Checker failed ({result.returncode}): {result.stderr[-2000:]}")
    problems = parse_report(result.stderr or result.stdout, site.resolve())
    return sorted(problems, key=lambda p: (p.page, p.line or 0, p.column or 0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=SITE)
    parser.add_argument("--json", type=Path, help="write the errors to this file as JSON")
    args = parser.parse_args(argv)
    pages = html_pages(args.site)
    if not pages:
        print(f"validate_html: no pages in {args.site}: build the book first (make book)", file=sys.stderr)
        return 1
    try:
        problems = validate(pages, args.site)
    except CheckerMissing as error:
        print(f"validate_html: {error}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps([asdict(p) for p in problems], indent=2))
    for problem in problems:
        print(problem)
    pages_with_errors = len({p.page for p in problems})
    print(f"validate_html: {len(problems)} error(s) on {pages_with_errors} of {len(pages)} page(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
