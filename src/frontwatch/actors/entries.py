"""The actor dictionary's records and how they are read from the packaged YAML.

Four kinds of file live in ``data/actors/``: ``countries.yaml`` (names,
adjectives and the dated regimes that name state forces), ``generic.yaml``
(ACLED's templates: "Protesters ({country})", "{military}" ...),
``named_*.yaml`` (named actors and their aliases) and ``sources.yaml``
(claim sources such as war monitors, which are not actors). Every file is
validated on load; a malformed one raises ``ConfigError`` naming the file and
the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from frontwatch.errors import ConfigError
from frontwatch.yaml_data import load_yaml

NAMED, GENERIC, SOURCE = "named", "generic", "source"
KINDS = (NAMED, GENERIC, SOURCE)


@dataclass(frozen=True, slots=True)
class Regime:
    """One period of a state's government, as ACLED dates its forces."""

    label: str  # "2000-2024", "2019-"
    start: dt.date
    end: dt.date | None = None  # first day it no longer applies
    military_suffix: str = ""  # "Government of National Accord" (Libya)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A war in a country whose two sides ACLED codes when a report of
    fighting there names neither (the Ukrainian army and the Donbas
    separatists, 2014-2022). Sides are keys or names of named actors, or
    generic kinds ("military")."""

    sides: tuple[str, str]
    start: dt.date | None = None
    end: dt.date | None = None  # first day it no longer applies

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Coalition:
    """Member states whose forces ACLED codes as a coalition where it
    operates, with the state's forces as associated actor (Saudi forces in
    Yemen are "Operation Restoring Hope")."""

    members: tuple[str, ...]  # country names
    operates_in: tuple[str, ...]  # country names
    end: dt.date | None = None  # first day it no longer applies

    def applies(self, member: str, country: str, day: dt.date | None) -> bool:
        ended = self.end is not None and day is not None and day >= self.end
        return member in self.members and country in self.operates_in and not ended


@dataclass(frozen=True, slots=True)
class CountryInfo:
    name: str  # ACLED spelling ("Democratic Republic of Congo")
    state: str  # as inside a state-force name ("the Democratic Republic of Congo")
    adjectives: tuple[str, ...] = ()
    adjectives_cs: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    aliases_cs: tuple[str, ...] = ()
    regimes: tuple[Regime, ...] = ()
    defaults: tuple[tuple[str, str], ...] = ()  # (generic kind, actor key or name)
    within: str | None = None  # de facto entity inside another country (Artsakh)
    conflicts: tuple[Conflict, ...] = ()

    def conflict_on(self, day: dt.date | None) -> Conflict | None:
        return next((c for c in self.conflicts if c.covers(day)), None)

    def regime_on(self, day: dt.date | None) -> Regime | None:
        """The regime in force on ``day``; the latest one when the day is
        unknown; the nearest one when the day falls outside every period."""
        if not self.regimes:
            return None
        if day is None:
            return self.regimes[-1]
        for regime in self.regimes:
            if regime.covers(day):
                return regime
        return self.regimes[0] if day < self.regimes[0].start else self.regimes[-1]

    def default_for(self, kind: str) -> str | None:
        return next((target for k, target in self.defaults if k == kind), None)


@dataclass(frozen=True, slots=True)
class Period:
    """A name an actor bears for part of its life (the Taliban as state forces)."""

    name: str
    inter: int
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: a named actor, a generic template or a claim source."""

    key: str
    name: str  # canonical name or template ("{military} Rapid Support Forces")
    inter: int  # 1..8; 0 for claim sources
    kind: str  # NAMED | GENERIC | SOURCE
    origin: str  # file it came from, for error messages
    country: str | None = None
    regions: tuple[str, ...] = ()  # admin1 regions of ``country`` its events lie in
    scope: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    aliases_cs: tuple[str, ...] = ()
    ambiguous: bool = False
    backers: tuple[str, ...] = ()
    backed_by_default: bool = False
    allies: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    periods: tuple[Period, ...] = ()
    acled_names: tuple[str, ...] = ()
    branches: tuple[tuple[str, str], ...] = ()
    coalition: Coalition | None = None
    part_of: str | None = None  # umbrella actor ACLED codes it under, as associated actor
    # generic templates
    generic_kind: str | None = None
    qualified: bool = False
    qualified_only: tuple[str, ...] = ()
    implicit: tuple[str, ...] = ()
    associate: bool = False
    fallback: str | None = None
    requires_backer: bool = False
    # claim sources
    source_type: str | None = None

    @property
    def is_generic(self) -> bool:
        return self.kind == GENERIC

    @property
    def is_source(self) -> bool:
        return self.kind == SOURCE

    @property
    def is_state_force(self) -> bool:
        return self.inter == 1 or any(
            p in self.name for p in ("{military}", "{police}", "{government}")
        )

    @property
    def home(self) -> tuple[str, ...]:
        """Countries where this entry's aliases are meant."""
        if self.scope:
            return self.scope
        return (self.country,) if self.country else ()

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        after_start = self.valid_from is None or self.valid_from <= day
        return after_start and (self.valid_to is None or day < self.valid_to)

    def branch_for(self, country: str) -> str:
        return next((label for c, label in self.branches if c == country), country)


