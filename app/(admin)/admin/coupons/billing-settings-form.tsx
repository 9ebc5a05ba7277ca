"use client";

import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { FormFields, type FieldSpec } from "../../_components/form-fields";
import { billingSettingsAction } from "./actions";

type Saved = { rolloverPercent: number; promotionalCreditDays: number; paymentGraceDays: number };

const FIELDS: FieldSpec<Saved>[] = [
  {
    name: "rolloverPercent",
    label: "Rollover of unused included credits (%)",
    inputMode: "numeric",
    hint: "At renewal this share of a plan's unused included credits carries over; the rest expires.",
  },
  {
    name: "promotionalCreditDays",
    label: "Promotional credits last (days)",
    inputMode: "numeric",
    hint: "Credits from coupons and referrals expire this many days after they are granted. Purchased credits never expire.",
  },
  {
    name: "paymentGraceDays",
    label: "Grace period after a failed payment (days)",
    inputMode: "numeric",
    hint: "How long a plan stays usable after a renewal payment fails, before the workspace returns to the free tier.",
  },
];

export function BillingSettingsForm(saved: Saved) {
  const form = useAdminForm(billingSettingsAction, saved);
  return (
    <AdminForm form={form} submitLabel="Save billing settings">
      <FieldGrid>
        <FormFields form={form} fields={FIELDS} />
      </FieldGrid>
    </AdminForm>
  );
}
