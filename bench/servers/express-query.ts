// Between the baselines and the platform on PostgreSQL: bare Express plus one round trip to
// PostgreSQL per request (a prepared statement on a pooled connection, as the platform's hot
// statements are), answering the fixed reply. The gap to bare Express is what any store round
// trip costs on this machine, before a single row is read.
import express from 'express';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../../src/store/database.ts';
import { announceReady } from '../lib/ipc.ts';
import { fixedReply, statusPath } from '../lib/requests.ts';
import { listen } from './listen.ts';

const url = process.env.BENCH_QUERY_DATABASE_URL;
if (!url) throw new Error('BENCH_QUERY_DATABASE_URL is not set');
// The platform's own pool size.
const pool = new pg.Pool({ connectionString: url, max: DEFAULT_POOL_SIZE });
const statement = { name: 'bench.echo', text: 'SELECT $1::text AS user_id' };

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
app.post(statusPath, async (req, res) => {
  await pool.query({ ...statement, values: [(req.body as { UserID?: string }).UserID ?? ''] });
  res.json(fixedReply);
});

const { port } = await listen(app);
announceReady(port);
