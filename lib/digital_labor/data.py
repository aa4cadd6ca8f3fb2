"""Load the book's datasets: checked against the manifest, validated, typed.

Every dataset lives in ``data/`` and is described in one Frictionless Data Package,
``data/datapackage.yaml``: where it comes from (a key of ``references.bib``), its licence,
when it was retrieved, its SHA-256 checksum and a Table Schema for its columns.

:func:`load` verifies all of that on every call and returns a typed pandas frame (a
GeoDataFrame for geometry). Anything wrong stops with a :class:`DataError` whose message
names the dataset, the file, the line and column where relevant, and the rule broken.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd
import pycountry
import yaml

__all__ = [
    "DataError",
    "Dataset",
    "Manifest",
    "dataset",
    "data_dir",
    "load",
    "load_file",
    "manifest",
    "sha256",
]

REQUIRED_KEYS = ("name", "title", "description", "path", "format", "hash", "retrieved", "schema")
TABULAR_FORMATS = {"csv"}
GEOMETRY_FORMATS = {"geojson"}
RECORD_FORMATS = {"yaml"}
NON_ISO_COUNTRY_CODES = {
    # Codes in common statistical use that ISO 3166-1 does not assign.
    "XKX": "Kosovo (code used by the World Bank and the European Commission)",
}


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ten times faster


class DataError(Exception):
    """A dataset or the manifest breaks a rule; the message says which and where."""


@dataclass(frozen=True)
class Dataset:
    """One manifest entry: a file in ``data/`` and everything known about it."""

    name: str
    title: str
    description: str
    path: Path
    format: str
    sha256: str
    retrieved: str
    schema: dict[str, Any]
    sources: tuple[dict[str, str], ...]
    licenses: tuple[dict[str, str], ...]
    notes: str = ""

    @property
    def file_label(self) -> str:
        """The file as a reader sees it, e.g. ``data/countries.csv``."""
        return f"{self.path.parent.name}/{self.path.name}"

    @property
    def bibkeys(self) -> list[str]:
        """The ``references.bib`` keys of the dataset's sources."""
        return [source["bibkey"] for source in self.sources]

    @property
    def field_names(self) -> list[str]:
        return [field["name"] for field in self.schema["fields"]]


class Manifest:
    """The Data Package that describes every dataset of the book."""

    def __init__(self, path: Path, raw: bytes | None = None) -> None:
        """Parse the manifest at ``path``, or ``raw``, its bytes when already read."""
        self.path = Path(path)
        if raw is None and not self.path.is_file():
            raise DataError(f"The manifest {self.path} is missing.")
        try:
            text = (self.path.read_bytes() if raw is None else raw).decode("utf-8")
            descriptor = yaml.load(text, Loader=YAML_LOADER)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise DataError(f"The manifest {self.path} is not valid UTF-8 YAML: {error}") from None
        resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
        if not isinstance(resources, list) or not resources:
            raise DataError(f"The manifest {self.path} has no list of 'resources'.")
        self.descriptor = descriptor
        self.datasets = {}
        for position, entry in enumerate(resources, start=1):
            item = self._dataset(entry, position)
            if item.name in self.datasets:
                raise DataError(f"The manifest {self.path} describes dataset '{item.name}' twice.")
            self.datasets[item.name] = item

    def _dataset(self, entry: Any, position: int) -> Dataset:
        if not isinstance(entry, dict):
            raise DataError(f"The manifest {self.path}: resource #{position} is not a mapping.")
        label = f"dataset '{entry.get('name', f'#{position}')}'"
        for key in REQUIRED_KEYS:
            if not entry.get(key):
                raise DataError(f"The manifest {self.path}: {label} has no '{key}'; every dataset needs one.")
        sources = entry.get("sources") or []
        if not sources or not all(isinstance(s, dict) and s.get("bibkey") and s.get("title") for s in sources):
            raise DataError(
                f"The manifest {self.path}: {label} has no source with a 'title' and a 'bibkey' "
                "(a key of references.bib); every dataset must say where it comes from."
            )
        licenses = entry.get("licenses") or []
        if not licenses or not all(isinstance(item, dict) and item.get("name") for item in licenses):
            raise DataError(
                f"The manifest {self.path}: {label} has no licence ('licenses' with a 'name'); "
                "every dataset must say under which terms it may be reused."
            )
        algorithm, _, digest = str(entry["hash"]).partition(":")
        if algorithm != "sha256" or len(digest) != 64:
            raise DataError(f"The manifest {self.path}: {label} needs a hash of the form 'sha256:<64 hex digits>'.")
        if entry["format"] not in TABULAR_FORMATS | GEOMETRY_FORMATS | RECORD_FORMATS:
            raise DataError(f"The manifest {self.path}: {label} has an unknown format '{entry['format']}'.")
        return Dataset(
            name=entry["name"],
            title=entry["title"],
            description=" ".join(str(entry["description"]).split()),
            path=self.path.parent / entry["path"],
            format=entry["format"],
            sha256=digest,
            retrieved=str(entry["retrieved"]),
            schema=entry["schema"],
            sources=tuple(sources),
            licenses=tuple(licenses),
            notes=" ".join(str(entry.get("notes", "")).split()),
        )

    def __getitem__(self, name: str) -> Dataset:
        try:
            return self.datasets[name]
        except KeyError:
            known = ", ".join(sorted(self.datasets))
            raise DataError(f"No dataset named '{name}' in {self.path}. Known datasets: {known}.") from None

    def __iter__(self):
        return iter(self.datasets.values())


