import { TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** A tier matrix's header row: what a row is, then one column per tier. */
export function TierHeader({
  first,
  tiers,
  center = false,
}: {
  first: string;
  tiers: { id: string; name: string }[];
  center?: boolean;
}) {
  return (
    <TableHeader>
      <TableRow>
        <TableHead>{first}</TableHead>
        {tiers.map((tier) => (
          <TableHead key={tier.id} className={center ? "text-center" : undefined}>
            {tier.name}
          </TableHead>
        ))}
      </TableRow>
    </TableHeader>
  );
}
