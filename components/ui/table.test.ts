import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "./table";

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
});
