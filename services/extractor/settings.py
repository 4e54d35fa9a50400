"""Extractor settings."""

from services.common.settings import ConsumerSettings


class ExtractorSettings(ConsumerSettings):
    group: str = "extractor"
