"""The claims ledger as data in the built site: CSV and JSON downloads, and ClaimReview records.

The ledger's page glues its rows as JSON text (``claims_ledger_records``) when it runs; myst-nb keeps the
glued values beside the executed notebook. When the page is written, this extension writes the
two downloads next to it and puts one schema.org ``ClaimReview`` per verdict in its head. The
rows and records themselves come from :mod:`digital_labor.claims`: nothing is computed twice.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from digital_labor import claims
from digital_labor.data import manifest

LEDGER_PAGE = "appendix/claims-ledger"
GLUE_NAME = "claims_ledger_records"
CSV_NAME = "claims-ledger.csv"
JSON_NAME = "claims-ledger.json"


def glued_records(build_dir: Path, page: str = LEDGER_PAGE) -> list[dict[str, object]]:
    """The ledger rows the page glued, read from myst-nb's record of the executed notebook."""
    path = build_dir / "jupyter_execute" / f"{page}.glue.json"
    if not path.exists():
        raise ExtensionError(f"{path}: the ledger's page glued nothing; it must glue '{GLUE_NAME}'.")
    glued = json.loads(path.read_text(encoding="utf-8"))
    if GLUE_NAME not in glued:
        raise ExtensionError(f"{path}: no value named '{GLUE_NAME}' (found: {', '.join(glued) or 'none'}).")
    output = glued[GLUE_NAME]
    bundle = output.get("data", output)
    text = bundle.get("text/plain", "")
    try:
        rows = json.loads("".join(text) if isinstance(text, list) else text)
    except json.JSONDecodeError as error:
        raise ExtensionError(f"{path}: '{GLUE_NAME}' must be the rows as JSON text (IPython.display.Pretty): {error}") from None
    if not isinstance(rows, list):
        raise ExtensionError(f"{path}: '{GLUE_NAME}' must be a JSON list of rows, not {type(rows).__name__}.")
    return rows


def csv_text(records: list[dict[str, object]]) -> str:
    """The rows as CSV, with the columns of :data:`digital_labor.claims.EXPORT_FIELDS`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(claims.EXPORT_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: "" if value is None else value for key, value in record.items()} for record in records)
    return buffer.getvalue()


def json_ld(reviews: list[dict[str, object]]) -> str:
    """A ``<script>`` element with the reviews as JSON-LD, safe to place in an HTML head."""
    text = json.dumps(reviews, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def ledger_date() -> str:
    """The date of this version of the ledger: the manifest's date for ``data/claims.yaml``."""
    return next(item.retrieved for item in manifest() if item.name == "claims")


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename != LEDGER_PAGE or app.builder.format != "html":
        return
    records = glued_records(Path(app.outdir).parent)
    folder = Path(app.outdir, pagename).parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CSV_NAME).write_text(csv_text(records), encoding="utf-8")
    resource = claims.export_resource(records)
    (folder / JSON_NAME).write_text(json.dumps(resource, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    page = Path(pagename).name + app.builder.out_suffix
    reviews = claims.claim_reviews(records, page=page, reviewed=ledger_date(), reviewer=str(app.config.author))
    context["metatags"] = context.get("metatags", "") + json_ld(reviews)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _on_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
