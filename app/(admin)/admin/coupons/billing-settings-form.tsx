"use client";

import { FormField } from "@/components/forms/form-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { billingSettingsAction } from "./actions";

export function BillingSettingsForm(saved: {
  rolloverPercent: number;
  promotionalCreditDays: number;
  paymentGraceDays: number;
}) {
  const form = useAdminForm(billingSettingsAction, saved);
  return (
    <AdminForm form={form} submitLabel="Save billing settings">
      <FieldGrid>
        <FormField
          label="Rollover of unused included credits (%)"
          {...form.field("rolloverPercent")}
          inputMode="numeric"
          hint="At renewal this share of a plan's unused included credits carries over; the rest expires."
        />
        <FormField
          label="Promotional credits last (days)"
          {...form.field("promotionalCreditDays")}
          inputMode="numeric"
          hint="Credits from coupons and referrals expire this many days after they are granted. Purchased credits never expire."
        />
        <FormField
          label="Grace period after a failed payment (days)"
          {...form.field("paymentGraceDays")}
          inputMode="numeric"
          hint="How long a plan stays usable after a renewal payment fails, before the workspace returns to the free tier."
        />
      </FieldGrid>
    </AdminForm>
  );
}