BUNDLED = Path(__file__).resolve().parent / "bundled"  # the copy a regular install carries
DATA_ENV = "DIGITAL_LABOR_DATA"


def data_dir() -> Path:
    """The folder of the datasets, the first that exists of:

    ``$DIGITAL_LABOR_DATA``; the repository's ``data/`` (a clone, or an editable install); the
    copy that a regular ``pip install .`` puts inside the package.
    """
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    for candidate in (Path(__file__).resolve().parents[2] / "data", BUNDLED / "data"):
        if (candidate / "datapackage.yaml").exists():
            return candidate
    raise DataError(
        f"No datasets found: neither the repository's data/ nor {BUNDLED / 'data'} holds a datapackage.yaml. "
        f"Install the library from a clone of the book (pip install .) or set {DATA_ENV} to the book's data/ folder."
    )


_MANIFESTS: dict[tuple[str, str], Manifest] = {}


def _parsed_manifest(path: Path | None = None) -> Manifest:
    """The manifest, parsed once per process for the same bytes (a 100 KB YAML file, read by every
    :func:`load`). The file is read and hashed on every call, so a changed manifest is parsed
    again. The object is shared: only copies of it leave this module."""
    path = Path(path or data_dir() / "datapackage.yaml")
    try:
        raw = path.read_bytes()
    except OSError:
        return Manifest(path)  # says the manifest is missing
    key = (str(path), hashlib.sha256(raw).hexdigest())
    if key not in _MANIFESTS:
        _MANIFESTS[key] = Manifest(path, raw)
    return _MANIFESTS[key]


def manifest(path: Path | None = None) -> Manifest:
    """Read the manifest (``data/datapackage.yaml`` unless a path is given); the caller's own copy."""
    return copy.deepcopy(_parsed_manifest(path))


def dataset(name: str) -> Dataset:
    """The manifest entry of one dataset (the caller's own copy)."""
    return copy.deepcopy(_parsed_manifest()[name])


