// Pages render on the server, so the time zone is pinned: everyone reads the same calendar day.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export const formatDate = (date: Date) => dateFormat.format(date);
export const formatDateTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;
export const formatCount = (n: number) => n.toLocaleString("en-US");
export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
