import time
import unittest

from tollgate import (
    AuthenticationError,
    ConflictError,
    ConnectionError,
    InsufficientCreditsError,
    ModelNotAllowedError,
    ModelNotFoundError,
    QuotaExceededError,
    RateLimitedError,
    SpendCapReachedError,
    Tollgate,
    TollgateError,
    ValidationError,
)

from .support import CHAT, LOCKED, STANDARD, URL, FlakyProxy, balance, client, env


class ChargesAndRetries(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.proxy = FlakyProxy()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.proxy.close()

    def test_usage_create_charges_and_the_balance_drops_by_the_charge(self) -> None:
        tg = client()
        before = balance(tg)
        charge = tg.usage.create(model=STANDARD, quantity=2, metadata={"poster_id": "p-1"})
        self.assertEqual(charge["model"], STANDARD)
        self.assertEqual(charge["billedTo"], "credits")
        self.assertGreater(charge["charged"]["millicredits"], 0)
        self.assertEqual(charge["balance"]["millicredits"], before - charge["charged"]["millicredits"])
        self.assertEqual(balance(tg), before - charge["charged"]["millicredits"])

    def test_a_call_whose_answer_was_lost_is_retried_with_the_same_key_and_charged_once(self) -> None:
        tg = Tollgate(api_key=env("TOLLGATE_API_KEY"), base_url=self.proxy.url)
        before = balance(tg)
        self.proxy.seen.clear()
        self.proxy.fail_next = "drop"
        charge = tg.usage.create(model=STANDARD, quantity=1)
        posts = [s for s in self.proxy.seen if s["path"] == "/api/v1/usage"]
        self.assertEqual(len(posts), 2)
        self.assertTrue(posts[0]["key"].startswith("tg-sdk-"))
        self.assertEqual(posts[0]["key"], posts[1]["key"])
        self.assertEqual(balance(tg), before - charge["charged"]["millicredits"])

    def test_a_503_is_retried_after_retry_after_with_the_same_key(self) -> None:
        tg = Tollgate(api_key=env("TOLLGATE_API_KEY"), base_url=self.proxy.url)
        before = balance(tg)
        self.proxy.seen.clear()
        self.proxy.fail_next = "503"
        started = time.monotonic()
        charge = tg.usage.create(model=STANDARD, idempotency_key="py-retry-503")
        self.assertGreaterEqual(time.monotonic() - started, 0.95)
        self.assertEqual([s["key"] for s in self.proxy.seen if s["path"] == "/api/v1/usage"], ["py-retry-503"] * 2)
        self.assertEqual(balance(tg), before - charge["charged"]["millicredits"])

    def test_the_same_key_again_replays_and_another_body_is_a_conflict(self) -> None:
        tg = client()
        first = tg.usage.create(model=STANDARD, idempotency_key="py-same-key")
        after = balance(tg)
        again = tg.usage.create(model=STANDARD, idempotency_key="py-same-key")
        self.assertEqual(again["id"], first["id"])
        self.assertEqual(balance(tg), after)
        with self.assertRaises(ConflictError) as caught:
            tg.usage.create(model=STANDARD, quantity=2, idempotency_key="py-same-key")
        self.assertEqual(caught.exception.status, 409)

    def test_no_answer_at_all_is_a_connection_error_after_the_retries(self) -> None:
        down = Tollgate(api_key="tg_whatever", base_url="http://127.0.0.1:9", max_retries=1)
        with self.assertRaises(ConnectionError) as caught:
            down.usage.create(model=STANDARD)
        self.assertEqual((caught.exception.code, caught.exception.status), ("connection_error", 0))
        self.assertIsInstance(caught.exception, TollgateError)

    def test_a_refusal_is_never_retried(self) -> None:
        tg = Tollgate(api_key=env("TOLLGATE_API_KEY"), base_url=self.proxy.url)
        self.proxy.seen.clear()
        with self.assertRaises(ValidationError) as caught:
            tg.usage.create(model=STANDARD, quantity=-1)
        self.assertTrue(caught.exception.issues)
        self.assertEqual(len(self.proxy.seen), 1)

    def test_usage_batch_charges_each_event_once_even_when_resent(self) -> None:
        tg = client()
        before = balance(tg)
        events = [{"model": STANDARD}, {"model": STANDARD, "quantity": 2, "idempotency_key": "py-batch-1"}]
        first = tg.usage.batch(events)
        self.assertEqual([r["status"] for r in first["results"]], [200, 200])
        again = tg.usage.batch([events[1]])
        self.assertTrue(again["results"][0]["replayed"])
        charged = sum(r["charged"]["millicredits"] for r in first["results"])
        self.assertEqual(balance(tg), before - charged)


class TypedRefusals(unittest.TestCase):
    def test_insufficient_credits_402_says_what_it_needs_and_where_to_buy(self) -> None:
        with self.assertRaises(InsufficientCreditsError) as caught:
            client("TOLLGATE_POOR_KEY").usage.create(model=STANDARD)
        e = caught.exception
        self.assertEqual((e.status, e.code), (402, "insufficient_credits"))
        self.assertEqual(e.balance_millicredits, 10)
        self.assertGreater(e.required_millicredits, 10)
        self.assertRegex(e.buy_credits_url, r"^https?://")
        self.assertTrue(e.message)

    def test_model_not_allowed_403_names_the_tier_and_the_upgrade(self) -> None:
        with self.assertRaises(ModelNotAllowedError) as caught:
            client("TOLLGATE_FREE_KEY").usage.create(model=LOCKED)
        e = caught.exception
        self.assertEqual((e.status, e.code), (403, "model_not_allowed"))
        self.assertTrue(e.required_tier)
        self.assertRegex(e.upgrade_url, r"^https?://")

    def test_spend_cap_402(self) -> None:
        with self.assertRaises(SpendCapReachedError) as caught:
            client("TOLLGATE_CAPPED_KEY").usage.create(model=STANDARD)
        self.assertEqual(caught.exception.cap_millicredits, 1)
        self.assertEqual(caught.exception.status, 402)

    def test_quota_exceeded_429_is_not_waited_for(self) -> None:
        tg = client("TOLLGATE_QUOTA_KEY")
        tg.usage.create(model=STANDARD, quantity=500)
        started = time.monotonic()
        with self.assertRaises(QuotaExceededError) as caught:
            tg.usage.create(model=STANDARD)
        self.assertLess(time.monotonic() - started, 5)
        e = caught.exception
        self.assertEqual((e.status, e.code), (429, "quota_exceeded"))
        self.assertIn("T00:00:00", e.resets_at)
        self.assertGreater(e.retry_after, 0)

    def test_rate_limited_429_carries_retry_after(self) -> None:
        tg = client("TOLLGATE_BUSY_KEY", max_retry_delay=0)
        with self.assertRaises(RateLimitedError) as caught:
            for _ in range(25):
                tg.me()
        self.assertEqual((caught.exception.status, caught.exception.code), (429, "rate_limited"))
        self.assertGreater(caught.exception.retry_after, 0)

    def test_a_bad_key_is_an_authentication_error_with_a_request_id(self) -> None:
        with self.assertRaises(AuthenticationError) as caught:
            Tollgate(api_key="tg_not_a_real_key", base_url=URL).me()
        self.assertEqual((caught.exception.status, caught.exception.code), (401, "invalid_api_key"))
        self.assertTrue(caught.exception.request_id)

    def test_an_unknown_model_is_model_not_found(self) -> None:
        with self.assertRaises(ModelNotFoundError):
            client().models.retrieve("chat:nope")

    def test_the_api_key_and_url_come_from_the_environment(self) -> None:
        self.assertEqual(Tollgate().me()["workspace"]["id"], env("TOLLGATE_WORKSPACE_ID"))
        self.assertEqual(Tollgate().base_url, URL)


class Reads(unittest.TestCase):
    def test_me_models_and_entitlements(self) -> None:
        tg = client()
        me = tg.me()
        self.assertEqual(me["workspace"]["id"], env("TOLLGATE_WORKSPACE_ID"))
        self.assertEqual(me["tier"]["code"], "pro")
        models = tg.models.list()
        chat = next(m for m in models if m["id"] == CHAT)
        self.assertEqual((chat["type"], chat["object"], chat["allowed"]), ("chat", "model", True))
        self.assertEqual(tg.models.retrieve(CHAT)["id"], CHAT)
        self.assertEqual(tg.entitlements.get("team_seats")["feature"], "team_seats")


if __name__ == "__main__":
    unittest.main()
