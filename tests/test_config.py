"""The configuration is data: validated at start, merged, refused with file/key/problem."""

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import ConfigError


def test_defaults_load_and_every_rule_is_named_and_described():
    config = load_config()
    assert len(config.rules) > 50
    names = [r.name for r in config.rules]
    assert len(names) == len(set(names))
    for rule in config.rules:
        assert rule.description
        assert rule.name.split(".")[0] == rule.language
    languages = {r.language for r in config.rules}
    assert {"de", "en", "fr", "nl", "es", "it", "pl", "common"} <= languages


def test_digest_is_stable_and_changes_with_settings(tmp_path: Path):
    assert load_config().digest == load_config().digest
    user = tmp_path / "my.toml"
    user.write_text("[article]\nmin_chars = 50\n", encoding="utf-8")
    assert load_config(user).digest != load_config().digest
    assert load_config(user).get("article", "min_chars") == 50


def test_user_rule_is_added_and_default_rule_disabled(tmp_path: Path):
    user = tmp_path / "site.toml"
    user.write_text(
        '[rules]\ndisable = ["de.byline"]\n'
        '[[rule]]\nname = "promo_line"\nlanguage = "de"\nkind = "line_regex"\npattern = "^Jetzt im Shop$"\n'
        'description = "a shop teaser of one site"\n',
        encoding="utf-8",
    )
    config = load_config(user)
    names = {r.name for r in config.rules}
    assert "de.promo_line" in names
    assert "de.byline" not in names


@pytest.mark.parametrize(
    "body, key, problem",
    [
        ('[[rule]]\nname = "x"\nkind = "magic"\npattern = "a"\ndescription = "d"\n', "kind", "unknown rule kind"),
        ('[[rule]]\nname = "x"\nkind = "line_regex"\npattern = "(unclosed"\ndescription = "d"\n', "pattern", "invalid regular expression"),
        ("[article]\nmin_chars = \"many\"\n", "article.min_chars", "must be int"),
        ("[article]\nshoe_size = 3\n", "article.shoe_size", "unknown key"),
        ('[[rule]]\nname = "x"\nkind = "block_start"\npattern = "a"\ndescription = "d"\nuntil = "forever"\n', "until", "must be one of"),
        ("this is = not [toml", "-", "not valid TOML"),
    ],
)
def test_bad_config_is_refused_with_file_key_and_problem(tmp_path: Path, body: str, key: str, problem: str):
    user = tmp_path / "bad.toml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(user)
    message = str(info.value)
    assert str(user) in message
    assert key in message
    assert problem in message
