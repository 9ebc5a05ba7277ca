import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { findOrCreateOAuthUser, signInWithPassword } from "./sign-in";

function clientIp(headers: Record<string, string | string[] | undefined> | undefined) {
  const forwarded = headers?.["x-forwarded-for"];
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return first?.split(",")[0]?.trim() || (headers?.["x-real-ip"] as string | undefined) || "local";
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Errors thrown here reach the sign-in form as their message (rate limit, wrong password).
      async authorize(credentials, req) {
        const user = await signInWithPassword(
          credentials?.email ?? "",
          credentials?.password ?? "",
          clientIp(req?.headers as Record<string, string> | undefined),
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
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
