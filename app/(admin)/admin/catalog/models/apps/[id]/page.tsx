// GET /admin/catalog/models/apps/[id] — rename or describe an app.
import { db } from "@/lib/db";
import { CatalogSection } from "../../../_components/catalog-section";
import { updateAppAction } from "../../actions";
import { AppForm } from "../../app-form";
import { adminRecord, type RecordProps } from "../../../../../_components/admin-record";

const record = adminRecord("App", (id) => db.app.findUnique({ where: { id } }), "name");

export const generateMetadata = record.metadata;

export default async function EditAppPage(props: RecordProps) {
  const app = await record.load(props);
  return (
    <CatalogSection
      className="max-w-3xl"
      back={{ href: "/admin/catalog/models", label: "All apps and models" }}
      title={app.name}
    >
      <AppForm
        app={{
          id: app.id,
          key: app.key,
          name: app.name,
          description: app.description,
          sortOrder: String(app.sortOrder),
        }}
        action={updateAppAction}
        submitLabel="Save app"
      />
    </CatalogSection>
  );
}
