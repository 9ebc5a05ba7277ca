import type { ReactNode } from "react";
import { TitledCard } from "@/components/ui/card";

/** A card holding one form: what it does, then the form. */
export function FormCard(props: { title: string; description?: ReactNode; children: ReactNode }) {
  return <TitledCard {...props} />;
}
