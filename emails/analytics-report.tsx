import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./email-layout";

export type AnalyticsReportProps = {
  /** "Weekly", "Daily", "Monthly" */
  frequency: string;
  /** "Nov 24 – Nov 30, 2026" */
  period: string;
  /** The headline figures, already formatted. */
  figures: { label: string; value: string }[];
  /** The attached PDF's file name. */
  filename: string;
  reportUrl: string;
};

/** The scheduled analytics report: headline figures in the body, the full report attached as a PDF. */
export default function AnalyticsReport({
  frequency,
  period,
  figures,
  filename,
  reportUrl,
}: AnalyticsReportProps) {
  return (
    <EmailLayout preview={`${frequency} report: ${period}`}>
      <Heading as="h1" style={{ fontSize: 22 }}>
        {frequency} report
      </Heading>
      <Text style={textStyle}>{period}</Text>
      <Section>
        {figures.map((f) => (
          <Text key={f.label} style={{ ...textStyle, margin: "4px 0" }}>
            <strong>{f.label}:</strong> {f.value}
          </Text>
        ))}
      </Section>
      <Text style={textStyle}>The full report is attached ({filename}).</Text>
      <Button href={reportUrl} style={buttonStyle}>
        Open the report
      </Button>
    </EmailLayout>
  );
}

AnalyticsReport.PreviewProps = {
  frequency: "Weekly",
  period: "Nov 24 – Nov 30, 2026",
  figures: [
    { label: "MRR", value: "$1,264.00" },
    { label: "Revenue", value: "$2,310.00" },
    { label: "Credits sold", value: "1,200,000" },
    { label: "Credits consumed", value: "840,112" },
    { label: "Refunds", value: "$79.00" },
    { label: "Failed payments", value: "2" },
  ],
  filename: "report-2026-W48.pdf",
  reportUrl: "http://localhost:3000/admin/reports",
} satisfies AnalyticsReportProps;
