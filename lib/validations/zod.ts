import { z } from "zod";

// In the browser, zod would probe `new Function` to decide whether to compile fast parsers; the page's
// Content-Security-Policy forbids eval, and the caught probe still reports a violation. Forms are small,
// so the browser parses without compiling; the server keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
