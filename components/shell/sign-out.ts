import { signOut } from "next-auth/react";

/**
 * Signs out and goes to `path` on the site the browser is on. next-auth would make the callback
 * absolute on NEXTAUTH_URL (APP_URL), which is a dead link when the app is reached another way.
 */
export async function signOutHere(path: string) {
  await signOut({ redirect: false });
  window.location.assign(path);
}
