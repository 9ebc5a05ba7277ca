import os

from tollgate import (
    InsufficientCreditsError,
    ModelNotAllowedError,
    QuotaExceededError,
    Tollgate,
    TollgateError,
)

tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])


# Every refusal is a typed error. Branch on the class (or error.code), never on the message.
def upscale(image_id: str) -> dict:
    try:
        with tg.meter(model="poster-editor:super-resolution", quantity=1):
            return {"upscaled": image_id}
    except InsufficientCreditsError as error:  # 402
        return {"message": "Out of credits.", "action": error.buy_credits_url}
    except ModelNotAllowedError as error:  # 403
        return {"message": f"Needs the {error.required_tier} plan.", "action": error.upgrade_url}
    except QuotaExceededError as error:  # 429
        return {"message": f"Daily quota used up until {error.resets_at}.", "action": error.upgrade_url}
    except TollgateError as error:
        # A bug or an outage: log the code and the request id for support.
        print("tollgate refused", error.code, error.status, error.request_id)
        raise
