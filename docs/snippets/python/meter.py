import os

from tollgate import Tollgate

tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])


# Known cost: charged before every call of the function. A refusal raises and the
# function never runs, so a user who cannot pay never costs you anything.
@tg.meter(model="poster-editor:inpaint-standard", quantity=1)
def inpaint(poster_id: str) -> str:
    return f"inpainted {poster_id}"


# The same as a block: the charge happens on entry and is returned.
def render(poster_id: str) -> str:
    with tg.meter(model="poster-editor:inpaint-standard", quantity=1) as charge:
        print("balance after the charge:", charge["balance"]["credits"])
        return f"rendered {poster_id}"
