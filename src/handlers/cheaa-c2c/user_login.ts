// 7.1.1 user login: A verifies the user (7.1.4), this platform issues userID and AccessToken.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';

export const user_login: CheaaPlatformHandler<'user_login', PlatformContext> = async ({ body, ctx }) => {
  const [entry] = body.User;
  const { user, accessToken } = await ctx.accounts.login(ctx.partner, entry!.UserBase, entry!.UserProfile, body.AuthToken);
  return {
    status: 200,
    headers: { PlatID: ctx.platId, AccessToken: accessToken },
    body: { RetCode: '200', RetInfo: '登录成功。', User: [{ UserBase: { userID: user.userId } }] },
  };
};
