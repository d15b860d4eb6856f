import type { Core } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import type { CallContext, Handlers } from '../dispatch';

type IdentityChannels =
  | 'getSession'
  | 'createAdmin'
  | 'signIn'
  | 'signInSecondFactor'
  | 'signOut'
  | 'changePassword'
  | 'beginTotpEnrolment'
  | 'confirmTotpEnrolment'
  | 'listUsers'
  | 'createUser'
  | 'setUserRole'
  | 'setUserDisabled'
  | 'resetUserTwoFactor'
  | 'setUserChannels'
  | 'listRoleGrants'
  | 'confirmRoleGrant'
  | 'declineRoleGrant'
  | 'listFactorResets'
  | 'confirmFactorReset'
  | 'declineFactorReset';

export function identityHandlers(core: Core): Pick<Handlers<CallContext>, IdentityChannels> {
  const id = core.identity;
  const me = (ctx: CallContext) => id.requireSession(ctx.session);
  return {
    getSession: async (_req, ctx) => (await core.ready(), { ...id.view(ctx.session), team: null }),
    createAdmin: async (req, ctx) => (await core.ready(), { ...(await id.createAdmin(ctx.session, req)), team: null }),
    signIn: async (req, ctx) => (await core.ready(), id.signIn(ctx.session, req)),
    signInSecondFactor: async (req, ctx) => (await core.ready(), id.signInSecondFactor(ctx.session, req)),
    signOut: (_req, ctx) => (id.signOut(ctx.session), { done: true as const }),
    changePassword: async (req, ctx) => (await id.changePassword(me(ctx), req), { done: true as const }),
    beginTotpEnrolment: (_req, ctx) => id.beginTotpEnrolment(me(ctx)),
    confirmTotpEnrolment: (req, ctx) => id.confirmTotpEnrolment(me(ctx), req.code),
    listUsers: () => ({ users: id.listUsers() }),
    createUser: (req, ctx) => id.createUser(me(ctx), req),
    setUserRole: (req, ctx) => id.setRole(me(ctx), req.userId, req.role),
    setUserDisabled: (req, ctx) => id.setDisabled(me(ctx), req.userId, req.disabled),
    resetUserTwoFactor: (req, ctx) => id.resetTwoFactor(me(ctx), req.userId),
    setUserChannels: () => {
      throw new DiwanError('team_only', 'On a single desk everyone works every channel; choosing channels per person comes with a team hub.');
    },
    listRoleGrants: () => ({ requests: id.listRoleGrants() }),
    confirmRoleGrant: (req, ctx) => id.confirmRoleGrant(me(ctx), req.grantId),
    declineRoleGrant: (req, ctx) => id.declineRoleGrant(me(ctx), req.grantId, req.reason),
    // On a single desk one administrator resets a second factor at once; nothing waits for a second one.
    listFactorResets: () => ({ requests: [] }),
    confirmFactorReset: () => {
      throw new DiwanError('reset_request_unknown', 'This reset request does not exist or has expired (requests wait 24 hours). Ask for the reset again.');
    },
    declineFactorReset: () => {
      throw new DiwanError('reset_request_unknown', 'This reset request does not exist or has expired (requests wait 24 hours).');
    },
  };
}
