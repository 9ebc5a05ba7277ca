import os

from openai import OpenAI
from tollgate import Tollgate

tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])
openai = OpenAI()  # your provider key, as before


# Unknown cost (an LLM call): hold the most it may cost, call the model, commit what it used.
# If the block raises, the hold is released and nothing is charged.
def summarize(text: str) -> str:
    estimate = {"input_tokens": 2000, "output_tokens": 500}
    with tg.meter.hold(model="chat:gpt-4o-mini", estimate=estimate) as m:
        completion = openai.chat.completions.create(
            model="gpt-4o-mini",
            max_tokens=500,  # the estimate's output tokens: the hold covers the worst case
            messages=[{"role": "user", "content": f"Summarize:\n\n{text}"}],
        )
        m.commit(
            {
                "input_tokens": completion.usage.prompt_tokens,
                "output_tokens": completion.usage.completion_tokens,
            }
        )
    return completion.choices[0].message.content or ""
