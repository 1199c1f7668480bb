import type { ComponentProps } from "react";
import { cn } from "./cn";

// cn does not resolve conflicting classes, so each default is one every table here shares and none overrides;
// padding, text size, colours and borders differ from table to table and come in through className.

/** A data table: left-aligned text, as every table in the app reads. */
export function Table({ className, ...rest }: ComponentProps<"table">) {
  return <table className={cn("text-left", className)} {...rest} />;
}

/** The table's name for assistive technology (often `sr-only`); journeys find tables by it. */
export function TableCaption(props: ComponentProps<"caption">) {
  return <caption {...props} />;
}

export function TableHeader(props: ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/**
 * A header cell: a column's (the default, medium weight) or, with `scope="row"`, the cell that names its row,
 * whose weight the table chooses.
 */
export function TableHead({ scope = "col", className, ...rest }: ComponentProps<"th">) {
  return <th scope={scope} className={cn(scope === "col" && "font-medium", className)} {...rest} />;
}

export function TableCell(props: ComponentProps<"td">) {
  return <td {...props} />;
}
