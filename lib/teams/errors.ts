import { AppError } from "@/lib/errors";

export type InviteProblem = "unknown" | "expired" | "revoked" | "accepted" | "declined" | "wrong_email";

const INVITE_MESSAGES: Record<InviteProblem, string> = {
  unknown: "This invitation link is invalid. Ask the person who invited you for a new one.",
  expired: "This invitation has expired. Ask the person who invited you to send it again.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  accepted: "This invitation has already been accepted.",
  declined: "This invitation was declined. Ask the person who invited you for a new one.",
  wrong_email:
    "This invitation was sent to a different email address. Sign in with that address to accept it.",
};

/** An invitation link that cannot be used (any more), or not by this person. */
export class InvalidInviteError extends AppError {
  constructor(readonly problem: InviteProblem) {
    super("invalid_invite", INVITE_MESSAGES[problem], problem === "wrong_email" ? 403 : 400, { problem });
  }
}

/** A team rule the request would break (the last owner leaving, inviting someone twice, ...). */
export class TeamRuleError extends AppError {
  constructor(message: string) {
    super("team_rule", message, 409);
  }
}