def sha256(path: Path) -> str:
    """Hex SHA-256 digest of a file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(name: str, *, manifest_path: Path | None = None) -> pd.DataFrame:
    """Load dataset ``name``: checksum verified, schema validated, columns typed.

    Raises :class:`DataError` if the file is missing, empty, not UTF-8, altered since the
    manifest was written, or breaks its schema.
    """
    item = _parsed_manifest(manifest_path)[name]
    _check_file(item)
    return _validated_frame(item).copy()


def _check_file(item: Dataset) -> None:
    raw = _readable_bytes(item)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != item.sha256:
        raise DataError(
            f"Dataset '{item.name}' ({item.file_label}): the file's SHA-256 is {digest[:12]}…, but the manifest "
            f"records {item.sha256[:12]}…; the file was changed after it was described. Restore it, or, if the "
            "change is intended, record the new checksum (python -m digital_labor hash NAME --write)."
        )


def _readable_bytes(item: Dataset) -> bytes:
    """The file's bytes, once it is known to exist, to hold something and to be UTF-8."""
    where = f"Dataset '{item.name}' ({item.file_label})"
    if not item.path.is_file():
        raise DataError(f"{where}: the file is missing; restore it from the repository.")
    raw = item.path.read_bytes()
    if not raw.strip():
        raise DataError(f"{where}: the file is empty.")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(f"{where}: line {line} is not valid UTF-8 (byte {raw[error.start]:#04x}).") from None
    return raw


def load_file(path: str | Path, schema: dict[str, Any], *, name: str) -> pd.DataFrame:
    """Validate and type a CSV file that the book does not ship (a download) against a Table Schema.

    The same checks and messages as :func:`load`, except the checksum: ``name`` labels the file
    in errors, which name the file, the line, the column and the rule broken.
    """
    path = Path(path)
    item = Dataset(
        name=name, title=name, description="", path=path, format="csv", sha256="", retrieved="", schema=schema, sources=(), licenses=()
    )
    _readable_bytes(item)
    return _load_table(item)


_FRAMES: dict[tuple[str, str, str], pd.DataFrame] = {}


def _validated_frame(item: Dataset) -> pd.DataFrame:
    # The file's bytes were just checked against the manifest's checksum, so a frame
    # validated in this process for the same file, checksum and schema can be reused.
    key = (str(item.path), item.sha256, json.dumps(item.schema, sort_keys=True, default=str))
    if key not in _FRAMES:
        loaders = {"csv": _load_table, "geojson": _load_geometry, "yaml": _load_records}
        _FRAMES[key] = loaders[item.format](item)
    return _FRAMES[key]


