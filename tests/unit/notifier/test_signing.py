"""Standard Webhooks signatures: the spec's known answer, and agreement with the reference library."""

from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks import Webhook

from schemas import Subscription
from services.notifier.signing import new_secret, sign, signature_header
from services.notifier.subscriptions import SigningSecret, StoredSubscription


def test_known_answer_vector_of_the_spec() -> None:
    """The example of the Standard Webhooks spec signs to its published signature."""
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    signature = sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_reference_library_verifies_our_signature() -> None:
    """A fresh secret's signature verifies with the standardwebhooks library."""
    secret = new_secret()
    now = datetime.now(UTC)
    ts = int(now.timestamp())
    body = '{"type":"alert.raised","data":{"kind":"meeting_held"}}'
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(ts),
        "webhook-signature": sign(secret, "msg_1", ts, body),
    }
    assert Webhook(secret).verify(body, headers) == {
        "type": "alert.raised",
        "data": {"kind": "meeting_held"},
    }
    assert Webhook(secret).sign("msg_1", now, body) == headers["webhook-signature"]


def test_rotation_header_carries_both_signatures_and_either_verifies() -> None:
    """With two live secrets the header holds two signatures; a receiver with either accepts it."""
    old, new = new_secret(), new_secret()
    ts = int(datetime.now(UTC).timestamp())
    header = signature_header([new, old], "msg_2", ts, "{}")
    assert len(header.split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify(
            "{}", {"webhook-id": "msg_2", "webhook-timestamp": str(ts), "webhook-signature": header}
        )


@pytest.mark.parametrize(
    ("expires_in_h", "live"),
    [
        pytest.param(None, ["new", "old"], id="old-without-expiry-still-signs"),
        pytest.param(1.0, ["new", "old"], id="old-inside-its-grace"),
        pytest.param(-1.0, ["new"], id="old-past-its-grace"),
    ],
)
def test_live_secrets_newest_first_until_the_grace_ends(
    expires_in_h: float | None, live: list[str]
) -> None:
    """After a rotation the new secret signs first, the old one only until its grace period ends."""
    now = datetime(2024, 5, 16, tzinfo=UTC)
    expires = None if expires_in_h is None else now + timedelta(hours=expires_in_h)
    stored = StoredSubscription(
        subscription=Subscription(
            url="https://hooks.example/x", subscription_id="sub_1", created_at=now
        ),
        secrets=[SigningSecret(secret="new"), SigningSecret(secret="old", expires_at=expires)],
    )
    assert stored.live_secrets(now) == live
