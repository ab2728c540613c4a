/** What the template files' placeholders stand for. */
export interface TemplateValues {
  id: string;
  title: string;
  packageName: string;
}

/** Replaces `__ID__`, `__TITLE__` and `__PACKAGE__` in one template file's text. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replaceAll("__ID__", values.id).replaceAll("__TITLE__", values.title).replaceAll("__PACKAGE__", values.packageName);
}

/** `src/index.ts.tmpl` → `src/index.ts`: templates carry a suffix so the CLI's own tools skip them. */
export function outputPathOf(templatePath: string): string {
  return templatePath.replace(/\.tmpl$/, "");
}