def _load_table(item: Dataset) -> pd.DataFrame:
    table = pd.read_csv(item.path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    _check_columns(item, list(table.columns))
    resource = frictionless.Resource(
        path=item.path.name,
        basepath=str(item.path.parent),
        format="csv",
        encoding="utf-8",
        schema=_frictionless_schema(item),
    )
    _raise_first_error(item, resource)
    return _typed(item, table)


def _load_records(item: Dataset) -> pd.DataFrame:
    records = yaml.load(item.path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise DataError(f"Dataset '{item.name}' ({item.file_label}): expected a YAML list of records.")
    for position, record in enumerate(records, start=1):
        _check_columns(item, list(record), where=f"record {position}")
    names = item.field_names
    rows = [names] + [[_as_cell(record.get(n)) for n in names] for record in records]
    _raise_first_error(item, frictionless.Resource(data=rows, schema=_frictionless_schema(item)), unit="record")
    frame = pd.DataFrame([[_as_cell(r.get(n)) for n in names] for r in records], columns=names, dtype=str)
    return _typed(item, frame.fillna(""))


def _as_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _load_geometry(item: Dataset) -> pd.DataFrame:
    import geopandas as gpd

    world = gpd.read_file(item.path, engine="pyogrio")
    properties = [c for c in world.columns if c != "geometry"]
    _check_columns(item, properties)
    table = world[item.field_names].astype(object).where(world[item.field_names].notna(), "").astype(str)
    rows = [item.field_names] + table.to_numpy().tolist()
    _raise_first_error(item, frictionless.Resource(data=rows, schema=_frictionless_schema(item)), unit="feature")
    invalid = world.index[~world.geometry.is_valid | world.geometry.is_empty]
    if len(invalid):
        raise DataError(f"Dataset '{item.name}' ({item.file_label}): feature {invalid[0] + 1} has an empty or invalid geometry.")
    typed = _typed(item, table.reset_index(drop=True))
    return gpd.GeoDataFrame(typed, geometry=world.geometry.values, crs=world.crs)


def _check_columns(item: Dataset, columns: list[str], where: str = "the header") -> None:
    expected = item.field_names
    missing = [c for c in expected if c not in columns]
    extra = [c for c in columns if c not in expected]
    label = f"Dataset '{item.name}' ({item.file_label})"
    if missing:
        raise DataError(f"{label}: column '{missing[0]}' is missing from {where}; the schema requires it.")
    if extra:
        raise DataError(f"{label}: {where} has an unexpected column '{extra[0]}' that the schema does not describe.")
    if where == "the header" and columns != expected:
        raise DataError(f"{label}: the columns are not in the schema's order ({', '.join(expected)}).")


def _frictionless_schema(item: Dataset) -> frictionless.Schema:
    descriptor = copy.deepcopy(item.schema)
    for field in descriptor["fields"]:
        for custom in ("unit", "countryCode"):
            field.pop(custom, None)
        if field.get("type") == "yearmonth":
            field["type"] = "string"
            field.setdefault("constraints", {})["pattern"] = r"\d{4}-(0[1-9]|1[0-2])"
    return frictionless.Schema.from_descriptor(descriptor)


def _raise_first_error(item: Dataset, resource: frictionless.Resource, unit: str = "line") -> None:
    report = resource.validate()
    errors = report.flatten(["type", "rowNumber", "fieldName", "cell", "note"])
    label = f"Dataset '{item.name}' ({item.file_label})"
    if errors:
        kind, row, field, cell, note = errors[0]
        where = f"{unit} {row}" if row else "the file"
        if unit != "line" and row:
            where = f"{unit} {row - 1}"
        column = f", column '{field}'" if field else ""
        value = f": value {cell!r}" if cell not in (None, "") else ""
        raise DataError(f"{label}, {where}{column}{value} breaks the rule {_rule(kind, note)}.")
    for field in item.schema["fields"]:
        if field.get("countryCode"):
            _check_country_codes(item, resource, field["name"], unit)


def _rule(kind: str, note: str) -> str:
    rules = {
        "type-error": f"of its type ({note.replace('type is ', '')})",
        "constraint-error": f"'{note.replace('constraint ', '').replace(' is ', ' = ').replace(chr(34), '')}'",
        "primary-key": "that the key must be unique",
        "unique-error": "that values must be unique",
    }
    return rules.get(kind, f"'{kind}' ({note})")


def valid_country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, plus the documented non-ISO codes the book accepts."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(NON_ISO_COUNTRY_CODES)


def _check_country_codes(item: Dataset, resource: frictionless.Resource, column: str, unit: str) -> None:
    codes = valid_country_codes()
    with resource:
        for row in resource.row_stream:
            code = row[column]
            if code not in (None, "") and code not in codes:
                where = f"line {row.row_number}" if unit == "line" else f"{unit} {row.row_number - 1}"
                raise DataError(
                    f"Dataset '{item.name}' ({item.file_label}), {where}, column '{column}': "
                    f"'{code}' is not an ISO 3166-1 alpha-3 country code."
                )


def _typed(item: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    typed = pd.DataFrame(index=table.index)
    for field in item.schema["fields"]:
        typed[field["name"]] = _typed_column(table[field["name"]], field)
    return typed


def _typed_column(column: pd.Series, field: dict[str, Any]) -> pd.Series:
    kind = field.get("type", "string")
    present = column.where(column != "")
    if kind == "integer" or kind == "year":
        return pd.to_numeric(present).astype("Int64")
    if kind == "number":
        return pd.to_numeric(present).astype("float64")
    if kind == "boolean":
        true_values = set(field.get("trueValues", ["true", "True", "TRUE", "1"]))
        return present.map(lambda v: None if pd.isna(v) else v in true_values).astype("boolean")
    if kind == "date":
        return pd.to_datetime(present, format="%Y-%m-%d")
    if kind == "datetime":
        return pd.to_datetime(present, format="ISO8601")
    if kind == "yearmonth":
        return pd.to_datetime(present, format="%Y-%m")
    return present.astype("str")
