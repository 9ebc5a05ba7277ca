"use client";

import { FormField } from "@/components/forms/form-field";
import { AdminForm, FieldGrid, useAdminForm } from "../../_components/admin-form";
import { referralSettingsAction } from "./actions";

export function ReferralForm({ referrer, newUser }: { referrer: string; newUser: string }) {
  const form = useAdminForm(referralSettingsAction, { referrerCredits: referrer, newUserCredits: newUser });
  return (
    <AdminForm form={form} submitLabel="Save referral rewards">
      <FieldGrid>
        <FormField label="Credits for the referrer" {...form.field("referrerCredits")} inputMode="decimal" />
        <FormField label="Credits for the new user" {...form.field("newUserCredits")} inputMode="decimal" />
      </FieldGrid>
    </AdminForm>
  );
}
