import { createElement, type ComponentProps, type ElementType } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A kit part that only adds its look: `Component` with its `data-slot` (when given) and base
 * classes, the caller's className after them so it wins. Most shadcn/ui parts are just this.
 */
export function styled<C extends ElementType>(Component: C, slot: string | undefined, base: string) {
  function Styled({ className, ...props }: ComponentProps<C> & { className?: string }) {
    return createElement(Component, { "data-slot": slot, className: cn(base, className), ...props });
  }
  Styled.displayName = slot ?? (typeof Component === "string" ? Component : "Styled");
  return Styled;
}
