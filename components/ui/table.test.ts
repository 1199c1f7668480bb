import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableColumnHeads,
  TableEmptyRow,
  TableHead,
  TableHeader,
  TableRow,
} from "./table";

describe("Table", () => {
  it("renders the HTML table elements with the shared defaults and the caller's classes", () => {
    const html = renderToStaticMarkup(
      h(
        Table,
        { className: "w-full" },
        h(TableCaption, { className: "sr-only" }, "Nodes"),
        h(TableHeader, null, h(TableRow, null, h(TableHead, null, "Name"), h(TableHead, { scope: "row" }, "k8sm-1"))),
        h(TableBody, null, h(TableRow, null, h(TableCell, { className: "p-2" }, "Ready"))),
      ),
    );
    expect(html).toBe(
      '<table class="text-left w-full"><caption class="sr-only">Nodes</caption>' +
        '<thead><tr><th scope="col" class="font-medium">Name</th><th scope="row" class="">k8sm-1</th></tr></thead>' +
        '<tbody><tr><td class="p-2">Ready</td></tr></tbody></table>',
    );
  });

  it("names a compact table's columns, an actions column for screen readers only, and says when it is empty", () => {
    const heads = renderToStaticMarkup(h(TableColumnHeads, { names: ["Name", "State"], actions: true }));
    expect(heads).toBe(
      '<thead class="text-xs text-slate-500"><tr>' +
        '<th scope="col" class="font-medium py-1.5 pr-3">Name</th><th scope="col" class="font-medium py-1.5 pr-3">State</th>' +
        '<th scope="col" class="font-medium py-1.5"><span class="sr-only">Actions</span></th></tr></thead>',
    );
    expect(renderToStaticMarkup(h(TableColumnHeads, { names: ["Operation", "Result"] }))).toContain(
      '<th scope="col" class="font-medium py-1.5">Result</th></tr>',
    );
    expect(renderToStaticMarkup(h(TableEmptyRow, { columns: 7, children: "No tokens yet." }))).toBe(
      '<tr class="border-t border-slate-100"><td colSpan="7" class="py-3 text-slate-600">No tokens yet.</td></tr>',
    );
  });
});