@dataclass(frozen=True, slots=True)
class DictionaryData:
    """Everything the YAML files hold, validated."""

    countries: tuple[CountryInfo, ...]
    entries: tuple[ActorEntry, ...]  # named, generic and source entries
    source_references: tuple[tuple[str, tuple[str, ...]], ...]  # source type -> phrases


# --------------------------------------------------------------------------- loading


def packaged_dir() -> Traversable:
    return resources.files("frontwatch").joinpath("data", "actors")


def load_data(path: Path | None = None) -> DictionaryData:
    """Read and validate the dictionary from ``path`` (a folder laid out like
    the packaged ``data/actors``) or from the packaged data."""
    folder: Traversable | Path = packaged_dir() if path is None else path
    if not folder.is_dir():
        raise ConfigError(f"actor dictionary folder not found: {folder}")
    files = {child.name: child for child in folder.iterdir() if child.name.endswith(".yaml")}
    for required in ("countries.yaml", "generic.yaml", "sources.yaml"):
        if required not in files:
            raise ConfigError(f"actor dictionary: {required} missing in {folder}")
    countries = tuple(_country(raw, "countries.yaml") for raw in _list(files["countries.yaml"]))
    entries: list[ActorEntry] = []
    entries.extend(_generic(raw, "generic.yaml") for raw in _list(files["generic.yaml"]))
    for name in sorted(n for n in files if n.startswith("named_")):
        entries.extend(_named(raw, name) for raw in _list(files[name]))
    sources_doc = _read(files["sources.yaml"])
    if not isinstance(sources_doc, dict):
        raise ConfigError("actor dictionary: sources.yaml must be a mapping")
    entries.extend(
        _source(raw, "sources.yaml") for raw in _seq(sources_doc.get("sources"), "sources")
    )
    references = tuple(
        (str(kind), _strings(phrases, f"sources.yaml type_references.{kind}"))
        for kind, phrases in _mapping(sources_doc.get("type_references"), "type_references").items()
    )
    return DictionaryData(countries, tuple(entries), references)


def _read(file: Traversable | Path) -> Any:
    try:
        return load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"actor dictionary: cannot read {file.name}: {exc}") from exc


def _list(file: Traversable | Path) -> Iterator[Mapping[str, Any]]:
    doc = _read(file)
    yield from _seq(doc, file.name)


def _seq(value: Any, where: str) -> Iterator[Mapping[str, Any]]:
    if not isinstance(value, list):
        raise ConfigError(f"actor dictionary: {where} must be a list of entries")
    for item in value:
        if not isinstance(item, dict):
            raise ConfigError(f"actor dictionary: {where}: entry is not a mapping: {item!r}")
        yield item


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"actor dictionary: {where} must be a mapping")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise ConfigError(f"actor dictionary: {where} must be a list of strings")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _text(raw: Mapping[str, Any], field: str, where: str, *, required: bool = False) -> str | None:
    value = raw.get(field)
    if value is None:
        if required:
            raise ConfigError(f"actor dictionary: {where}: missing '{field}'")
        return None
    if not isinstance(value, str | int) or not str(value).strip():
        raise ConfigError(f"actor dictionary: {where}: '{field}' must be a non-empty string")
    return str(value).strip()


def _date(raw: Mapping[str, Any], field: str, where: str) -> dt.date | None:
    value = raw.get(field)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"actor dictionary: {where}: '{field}' is not a date: {value!r}") from exc


def _inter(raw: Mapping[str, Any], where: str) -> int:
    value = raw.get("inter")
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 8:
        raise ConfigError(
            f"actor dictionary: {where}: 'inter' must be an integer 1-8, got {value!r}"
        )
    return value


def _flag(raw: Mapping[str, Any], field: str, where: str) -> bool:
    value = raw.get(field, False)
    if not isinstance(value, bool):
        raise ConfigError(f"actor dictionary: {where}: '{field}' must be true or false")
    return value


def _country(raw: Mapping[str, Any], origin: str) -> CountryInfo:
    name = _text(raw, "name", origin, required=True) or ""
    where = f"{origin}: {name}"
    regimes = []
    for item in _seq(raw.get("regimes", []), f"{where}: regimes"):
        label = _text(item, "label", where, required=True) or ""
        start = _date(item, "from", where)
        if start is None:
            raise ConfigError(f"actor dictionary: {where}: regime {label} has no 'from' date")
        end = _date(item, "to", where)
        if end is not None and end <= start:
            raise ConfigError(f"actor dictionary: {where}: regime {label} ends before it starts")
        suffix = _text(item, "military_suffix", where) or ""
        regimes.append(Regime(label, start, end, suffix))
    defaults = tuple(
        (str(k), str(v)) for k, v in _mapping(raw.get("defaults"), f"{where}: defaults").items()
    )
    conflicts = []
    for item in _seq(raw.get("conflicts", []), f"{where}: conflicts"):
        sides = _strings(item.get("sides"), f"{where}: conflict sides")
        if len(sides) != 2:
            raise ConfigError(f"actor dictionary: {where}: a conflict needs exactly two sides")
        start, end = _date(item, "from", where), _date(item, "to", where)
        if start is not None and end is not None and end <= start:
            raise ConfigError(f"actor dictionary: {where}: conflict ends before it starts")
        conflicts.append(Conflict((sides[0], sides[1]), start, end))
    return CountryInfo(
        name=name,
        state=_text(raw, "state", where) or name,
        adjectives=_strings(raw.get("adjectives"), f"{where}: adjectives"),
        adjectives_cs=_strings(raw.get("adjectives_cs"), f"{where}: adjectives_cs"),
        aliases=_strings(raw.get("aliases"), f"{where}: aliases"),
        aliases_cs=_strings(raw.get("aliases_cs"), f"{where}: aliases_cs"),
        regimes=tuple(regimes),
        defaults=defaults,
        within=_text(raw, "within", where),
        conflicts=tuple(conflicts),
    )


