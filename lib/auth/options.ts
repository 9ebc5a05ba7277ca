import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { safeRedirectUrl } from "./redirect";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { findOrCreateOAuthUser, signInWithPassword } from "./sign-in";

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      // Errors thrown here reach the sign-in form as their message (rate limit, wrong password,
      // "2fa_required" when the form must ask for the second factor).
      async authorize(credentials, req) {
        const user = await signInWithPassword(
          credentials?.email ?? "",
          credentials?.password ?? "",
          clientIp(req?.headers as Record<string, string> | undefined),
          credentials?.code,
        );
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET)
    list.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    list.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  return list;
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      const linked = await findOrCreateOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email ?? profile?.email ?? "",
        name: user.name ?? null,
      });
      user.id = linked.id;
      return true;
    },
    // The cookie names a server-side session (lib/auth/sessions.ts), created at sign-in.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (await createSession(user.id)).id;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
    // Every post-sign-in (and sign-out) redirect stays on this site.
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
