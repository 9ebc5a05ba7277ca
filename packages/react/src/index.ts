export {
  TollgateProvider,
  useTollgate,
  type SessionToken,
  type TollgateContextValue,
  type TollgateProviderProps,
} from "./provider.js";
export { QuotaMeter, QUOTA_WARNING_SHARE, type QuotaMeterProps } from "./quota-meter.js";
export { CreditBalance, type CreditBalanceProps } from "./credit-balance.js";
export { ModelPicker, type ModelPickerProps } from "./model-picker.js";
export { UpgradePrompt, type UpgradePromptProps } from "./upgrade-prompt.js";
export { PricingTable, type PricingTableProps } from "./pricing-table.js";
export { describeRefusal, type Refusal, type RefusalInput } from "./refusal.js";
