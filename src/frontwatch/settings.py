"""One validated Settings object: packaged defaults, overridden by environment
variables (``FRONTWATCH_*``) and keyword arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from frontwatch.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm"
DEFAULT_DB = "frontwatch.db"
DEFAULT_MAX_BYTES = 5_000_000
# "selective": parse only the sentences that may hold a trigger (see
# nlp/selective.py); "full": run the whole spaCy pipeline over every sentence.
PARSE_MODES = ("selective", "full")


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL  # spaCy pipeline; falls back to its repackage
    db: str = DEFAULT_DB  # path or SQLAlchemy URL
    home: Path = Path.home() / ".cache" / "frontwatch"  # gazetteer index lives here
    max_bytes: int = DEFAULT_MAX_BYTES  # larger input files are rejected
    batch_size: int = 32  # articles per store transaction and nlp.pipe batch
    workers: int = 1  # extraction processes; the store is written by the main one
    parse: str = "selective"  # one of PARSE_MODES

    def with_overrides(self, **changes: object) -> Settings:
        clean = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **clean)  # type: ignore[arg-type]


def load_settings(**overrides: object) -> Settings:
    """Defaults, then environment, then explicit overrides (None = not given)."""
    env: dict[str, object] = {}
    if value := os.environ.get("FRONTWATCH_MODEL"):
        env["model"] = value
    if value := os.environ.get("FRONTWATCH_DB"):
        env["db"] = value
    if value := os.environ.get("FRONTWATCH_HOME"):
        env["home"] = Path(value)
    if value := os.environ.get("FRONTWATCH_MAX_BYTES"):
        try:
            env["max_bytes"] = int(value)
        except ValueError as exc:
            raise ConfigError(
                f"FRONTWATCH_MAX_BYTES must be a whole number of bytes, got {value!r}"
            ) from exc
    if value := os.environ.get("FRONTWATCH_WORKERS"):
        try:
            env["workers"] = int(value)
        except ValueError as exc:
            raise ConfigError(f"FRONTWATCH_WORKERS must be a whole number, got {value!r}") from exc
    if value := os.environ.get("FRONTWATCH_PARSE"):
        env["parse"] = value
    settings = Settings().with_overrides(**env).with_overrides(**overrides)
    if settings.max_bytes <= 0:
        raise ConfigError("max_bytes must be positive")
    if settings.batch_size <= 0:
        raise ConfigError("batch_size must be positive")
    if settings.workers <= 0:
        raise ConfigError("workers must be 1 or more")
    if settings.parse not in PARSE_MODES:
        raise ConfigError(f"parse must be one of {', '.join(PARSE_MODES)}, not {settings.parse!r}")
    return settings