def _periods(raw: Mapping[str, Any], where: str) -> tuple[Period, ...]:
    periods = []
    for item in _seq(raw.get("periods", []), f"{where}: periods"):
        name = _text(item, "name", f"{where}: period", required=True) or ""
        periods.append(
            Period(
                name,
                _inter(item, f"{where}: period"),
                _date(item, "from", where),
                _date(item, "to", where),
            )
        )
    return tuple(periods)


def _common(raw: Mapping[str, Any], origin: str, kind: str) -> dict[str, Any]:
    name = _text(raw, "name", origin, required=True) or ""
    where = f"{origin}: {name}"
    valid_from, valid_to = _date(raw, "valid_from", where), _date(raw, "valid_to", where)
    if valid_from and valid_to and valid_to <= valid_from:
        raise ConfigError(f"actor dictionary: {where}: valid_to is not after valid_from")
    return {
        "key": _text(raw, "key", where) or _default_key(name, _text(raw, "country", where)),
        "name": name,
        "origin": origin,
        "kind": kind,
        "country": _text(raw, "country", where),
        "regions": _strings(raw.get("regions"), f"{where}: regions"),
        "scope": _strings(raw.get("scope"), f"{where}: scope"),
        "aliases": _strings(raw.get("aliases"), f"{where}: aliases"),
        "aliases_cs": _strings(raw.get("aliases_cs"), f"{where}: aliases_cs"),
        "ambiguous": _flag(raw, "ambiguous", where),
        "valid_from": valid_from,
        "valid_to": valid_to,
    }


def _default_key(name: str, country: str | None) -> str:
    """A template ("{military} Federal Police") needs its country to be unique."""
    return f"{name}@{country}" if "{" in name and country else name


def _named(raw: Mapping[str, Any], origin: str) -> ActorEntry:
    fields = _common(raw, origin, NAMED)
    where = f"{origin}: {fields['name']}"
    branches = tuple(
        (str(k), str(v)) for k, v in _mapping(raw.get("branches"), f"{where}: branches").items()
    )
    return ActorEntry(
        inter=_inter(raw, where),
        backers=_strings(raw.get("backers"), f"{where}: backers"),
        backed_by_default=_flag(raw, "backed_by_default", where),
        allies=_strings(raw.get("allies"), f"{where}: allies"),
        periods=_periods(raw, where),
        acled_names=_strings(raw.get("acled_names"), f"{where}: acled_names"),
        branches=branches,
        coalition=_coalition(raw.get("coalition"), where),
        part_of=_text(raw, "part_of", where),
        **fields,
    )


def _coalition(raw: Any, where: str) -> Coalition | None:
    if raw is None:
        return None
    spec = _mapping(raw, f"{where}: coalition")
    members = _strings(spec.get("members"), f"{where}: coalition members")
    operates_in = _strings(spec.get("operates_in"), f"{where}: coalition operates_in")
    if not members or not operates_in:
        raise ConfigError(f"actor dictionary: {where}: coalition needs members and operates_in")
    return Coalition(members, operates_in, _date(spec, "to", where))


def _generic(raw: Mapping[str, Any], origin: str) -> ActorEntry:
    kind = _text(raw, "kind", origin, required=True) or ""
    fields = _common(raw, origin, GENERIC)
    where = f"{origin}: {kind}"
    fields["key"] = kind
    fields["aliases"] = _strings(raw.get("triggers"), f"{where}: triggers")
    return ActorEntry(
        inter=_inter(raw, where),
        generic_kind=kind,
        qualified=_flag(raw, "qualified", where),
        qualified_only=_strings(raw.get("qualified_only"), f"{where}: qualified_only"),
        implicit=_strings(raw.get("implicit"), f"{where}: implicit"),
        associate=_flag(raw, "associate", where),
        fallback=_text(raw, "fallback", where),
        requires_backer=_flag(raw, "requires_backer", where),
        **fields,
    )


def _source(raw: Mapping[str, Any], origin: str) -> ActorEntry:
    fields = _common(raw, origin, SOURCE)
    source_type = _text(raw, "type", f"{origin}: {fields['name']}", required=True)
    return ActorEntry(inter=0, source_type=source_type, **fields)
