"""Stream names: one place that says which stream carries which message."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Streams:
    """Names of the streams under a key prefix.

    The prefix lets several deployments share a Redis, and lets a Redis Cluster
    deployment hash-tag every relwatch key into one slot (prefix "{relwatch}").
    """

    prefix: str = "relwatch"

    @property
    def articles(self) -> str:
        """`ArticleIngested` messages, written by ingest, read by the extractor."""
        return f"{self.prefix}:articles"

    @property
    def events(self) -> str:
        """`EventExtracted` messages, written by the extractor, read by alerts."""
        return f"{self.prefix}:events"

    @property
    def alerts(self) -> str:
        """`AlertRaised` messages, written by alerts, read by the notifier."""
        return f"{self.prefix}:alerts"

    @property
    def deliveries_dead(self) -> str:
        """Webhook deliveries that used up every attempt, with their attempt history."""
        return f"{self.prefix}:deliveries:dlq"

    def dead_letter(self, stream: str) -> str:
        """The dead-letter stream of `stream`: malformed or poison entries, with the reason."""
        return f"{stream}:dlq"

    def key(self, *parts: str) -> str:
        """A state key under the prefix, e.g. key("seen", article_id)."""
        return ":".join((self.prefix, *parts))

    @property
    def consumed(self) -> tuple[str, ...]:
        """The streams read by a consumer group, in pipeline order."""
        return (self.articles, self.events, self.alerts)
