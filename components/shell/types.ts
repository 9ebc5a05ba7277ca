// Icons travel by name: a server layout can't hand a component function to a client component.
export type IconName =
  | "home"
  | "flask"
  | "settings"
  | "users"
  | "mail"
  | "shield"
  | "key"
  | "chart"
  | "credit-card"
  | "layers"
  | "box"
  | "list"
  | "activity"
  | "building"
  | "scroll"
  | "webhook"
  | "palette"
  | "file";

export type NavItem = { href: string; label: string; icon: IconName };

export type ShellArea = "dashboard" | "admin";

export const AREA_LABEL: Record<ShellArea, string> = {
  dashboard: "Dashboard",
  admin: "Admin console",
};
