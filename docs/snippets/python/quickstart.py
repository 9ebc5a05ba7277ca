import os

from tollgate import Tollgate

# One client per process. It holds the workspace's secret key (tg_…): server code only.
tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])

# Check and charge one call. The key names the job: a retry of it is charged once.
charge = tg.usage.create(
    model="poster-editor:inpaint-standard", quantity=1, idempotency_key="render-42"
)
print(f"Charged {charge['charged']['credits']} credits; {charge['balance']['credits']} left.")

me = tg.me()
print(me["plan"]["tier"], me["quota"], me["runway"]["days"])

locked = [m["id"] for m in tg.models.list() if not m["allowed"]]
seats = tg.entitlements.get("team_seats")  # {"feature", "allowed", "limit"}
