/** What the template files' placeholders stand for. */
export interface TemplateValues {
  id: string;
  title: string;
  packageName: string;
  /** Which of the sandbox kit's separable demo phone numbers (10–99) the sandbox's clean demo person has. */
  demoPhone: number;
}

/** Replaces `__ID__`, `__TITLE__`, `__PACKAGE__` and `__DEMO_PHONE__` in one template file's text. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replaceAll("__ID__", values.id).replaceAll("__TITLE__", values.title).replaceAll("__PACKAGE__", values.packageName)
    .replaceAll("__DEMO_PHONE__", String(values.demoPhone));
}

/** `src/index.ts.tmpl` → `src/index.ts`: templates carry a suffix so the CLI's own tools skip them. */
export function outputPathOf(templatePath: string): string {
  return templatePath.replace(/\.tmpl$/, "");
}

/**
 * The bundled sandboxes use separable numbers 0–9; a scaffolded one takes 10–99 by its id, so two
 * connectors rarely share their clean demo person's number (the demo-people test would say so).
 */
export function demoPhoneOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return 10 + (hash % 90);
}
