/** Shared look of text-like controls (Input, Textarea, Select trigger). */
export const controlBase =
  "w-full rounded-md border border-slate-300 bg-white text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 transition-colors " +
  "hover:border-slate-400 " +
  "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600 focus-visible:border-blue-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 disabled:hover:border-slate-300 " +
  "aria-invalid:border-red-500 aria-invalid:hover:border-red-600 aria-invalid:focus-visible:outline-red-600 aria-invalid:focus-visible:border-red-600";
