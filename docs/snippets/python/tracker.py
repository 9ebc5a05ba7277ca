import os

from tollgate import Tollgate

tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])

# Fire-and-forget usage after the fact: queued, sent in batches, each event with its own key.
tracker = tg.tracker()


def track_preview(user_id: str) -> None:
    tracker.track(model="poster-editor:inpaint-standard", quantity=1, metadata={"userId": user_id})


def on_shutdown() -> None:
    tracker.flush()  # also runs at interpreter exit
