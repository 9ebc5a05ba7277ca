import os

import openai

# No SDK at all: the official OpenAI client, pointed at Tollgate with a workspace key (tg_…).
client = openai.OpenAI(
    api_key=os.environ["TOLLGATE_API_KEY"],
    base_url=f"{os.environ['TOLLGATE_URL']}/api/v1",
)


def ask(question: str, job_id: str) -> str:
    try:
        completion = client.chat.completions.create(
            model="chat:gpt-4o-mini",  # Tollgate's model id, as listed by client.models.list()
            max_tokens=300,
            messages=[{"role": "user", "content": question}],
            # A retry with the same key returns the first answer and is charged once.
            extra_headers={"Idempotency-Key": f"ask-{job_id}"},
        )
    except openai.APIStatusError as error:
        # 402 / 403 / 429 come back as OpenAI-style errors with Tollgate's code.
        print(error.status_code, error.response.headers.get("retry-after"))
        raise
    return completion.choices[0].message.content or ""
