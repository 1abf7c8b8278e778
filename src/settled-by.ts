// Waiting with a deadline: shutdown waits for work in flight, but never past its grace period.

/** Whether `promise` settled by `deadline` (epoch ms); it is not waited for beyond. */
export async function settledBy(promise: Promise<unknown> | undefined, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    if (Number.isFinite(deadline)) timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([Promise.resolve(promise).then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
