"""protokollkit.toml: where it is found, what is checked, and that passwords are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokollkit.config import load_settings, parse_settings
from protokollkit.diagnostics import ParseError
from tests.send.conftest import Tls


def settings_error(text: str) -> str:
    with pytest.raises(ParseError) as caught:
        parse_settings(text, "protokollkit.toml")
    return str(caught.value)


def test_minimal_config_gets_starttls_on_port_587() -> None:
    settings = parse_settings('[smtp]\nhost = "mail.example.org"\n', "p.toml")
    assert (settings.host, settings.port, settings.security) == (
        "mail.example.org",
        587,
        "starttls",
    )
    assert settings.timeout == 30.0
    assert settings.user is None and settings.cafile is None


def test_implicit_tls_defaults_to_port_465() -> None:
    settings = parse_settings('[smtp]\nhost = "h"\nsecurity = "tls"\n', "p.toml")
    assert settings.port == 465


def test_password_in_config_is_refused_with_its_line() -> None:
    message = settings_error('[smtp]\nhost = "h"\nuser = "u"\npassword = "geheim"\n')
    assert message.startswith("protokollkit.toml:4:1: fehler: „password“")
    assert "PROTOKOLLKIT_SMTP_PASSWORD" in message
    assert "geheim" not in message


def test_password_anywhere_in_the_file_is_refused() -> None:
    message = settings_error('[smtp]\nhost = "h"\n[konto]\nPasswort = "x"\n')
    assert "protokollkit.toml:4:1" in message and "Passwörter gehören nicht" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('host = "h"\n', "Abschnitt [smtp] fehlt"),
        ("[smtp]\nport = 25\n", "„host“ fehlt"),
        ('[smtp]\nhost = "h"\nsecurity = "ssl"\n', "„security“ muss"),
        ('[smtp]\nhost = "h"\nport = 70000\n', "protokollkit.toml:3:1: fehler: „port“"),
        ('[smtp]\nhost = "h"\nport = "587"\n', "„port“ muss eine Zahl"),
        ('[smtp]\nhost = "h"\ntimeout = 0\n', "„timeout“ muss eine Zahl von Sekunden über 0"),
        ('[smtp]\nhost = "h"\nsender = "robin"\n', "„sender“ ist keine gültige Mailadresse"),
        ('[smtp]\nhost = "h"\nlist_address = "a b@c"\n', "„list_address“ ist keine gültige"),
        ('[smtp]\nhost = "h"\nprot = 25\n', "Unbekannte Einstellung „prot“"),
        ('[smtp]\nhost = "h"\nsecurity = "none"\nuser = "u"\n', "Passwort offen"),
        ('[smtp]\nhost = "h"\ncafile = "fehlt.pem"\n', "Zertifikatsdatei"),
        ('[smtp]\nhost = "h\n', "protokollkit.toml:2:"),
    ],
)
def test_bad_settings_give_a_german_message(text: str, expected: str) -> None:
    assert expected in settings_error(text)


def test_cafile_is_relative_to_the_config_file(tmp_path: Path, tls: Tls) -> None:
    (tmp_path / "ca.pem").write_bytes(tls.cafile.read_bytes())  # a real CA: it is loaded
    path = tmp_path / "protokollkit.toml"
    path.write_text('[smtp]\nhost = "h"\ncafile = "ca.pem"\n')
    assert load_settings(path).cafile == tmp_path / "ca.pem"


def test_project_config_wins_over_user_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "xdg" / "protokollkit"
    user.mkdir(parents=True)
    (user / "protokollkit.toml").write_text('[smtp]\nhost = "benutzer.example.org"\n')
    project = tmp_path / "projekt"
    project.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert load_settings(cwd=project).host == "benutzer.example.org"
    (project / "protokollkit.toml").write_text('[smtp]\nhost = "projekt.example.org"\n')
    assert load_settings(cwd=project).host == "projekt.example.org"


def test_missing_config_names_the_places_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    with pytest.raises(ParseError) as caught:
        load_settings(cwd=tmp_path)
    message = str(caught.value)
    assert "Keine Einstellungen für den Versand gefunden" in message
    assert str(tmp_path / "protokollkit.toml") in message
    assert str(tmp_path / "xdg" / "protokollkit" / "protokollkit.toml") in message


def test_example_config_in_the_repository_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "protokollkit.toml.example"
    settings = load_settings(example)
    assert settings.security == "starttls" and settings.port == 587
