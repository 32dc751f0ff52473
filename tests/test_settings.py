"""Settings: defaults < TOML file < THUCYDIDES_* < flags; bad names and values are one-line errors;
every setting and every command is documented."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest

from thucydides.cli import cli
from thucydides.errors import ConfigError
from thucydides.settings import SETTINGS, Settings, load_settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_table_and_the_dataclass_agree() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    assert list(fields) == [s.name for s in SETTINGS]
    for setting in SETTINGS:
        default = setting.default
        assert fields[setting.name] == (tuple(default) if isinstance(default, list) else default)
        assert setting.help.endswith(".") and len(setting.help) < 100


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "t.toml"
    config.write_text('batch_size = 8\nworkers = 2\ninclude = ["*.jsonl"]\nmodel = "m_file"\n')
    env = {"THUCYDIDES_WORKERS": "3", "THUCYDIDES_EXCLUDE": "a/*, b/*"}
    settings = load_settings(config, env, {"model": "m_flag", "db": None})
    assert (settings.batch_size, settings.workers, settings.model) == (8, 3, "m_flag")
    assert settings.include == ("*.jsonl",) and settings.exclude == ("a/*", "b/*")
    assert settings.db == "thucydides.duckdb"


def test_config_file_is_found_by_env_or_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()
    (tmp_path / "thucydides.toml").write_text("[thucydides]\ncommit_every = 5\n")
    assert load_settings(environ={}).commit_every == 5
    other = tmp_path / "other.toml"
    other.write_text("detect_language = false\n")
    assert load_settings(environ={"THUCYDIDES_CONFIG": str(other)}).detect_language is False


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ("batchsize = 3", {}, "unknown setting 'batchsize' in {c}; did you mean 'batch_size'?"),
        ("workers = 0", {}, "setting 'workers' from {c}: 0 is below the minimum 1"),
        ('workers = "two"', {}, "setting 'workers' from {c}: 'two' is not an integer; e.g."),
        ("languages = 3", {}, "setting 'languages' from {c}: 3 is not a list of strings"),
        ("workers = [", {}, "config file '{c}' is not valid TOML"),
        (
            "",
            {"THUCYDIDES_DETECT_LANGUAGE": "maybe"},
            "setting 'detect_language' from THUCYDIDES_DETECT_LANGUAGE: 'maybe' is not true or "
            "false; e.g. THUCYDIDES_DETECT_LANGUAGE=true",
        ),
        (
            "",
            {"THUCYDIDES_FETCH_TIMEOUT": "soon"},
            "setting 'fetch_timeout' from THUCYDIDES_FETCH_TIMEOUT: 'soon' is not a number",
        ),
    ],
)
def test_bad_settings_are_one_line_errors(
    tmp_path: Path, toml: str, env: dict[str, str], message: str
) -> None:
    config = tmp_path / "c.toml"
    config.write_text(toml)
    with pytest.raises(ConfigError) as info:
        load_settings(config, env)
    assert str(info.value).startswith(message.format(c=config))
    assert "\n" not in str(info.value)


def test_missing_config_file_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings("nope.toml", {})
    assert str(info.value) == "config file 'nope.toml' does not exist; create it or drop --config"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text, f"docs/settings.md does not document {setting.name}"
        assert setting.env in text, f"docs/settings.md does not name {setting.env}"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + name + " "))
    return found


def test_every_command_is_documented_with_its_options() -> None:
    text = (DOCS / "cli.md").read_text()
    headings = set(re.findall(r"^#+ `?thucydides ([a-z][a-z -]*)`?", text, re.MULTILINE))
    for name, command in _commands(cli):
        assert name in {h.strip() for h in headings}, (
            f"docs/cli.md has no section `thucydides {name}`"
        )
        if name in ("code", "stats"):
            for param in command.params:
                for opt in getattr(param, "opts", []):
                    if opt.startswith("--"):
                        assert opt in text, f"docs/cli.md does not mention {name} {opt}"


def test_every_command_has_help_with_an_example() -> None:
    for name, command in _commands(cli):
        if isinstance(command, click.Group):
            continue
        assert command.help, f"thucydides {name} has no help text"
        assert re.search(r"Examples?: thucydides ", command.help), f"{name} help has no Example"
