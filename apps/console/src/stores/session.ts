import { roleAllows, type LoginBody, type Me, type Permission } from "@lethe/contracts";
import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { ApiRequestError, callApi } from "../api/api-client";

/** Who is signed in. The session itself is an httpOnly cookie the console never sees. */
export const useSessionStore = defineStore("session", () => {
  const me = ref<Me | null>(null);
  const checked = ref(false);

  const signedIn = computed(() => me.value !== null);
  const displayName = computed(() => {
    const principal = me.value?.principal;
    if (!principal) return "";
    return principal.kind === "session" ? principal.user.email : principal.token.name;
  });

  function can(permission: Permission): boolean {
    return me.value !== null && roleAllows(me.value.role, permission);
  }

  /** Asks the API who we are (once per page load, and after login/logout). */
  async function refresh(): Promise<void> {
    try {
      me.value = await callApi("getMe", {});
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 401) throw error;
      me.value = null;
    } finally {
      checked.value = true;
    }
  }

  async function login(body: LoginBody): Promise<void> {
    me.value = await callApi("postLogin", { body });
    checked.value = true;
  }

  async function logout(): Promise<void> {
    try {
      await callApi("postLogout", {});
    } finally {
      forget();
    }
  }

  /** The API said 401: the session ended elsewhere (expired, user disabled). */
  function forget(): void {
    me.value = null;
    checked.value = true;
  }

  return { me, checked, signedIn, displayName, can, refresh, login, logout, forget };
});
