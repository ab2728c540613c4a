import type { Command } from "commander";
import { webhookEvents } from "@lethe/contracts";
import { listWebhookEndpoints } from "@lethe/db";
import { addWebhookEndpoint, createOutboundGuard, RefusedWebhookUrlError, removeWebhookEndpoint } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { parseChoice } from "../parse-options";
import { UsageError } from "../report-failure";

const collect = (value: string, previous: string[]) => [...previous, value];

/** `lethe webhook add|list|remove`: outbound webhooks for deadline alerts. */
export function registerWebhookCommands(program: Command): void {
  const webhook = program.command("webhook").description("Outbound webhooks (deadline alerts), signed with HMAC-SHA-256.");

  webhook
    .command("add")
    .argument("<url>", "where events are POSTed (http:// or https://)")
    .option("--event <event>", `an event to send (${webhookEvents.join(", ")}; repeatable; default all)`, collect, [])
    .description("Add an endpoint; prints its signing secret once.")
    .action(async (url: string, options: { event: string[] }) => {
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
        throw new UsageError(`"${url}" is not an http:// or https:// URL`);
      }
      const events = options.event.length === 0 ? [...webhookEvents] : [...new Set(options.event.map((event) => parseChoice("--event", event, webhookEvents)))];
      const env = readEnvironment();
      const lethe = await openLethe(env);
      try {
        const outbound = createOutboundGuard({ allow: env.outboundAllow });
        const { endpoint, secret } = await addWebhookEndpoint(lethe.database, lethe.secretBox, { url, events, actor: "cli" }, outbound).catch((error: unknown) => {
          if (error instanceof RefusedWebhookUrlError) throw new UsageError(error.message);
          throw error;
        });
        console.log(`added webhook ${endpoint.id} (${events.join(", ")})`);
        console.log(`signing secret (shown once): ${secret}`);
      } finally {
        await lethe.close();
      }
    });

  webhook
    .command("list")
    .option("--json", "print JSON")
    .description("List endpoints (never their secrets).")
    .action(async (options: { json?: boolean }) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const endpoints = await listWebhookEndpoints(lethe.database.db);
        if (options.json) console.log(JSON.stringify(endpoints, null, 2));
        else if (endpoints.length === 0) console.log("no webhooks");
        else for (const endpoint of endpoints) console.log(`${endpoint.id}  ${endpoint.enabled ? "enabled " : "disabled"}  ${endpoint.url}  ${endpoint.events.join(",")}`);
      } finally {
        await lethe.close();
      }
    });

  webhook
    .command("remove")
    .argument("<id>", "endpoint id")
    .description("Remove an endpoint and its delivery records.")
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a webhook id (a UUID)`);
      const lethe = await openLethe(readEnvironment());
      try {
        if (!(await removeWebhookEndpoint(lethe.database, { id, actor: "cli" }))) throw new UsageError(`no webhook with id ${id}`);
        console.log(`removed webhook ${id}`);
      } finally {
        await lethe.close();
      }
    });
}
