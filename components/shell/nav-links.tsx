"use client";

import {
  Activity,
  Box,
  Building2,
  ChartColumn,
  CreditCard,
  FileText,
  House,
  KeyRound,
  Layers,
  List,
  Mail,
  Palette,
  ScrollText,
  Settings,
  Shield,
  Users,
  Webhook,
  FlaskConical,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import type { IconName, NavItem, ShellArea } from "./types";

const ICONS: Record<IconName, LucideIcon> = {
  home: House,
  flask: FlaskConical,
  settings: Settings,
  users: Users,
  mail: Mail,
  shield: Shield,
  key: KeyRound,
  chart: ChartColumn,
  "credit-card": CreditCard,
  layers: Layers,
  box: Box,
  list: List,
  activity: Activity,
  building: Building2,
  scroll: ScrollText,
  webhook: Webhook,
  palette: Palette,
  file: FileText,
};

// The area root ("/dashboard", "/admin") would otherwise light up on every page beneath it.
export function isActive(pathname: string, href: string, areaRoot: string): boolean {
  if (pathname === href) return true;
  if (href === areaRoot) return false;
  return pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
}

export function NavLinks({
  area,
  nav,
  onNavigate,
}: {
  area: ShellArea;
  nav: NavItem[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname() ?? "";
  const areaRoot = `/${area}`;
  // Only the most specific match is current (/admin/payments/events is not also "Payments").
  const activeHref = nav
    .filter((i) => isActive(pathname, i.href, areaRoot))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main">
      <ul className="flex flex-col gap-1">
        {nav.map((item) => {
          const Icon = ICONS[item.icon];
          const active = item.href === activeHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  active
                    ? "bg-secondary text-secondary-foreground"
                    : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden />
                <span className="truncate">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
