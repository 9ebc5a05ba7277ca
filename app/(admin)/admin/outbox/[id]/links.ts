const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;

// Punctuation after a URL usually ends the sentence around it; a closing bracket belongs to the
// URL only when the URL opened it (as in Wikipedia-style paths).
function trimTrailing(url: string) {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (".,;:!?'\"".includes(ch)) end--;
    else if (ch === ")" && count(url.slice(0, end), "(") < count(url.slice(0, end), ")")) end--;
    else if (ch === "]" && count(url.slice(0, end), "[") < count(url.slice(0, end), "]")) end--;
    else return url.slice(0, end);
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** Every distinct http(s) URL in a plain-text email body, in order of appearance. */
export function extractLinks(text: string): string[] {
  const found = (text.match(URL_PATTERN) ?? []).map(trimTrailing);
  return [...new Set(found)].filter((url) => URL.canParse(url));
}
