// 7.1.3 user unregister: the account goes, with its tokens and bindings.
import type { CheaaPlatformHandler } from '../../../generated/cheaa-c2c/platform.handlers.ts';
import type { PlatformContext } from './context.ts';

export const user_unregister: CheaaPlatformHandler<'user_unregister', PlatformContext> = async ({ body, ctx }) => {
  await ctx.accounts.unregister(ctx.partner, ctx.accessToken, body.User[0]!.UserBase);
  return { status: 200, headers: { PlatID: ctx.platId }, body: { RetCode: '200', RetInfo: '注销成功。' } };
};
