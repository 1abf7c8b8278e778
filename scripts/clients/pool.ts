// Runs tasks a few at a time: swagger-codegen, javac and go are CPU-bound JVM or compiler runs, so
// more of them than cores only makes each slower.
import { availableParallelism } from 'node:os';

export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit = Math.max(1, Math.min(availableParallelism(), 4))): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
