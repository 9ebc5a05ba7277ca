// Display names for the providers the proxy knows; anything else shows its configured name.
const LABELS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  mistral: "Mistral",
  groq: "Groq",
  together: "Together AI",
};

export const providerLabel = (provider: string) =>
  LABELS[provider] ?? provider.charAt(0).toUpperCase() + provider.slice(1);
