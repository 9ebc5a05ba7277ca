// The brand colour and the theme tokens derived from it. Pure: the admin form's contrast rule and
// the CSS the layouts inject both come from here.

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5;

// The light theme's surfaces a primary-coloured text or button sits on (app/globals.css).
const LIGHT_SURFACES = ["#ffffff", "#f1f5f9"];
// The dark theme's lightest surface (muted); primary text must read on it too.
const DARK_SURFACE = "#1f2937";
const DARK_BACKGROUND = "#0a0f1a";
const DARK_FOREGROUND_ON_PRIMARY = "#0b1020";

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb) {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** `weight` of `a` mixed into `b` (0 = all b, 1 = all a). */
function mix(a: string, b: string, weight: number) {
  const [x, y] = [toRgb(a), toRgb(b)];
  return toHex([0, 1, 2].map((i) => x[i] * weight + y[i] * (1 - weight)) as Rgb);
}

function luminance(hex: string) {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Why this colour cannot be the primary colour, or null when it can. In the light theme it is the
 * colour of links and of buttons with white text, so it needs 4.5:1 against white and the muted
 * surface. (The dark theme derives a lighter shade that passes by construction.)
 */
export function primaryContrastProblem(hex: string): string | null {
  if (!HEX_COLOR.test(hex)) return "Enter a colour as #rrggbb, for example #4338ca.";
  // Buttons lighten to 90% of the colour on hover (bg-primary/90); their white text must still read.
  const shades = [hex, mix(hex, "#ffffff", 0.9)];
  const worst = Math.min(...shades.flatMap((c) => LIGHT_SURFACES.map((s) => contrastRatio(c, s))));
  if (worst >= AA_CONTRAST) return null;
  return `This colour has a contrast of ${worst.toFixed(2)}:1 with white text and backgrounds; WCAG AA needs ${AA_CONTRAST}:1. Pick a darker shade.`;
}

/** The dark theme's primary: the brand colour lightened just enough to read on dark surfaces. */
function darkPrimary(hex: string) {
  for (let w = 0; w <= 1; w += 0.05) {
    const c = mix("#ffffff", hex, w);
    if (
      contrastRatio(c, DARK_SURFACE) >= AA_CONTRAST &&
      contrastRatio(c, DARK_FOREGROUND_ON_PRIMARY) >= AA_CONTRAST
    )
      return c;
  }
  return "#ffffff";
}

export type ThemeTokens = Record<
  "primary" | "primary-foreground" | "secondary" | "secondary-foreground" | "ring",
  string
>;

/** The theme tokens the brand colour sets, for light and dark mode. */
export function themeTokens(hex: string): { light: ThemeTokens; dark: ThemeTokens } {
  const dark = darkPrimary(hex);
  return {
    light: {
      primary: hex,
      "primary-foreground": "#ffffff",
      secondary: mix(hex, "#ffffff", 0.08),
      "secondary-foreground": mix(hex, "#000000", 0.6),
      ring: hex,
    },
    dark: {
      primary: dark,
      "primary-foreground": DARK_FOREGROUND_ON_PRIMARY,
      secondary: mix(hex, DARK_BACKGROUND, 0.25),
      "secondary-foreground": mix(hex, "#ffffff", 0.12),
      ring: dark,
    },
  };
}

/** The CSS that overrides app/globals.css's tokens with the brand's (a few declarations, no layout). */
export function themeCss(hex: string) {
  const { light, dark } = themeTokens(hex);
  const decls = (t: ThemeTokens) =>
    Object.entries(t)
      .map(([k, v]) => `--${k}:${v}`)
      .join(";");
  return `html:root{${decls(light)}}html.dark{${decls(dark)}}`; // beats globals.css whatever the order
}
