import type { ReactNode } from "react";
import { styled } from "./styled";

export const Card = styled("div", undefined, "rounded-lg border bg-card text-card-foreground shadow-sm");
export const CardHeader = styled("div", undefined, "flex flex-col gap-1.5 p-6");
export const CardTitle = styled("h2", undefined, "text-lg leading-tight font-semibold");
export const CardDescription = styled("p", undefined, "text-sm text-muted-foreground");
export const CardContent = styled("div", undefined, "p-6 pt-0");
export const CardFooter = styled("div", undefined, "flex items-center p-6 pt-0");

/** The common card: a header with its title (and a description, if any) over the content. */
export function TitledCard({
  title,
  description,
  titleId,
  className,
  contentClassName,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** Lets a landmark around the card take its name from the title. */
  titleId?: string;
  className?: string;
  contentClassName?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle id={titleId}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
