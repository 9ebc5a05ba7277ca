import unittest

from tollgate import AuthenticationError, ConnectionError, NotFoundError, Tollgate, ValidationError

from .support import STANDARD, URL, FlakyProxy, balance, client, env


class Sessions(unittest.TestCase):
    def test_a_session_token_reads_but_never_charges(self) -> None:
        admin = client("TOLLGATE_ADMIN_API_KEY")
        session = admin.sessions.create(env("TOLLGATE_WORKSPACE_ID"), ttl_seconds=300)
        self.assertTrue(session["token"].startswith("tgs_"))
        browser = Tollgate(api_key=session["token"], base_url=URL)
        before = browser.me()["balance"]["millicredits"]
        self.assertTrue(browser.models.list())
        with self.assertRaises(AuthenticationError) as caught:
            browser.usage.create(model=STANDARD)
        self.assertEqual((caught.exception.status, caught.exception.code), (401, "invalid_api_key"))
        self.assertIn("read-only", caught.exception.message)
        self.assertEqual(browser.me()["balance"]["millicredits"], before)
        with self.assertRaises(ValidationError):
            admin.sessions.create(env("TOLLGATE_WORKSPACE_ID"), ttl_seconds=7_200)

    def test_a_member_session_token_shows_that_members_cap(self) -> None:
        admin = client("TOLLGATE_ADMIN_API_KEY")
        team = env("TOLLGATE_TEAM_WORKSPACE_ID")
        member = env("TOLLGATE_TEAM_MEMBER_ID")
        client("TOLLGATE_TEAM_MEMBER_KEY").usage.create(model=STANDARD)
        session = admin.sessions.create(team, ttl_seconds=600, member_id=member)
        self.assertEqual(session["memberId"], member)
        me = Tollgate(api_key=session["token"], base_url=URL).me()
        self.assertEqual(me["member"]["id"], member)
        cap = me["member"]["spendCap"]
        self.assertEqual(cap["capMillicredits"], 50_000)
        self.assertEqual(cap["spentMillicredits"], 12_000)
        self.assertEqual(cap["remainingMillicredits"], 38_000)
        with self.assertRaises(NotFoundError):
            admin.sessions.create(team, member_id="not-a-member")
        whole = Tollgate(api_key=admin.sessions.create(team)["token"], base_url=URL).me()
        self.assertIsNone(whole["member"])


class TrackerTests(unittest.TestCase):
    def test_tracked_usage_is_sent_on_flush_and_charged_once(self) -> None:
        tg = client()
        before = balance(tg)
        tracker = tg.tracker(interval=60)
        tracker.track(model=STANDARD)
        tracker.track(model=STANDARD, quantity=2, metadata={"job": "thumbnails"})
        self.assertEqual(tracker.pending, 2)
        results = tracker.flush()
        self.assertEqual([r["status"] for r in results], [200, 200])
        self.assertEqual(tracker.pending, 0)
        charged = sum(r["charged"]["millicredits"] for r in results)
        self.assertEqual(balance(tg), before - charged)
        self.assertEqual(tracker.flush(), [])

    def test_a_lost_send_keeps_the_events_with_their_keys_and_the_resend_is_charged_once(self) -> None:
        proxy = FlakyProxy()
        try:
            tg = Tollgate(api_key=env("TOLLGATE_API_KEY"), base_url=proxy.url, max_retries=0)
            before = balance(tg)
            tracker = tg.tracker(interval=60)
            tracker.track(model=STANDARD)
            tracker.track(model=STANDARD, quantity=2)
            proxy.fail_next = "drop"  # Tollgate charges both; the answer is lost
            with self.assertRaises(ConnectionError):
                tracker.flush()
            self.assertEqual(tracker.pending, 2)
            results = tracker.flush()
            self.assertEqual([r["replayed"] for r in results], [True, True])
            self.assertEqual(tracker.pending, 0)
            charged = sum(r["charged"]["millicredits"] for r in results)
            self.assertEqual(balance(tg), before - charged)
        finally:
            proxy.close()

    def test_the_timer_sends_in_the_background(self) -> None:
        import time

        tg = client()
        tracker = tg.tracker(interval=0.2)
        tracker.track(model=STANDARD)
        deadline = time.monotonic() + 5
        while tracker.pending and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(tracker.pending, 0)


if __name__ == "__main__":
    unittest.main()
