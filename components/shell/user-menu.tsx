"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LayoutDashboard, LogOut, Settings, ShieldCheck, type LucideIcon } from "lucide-react";
import { signOutHere } from "@/components/shell/sign-out";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type UserMenuProps = {
  user: { email: string; name: string | null; isAdmin: boolean };
};

const itemClass =
  "flex cursor-pointer select-none items-center gap-2 rounded-sm px-2 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";

export function UserMenu({ user }: UserMenuProps) {
  const label = user.name?.trim() || user.email;
  const initial = label.charAt(0).toUpperCase();
  return (
    // Non-modal: a modal menu aria-hides the page while focusable elements stay in it, which axe
    // reports (aria-hidden-focus). Focus still moves into the menu and Escape returns it.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button variant="ghost" className="h-10 max-w-[16rem] gap-2 px-2">
          <span
            aria-hidden
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
          >
            {initial}
          </span>
          {/* Phones get only the avatar; the name stays available to screen readers. */}
          <span className="sr-only sm:hidden">{label}</span>
          <span className="hidden min-w-0 truncate sm:block">{label}</span>
          <ChevronDown aria-hidden className="hidden text-muted-foreground sm:block" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-64 max-w-[calc(100vw-1rem)] rounded-md border bg-card p-1 text-card-foreground shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-2">
            <span className="block text-xs text-muted-foreground">Signed in as</span>
            <span className="block text-sm font-medium break-all">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <MenuLink href="/dashboard" icon={LayoutDashboard}>
            Dashboard
          </MenuLink>
          {user.isAdmin ? (
            <MenuLink href="/admin" icon={ShieldCheck}>
              Admin console
            </MenuLink>
          ) : null}
          <MenuLink href="/dashboard/settings" icon={Settings}>
            Settings
          </MenuLink>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOutHere("/")}>
            <LogOut aria-hidden />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function MenuLink({ href, icon: Icon, children }: { href: string; icon: LucideIcon; children: ReactNode }) {
  return (
    <DropdownMenu.Item asChild className={itemClass}>
      <Link href={href}>
        <Icon aria-hidden />
        {children}
      </Link>
    </DropdownMenu.Item>
  );
}
