import { createPinia } from "pinia";
import { createApp } from "vue";
import { whenUnauthenticated } from "./api/api-client";
import App from "./App.vue";
import { createConsoleRouter } from "./router";
import { useSessionStore } from "./stores/session";
import "./styles/design-system.css";

const pinia = createPinia();
const router = createConsoleRouter(pinia);

// A 401 on any call means the session ended (expired, signed out elsewhere, user disabled).
whenUnauthenticated(() => {
  useSessionStore(pinia).forget();
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.push({ name: "login", query: { next: current.fullPath } });
});

// typescript-eslint's program cannot read .vue modules (vue-tsc type-checks this import).
// eslint-disable-next-line @typescript-eslint/no-unsafe-argument
createApp(App).use(pinia).use(router).mount("#app");
