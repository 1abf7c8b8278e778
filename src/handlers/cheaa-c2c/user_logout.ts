// 7.1.2 user logout: the AccessToken of the request is destroyed.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';

export const user_logout: CheaaPlatformHandler<'user_logout', PlatformContext> = async ({ ctx }) => {
  await ctx.accounts.logout(ctx.partner, ctx.accessToken);
  return { status: 200, body: { RetCode: '200', RetInfo: '退出成功。' } };
};
