import type { ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils/cn";

// Labelled controls for the admin lists' GET filter forms.

type Base = { id: string; name: string; label: string; className?: string };

/** `hint` is read to screen readers only: the label says enough on screen. */
export function FilterSearch({
  id,
  name,
  label,
  value,
  hint,
  className,
}: Base & { value: string | undefined; hint?: string }) {
  return (
    <div className={cn("grid w-full gap-2 sm:w-72", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="sr-only">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FilterSelect({
  id,
  name,
  label,
  value,
  className,
  children,
}: Base & { value: string | undefined; children: ReactNode }) {
  return (
    <div className={cn("grid w-full gap-2 sm:w-44", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""}>
        {children}
      </NativeSelect>
    </div>
  );
}

export function FilterDate({ id, name, label, value, className }: Base & { value: string | undefined }) {
  return (
    <div className={cn("grid w-full gap-2 sm:w-44", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type="date" defaultValue={value ?? ""} />
    </div>
  );
}

// The workspace filters the users and workspaces lists share; `idPrefix` keeps each page's ids apart.

type WorkspaceFilter = { idPrefix: string; value: string | undefined };

export function TierFilter({
  idPrefix,
  value,
  tiers,
}: WorkspaceFilter & { tiers: { code: string; name: string; archivedAt: Date | null }[] }) {
  return (
    <FilterSelect id={`${idPrefix}-tier`} name="tier" label="Tier" value={value}>
      <option value="">Any tier</option>
      {tiers.map((t) => (
        <option key={t.code} value={t.code}>
          {t.archivedAt ? `${t.name} (archived)` : t.name}
        </option>
      ))}
    </FilterSelect>
  );
}

export function AccountTypeFilter({ idPrefix, value }: WorkspaceFilter) {
  return (
    <FilterSelect id={`${idPrefix}-type`} name="accountType" label="Account type" value={value}>
      <option value="">Any type</option>
      <option value="payg">Pay as you go</option>
      <option value="subscription">Subscription</option>
    </FilterSelect>
  );
}

export function StatusFilter({ idPrefix, value }: WorkspaceFilter) {
  return (
    <FilterSelect id={`${idPrefix}-status`} name="status" label="Status" value={value}>
      <option value="">Any status</option>
      <option value="active">Active</option>
      <option value="suspended">Suspended</option>
    </FilterSelect>
  );
}
