import unittest

from tollgate import InsufficientCreditsError

from .support import CHAT, STANDARD, balance, client


class Meter(unittest.TestCase):
    def test_context_manager_charges_first_and_yields_the_charge(self) -> None:
        tg = client()
        before = balance(tg)
        with tg.meter(model=STANDARD, quantity=1) as charge:
            self.assertTrue(charge["id"].startswith("evt_"))
        self.assertEqual(balance(tg), before - charge["charged"]["millicredits"])

    def test_decorator_charges_every_call_and_a_refusal_never_runs_the_work(self) -> None:
        tg = client()
        ran = []

        @tg.meter(model=STANDARD, quantity=1)
        def render(poster: str) -> str:
            ran.append(poster)
            return f"rendered {poster}"

        before = balance(tg)
        self.assertEqual(render("a"), "rendered a")
        self.assertEqual(render("b"), "rendered b")
        self.assertLess(balance(tg), before)

        poor = client("TOLLGATE_POOR_KEY")

        @poor.meter(model=STANDARD, quantity=1)
        def never() -> None:
            ran.append("poor")

        with self.assertRaises(InsufficientCreditsError):
            never()
        self.assertEqual(ran, ["a", "b"])

    def test_hold_commits_the_usage_given_when_the_block_ends(self) -> None:
        tg = client()
        before = balance(tg)
        with tg.meter.hold(model=CHAT, estimate={"input_tokens": 2_000, "output_tokens": 2_000}) as hold:
            self.assertTrue(hold.id.startswith("res_"))
            self.assertLess(balance(tg), before)  # the estimate is held
            hold.commit({"input_tokens": 120, "output_tokens": 80})
        self.assertEqual(hold.result["reservation"]["status"], "committed")
        self.assertLess(hold.result["charged"]["millicredits"], hold.reservation["held"]["millicredits"])
        self.assertEqual(balance(tg), before - hold.result["charged"]["millicredits"])

    def test_hold_releases_everything_when_the_block_raises(self) -> None:
        tg = client()
        before = balance(tg)
        with self.assertRaisesRegex(RuntimeError, "the model crashed"):
            with tg.meter.hold(model=CHAT, estimate={"input_tokens": 2_000, "output_tokens": 2_000}) as hold:
                hold.commit({"input_tokens": 5, "output_tokens": 5})
                raise RuntimeError("the model crashed")
        self.assertEqual(hold.result["status"], "released")
        self.assertEqual(balance(tg), before)

    def test_stream_passes_chunks_through_and_commits_the_usage_of_the_last_one(self) -> None:
        tg = client()
        before = balance(tg)

        def llm(reservation):
            self.assertTrue(reservation["id"].startswith("res_"))
            yield {"choices": [{"delta": {"content": "Hel"}}]}
            yield {"choices": [{"delta": {"content": "lo"}}]}
            yield {"choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 2}}

        text = "".join(
            c["choices"][0]["delta"]["content"]
            for c in tg.meter.stream(llm, model=CHAT, estimate={"input_tokens": 100, "output_tokens": 500})
            if c["choices"]
        )
        self.assertEqual(text, "Hello")
        charged = before - balance(tg)
        self.assertGreater(charged, 0)
        exact = tg.reservations.create(model=CHAT, input_tokens=30, output_tokens=2)
        self.assertEqual(charged, exact["held"]["millicredits"])
        tg.reservations.release(exact["id"])

    def test_stream_releases_the_hold_when_the_llm_fails(self) -> None:
        tg = client()
        before = balance(tg)

        def broken():
            yield {"choices": [{"delta": {"content": "Hel"}}]}
            raise IOError("connection reset by the model")

        with self.assertRaises(IOError):
            for _ in tg.meter.stream(broken(), model=CHAT, estimate={"input_tokens": 100, "output_tokens": 500}):
                pass
        self.assertEqual(balance(tg), before)


if __name__ == "__main__":
    unittest.main()
