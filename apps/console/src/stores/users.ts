import type { CreateUserBody, UpdateUserBody, User } from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** Console users (admin only). */
export const useUsersStore = defineStore("users", () => {
  const users = ref<User[]>([]);

  async function load(): Promise<void> {
    users.value = (await callApi("getUsers", {})).users;
  }

  function replace(user: User): void {
    users.value = [...users.value.filter((u) => u.id !== user.id), user].sort((a, b) => a.email.localeCompare(b.email));
  }

  async function create(body: CreateUserBody): Promise<User> {
    const { user } = await callApi("postUser", { body });
    replace(user);
    return user;
  }

  async function update(id: string, body: UpdateUserBody): Promise<User> {
    const { user } = await callApi("patchUser", { params: { id }, body });
    replace(user);
    return user;
  }

  return { users, load, create, update };
});
