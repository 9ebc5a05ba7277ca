import os
from typing import Iterator

from openai import OpenAI
from tollgate import Tollgate

tg = Tollgate(api_key=os.environ["TOLLGATE_API_KEY"], base_url=os.environ["TOLLGATE_URL"])
openai = OpenAI()


# A streamed answer: hold, pass the chunks through, commit the usage the last chunk reports.
# Settled however the stream ends: finished, failed (released), or abandoned by the reader.
def answer(question: str) -> Iterator[str]:
    chunks = tg.meter.stream(
        lambda reservation: openai.chat.completions.create(
            model="gpt-4o-mini",
            max_tokens=1000,
            messages=[{"role": "user", "content": question}],
            stream=True,
            stream_options={"include_usage": True},  # the last chunk carries the token counts
        ),
        model="chat:gpt-4o-mini",
        estimate={"input_tokens": 1000, "output_tokens": 1000},
    )
    for chunk in chunks:
        if chunk.choices:
            yield chunk.choices[0].delta.content or ""
