import os

from tollgate import Tollgate

# The admin key (tga_…) stays on your server; the browser gets a read-only token that expires.
admin = Tollgate(api_key=os.environ["TOLLGATE_ADMIN_API_KEY"], base_url=os.environ["TOLLGATE_URL"])


def tollgate_session(workspace_id: str) -> dict:
    """Your POST /api/tollgate-session handler, after your own sign-in check."""
    session = admin.sessions.create(workspace_id, ttl_seconds=900)
    return {"token": session["token"], "expiresAt": session["expiresAt"]}
