import type { Permission } from "@lethe/contracts";
import type { Pinia } from "pinia";
import { createRouter, createWebHistory, type Router } from "vue-router";
import { useSessionStore } from "./stores/session";

declare module "vue-router" {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean;
    /** What the signed-in caller's role must grant (the API enforces the same on every call). */
    permission?: Permission;
    title?: string;
  }
}

export function createConsoleRouter(pinia: Pinia): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: "/login", name: "login", component: () => import("./views/LoginView.vue"), meta: { public: true, title: "Sign in" } },
      { path: "/", name: "dashboard", component: () => import("./views/DashboardView.vue"), meta: { permission: "requests:read", title: "Dashboard" } },
      { path: "/requests", name: "requests", component: () => import("./views/RequestsInboxView.vue"), meta: { permission: "requests:read", title: "Requests" } },
      {
        path: "/requests/new",
        name: "new-request",
        component: () => import("./views/NewRequestView.vue"),
        meta: { permission: "requests:write", title: "New request" },
      },
      {
        path: "/requests/:id",
        name: "request",
        component: () => import("./views/RequestDetailView.vue"),
        props: true,
        meta: { permission: "requests:read", title: "Request" },
      },
      {
        path: "/connectors",
        name: "connectors",
        component: () => import("./views/ConnectorsView.vue"),
        meta: { permission: "connectors:read", title: "Connectors" },
      },
      { path: "/holds", name: "holds", component: () => import("./views/HoldsView.vue"), meta: { permission: "holds:read", title: "Legal holds" } },
      {
        path: "/retention",
        name: "retention",
        component: () => import("./views/RetentionView.vue"),
        meta: { permission: "retention:read", title: "Retention" },
      },
      { path: "/consent", name: "consent", component: () => import("./views/ConsentView.vue"), meta: { permission: "consent:read", title: "Consent to record" } },
      {
        path: "/inventory",
        name: "inventory",
        component: () => import("./views/InventoryView.vue"),
        meta: { permission: "inventory:read", title: "Data inventory" },
      },
      { path: "/audit", name: "audit", component: () => import("./views/AuditView.vue"), meta: { permission: "audit:read", title: "Audit log" } },
      { path: "/users", name: "users", component: () => import("./views/UsersView.vue"), meta: { permission: "users:manage", title: "Users" } },
      { path: "/tokens", name: "tokens", component: () => import("./views/TokensView.vue"), meta: { permission: "tokens:manage", title: "API tokens" } },
      { path: "/forbidden", name: "forbidden", component: () => import("./views/ForbiddenView.vue"), meta: { title: "Not allowed" } },
      { path: "/:rest(.*)*", name: "not-found", component: () => import("./views/NotFoundView.vue"), meta: { title: "Not found" } },
    ],
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    if (!session.checked) await session.refresh();
    if (to.meta.public) return session.signedIn && to.name === "login" ? { name: "dashboard" } : true;
    if (!session.signedIn) return { name: "login", query: { next: to.fullPath } };
    if (to.meta.permission && !session.can(to.meta.permission)) return { name: "forbidden", query: { from: to.fullPath } };
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Lethe` : "Lethe";
  });

  return router;
}
