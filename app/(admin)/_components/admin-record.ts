import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireAdmin } from "@/lib/auth/session";

/** What an admin `[id]` page receives (pages with a query add `searchParams`). */
export type RecordProps = { params: Promise<{ id: string }> };

/** The fields of T that hold a string. */
export type StringField<T> = { [F in keyof T]: T[F] extends string ? F : never }[keyof T];

/**
 * The record behind an admin `[id]` page, for its metadata and the page: admin-only, and one query
 * per request however often both ask. The tab title is `<noun>: <the name field>`; a missing record is a 404.
 */
export function adminRecord<T>(
  noun: string,
  find: (id: string) => PromiseLike<T | null>,
  /** The field that names the record in its tab title. */
  name: StringField<T>,
) {
  const get = cache(find);
  const read = async (props: RecordProps) => {
    await requireAdmin();
    return get((await props.params).id);
  };
  return {
    async metadata(props: RecordProps): Promise<Metadata> {
      const record = await read(props);
      return { title: record ? `${noun}: ${record[name] as string}` : `${noun} not found` };
    },
    async load(props: RecordProps): Promise<T> {
      const record = await read(props);
      if (!record) notFound();
      return record;
    },
  };
}
