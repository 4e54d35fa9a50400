"""Operators configure relwatch only through environment variables: every one is in the README."""

import pytest
from pydantic_settings import BaseSettings

from services.alerts.settings import AlertsSettings
from services.extractor.settings import ExtractorSettings
from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    "settings", [IngestSettings, ExtractorSettings, AlertsSettings, NotifierSettings]
)
def test_every_setting_is_documented(settings: type[BaseSettings]) -> None:
    """Each field of a service's settings appears as RELWATCH_<NAME> in the README's table."""
    missing = [
        f"RELWATCH_{name.upper()}"
        for name in settings.model_fields
        if f"`RELWATCH_{name.upper()}`" not in README
    ]
    assert not missing, f"add these to the README's configuration table: {missing}"


def test_env_example_names_only_documented_variables() -> None:
    """Every variable .env.example sets is one the README documents."""
    lines = (ROOT / ".env.example").read_text().splitlines()
    names = [line.split("=", 1)[0].lstrip("# ").strip() for line in lines if "=" in line]
    assert names
    unknown = [n for n in names if n.startswith("RELWATCH_") and f"`{n}`" not in README]
    assert not unknown, f"document these in the README or drop them from .env.example: {unknown}"
