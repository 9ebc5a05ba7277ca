import type { ReactNode } from "react";
import { adminRecord, type RecordProps, type StringField } from "../../../_components/admin-record";
import { CatalogSection } from "./catalog-section";

/**
 * A catalog `[id]` page that edits one named record: admin-only (adminRecord), titled with the
 * record's name under a link back to its list, then `body` (the form).
 */
export function catalogEditPage<T extends { name: string }>(
  noun: string,
  find: (id: string) => PromiseLike<T | null>,
  back: { href: string; label: string },
  body: (record: T) => ReactNode,
) {
  const record = adminRecord(noun, find, "name" as StringField<T>);
  return {
    generateMetadata: record.metadata,
    async Page(props: RecordProps) {
      const row = await record.load(props);
      return (
        <CatalogSection className="max-w-3xl" back={back} title={row.name}>
          {body(row)}
        </CatalogSection>
      );
    },
  };
}
