import type { Page } from "playwright-core";

/** Signs in through the console's own login form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, consoleUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${consoleUrl}/`);
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
}
