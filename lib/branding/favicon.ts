// The favicon a brand gets before it uploads one: its initial, white on its primary colour.
const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function defaultFaviconSvg(companyName: string, primaryColor: string) {
  const initial = escapeXml((companyName.trim()[0] ?? "?").toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="${primaryColor}"/><text x="16" y="22.5" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="19" font-weight="700" fill="#ffffff">${initial}</text></svg>`;
}
