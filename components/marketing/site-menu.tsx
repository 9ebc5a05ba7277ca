"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { MenuSheet } from "@/components/ui/menu-sheet";

// Phones only: the header's links in a sheet (Radix traps focus, closes on Escape and returns focus
// to the button). Wider screens show the same links in the header itself.
export function SiteMenu({ brand, links }: { brand: ReactNode; links: { href: string; label: string }[] }) {
  return (
    <MenuSheet name="menu" from="sm" side="top" brand={brand}>
      {(close) => (
        <>
          <nav aria-label="Menu">
            <ul className="grid gap-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    onClick={close}
                    className="block rounded-md px-3 py-2.5 text-base font-medium hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="grid grid-cols-2 gap-2">
            <Button asChild variant="outline">
              <Link href="/sign-in" onClick={close}>
                Sign in
              </Link>
            </Button>
            <Button asChild>
              <Link href="/sign-up" onClick={close}>
                Sign up
              </Link>
            </Button>
          </div>
        </>
      )}
    </MenuSheet>
  );
}
