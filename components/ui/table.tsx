import type { ComponentProps, ReactNode } from "react";
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

/**
 * The header of a compact table (the account's and the status page's lists): one row of column names, the
 * last one, when `actions` is set, a column of buttons named for screen readers only.
 */
export function TableColumnHeads({ names, actions = false }: { names: readonly string[]; actions?: boolean }) {
  return (
    <TableHeader className="text-xs text-slate-500">
      <TableRow>
        {names.map((name, i) => (
          <TableHead key={name} className={i < names.length - 1 || actions ? "py-1.5 pr-3" : "py-1.5"}>
            {name}
          </TableHead>
        ))}
        {actions ? (
          <TableHead className="py-1.5">
            <span className="sr-only">Actions</span>
          </TableHead>
        ) : null}
      </TableRow>
    </TableHeader>
  );
}

/** The one row of a compact table with nothing in it yet, across all its columns. */
export function TableEmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <TableRow className="border-t border-slate-100">
      <TableCell colSpan={columns} className="py-3 text-slate-600">
        {children}
      </TableCell>
    </TableRow>
  );
}
