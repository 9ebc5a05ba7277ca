// GET /admin/catalog/models/apps/[id] — rename or describe an app.
import { appKeyLock } from "@/lib/catalog/key-locks";
import { db } from "@/lib/db";
import { catalogEditPage } from "../../../_components/edit-page";
import { updateAppAction } from "../../actions";
import { AppForm } from "../../app-form";

const page = catalogEditPage(
  "App",
  async (id) => {
    const app = await db.app.findUnique({ where: { id } });
    return app && { ...app, keyLock: await appKeyLock(db, id) };
  },
  { href: "/admin/catalog/models", label: "All apps and models" },
  (app) => (
    <AppForm
      app={{ ...app, sortOrder: String(app.sortOrder) }}
      action={updateAppAction}
      submitLabel="Save app"
    />
  ),
);

export const generateMetadata = page.generateMetadata;
export default page.Page;
