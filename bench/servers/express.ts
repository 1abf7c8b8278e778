// Baseline 2: bare Express 5 as any JSON API uses it — express.json() parses the body and
// res.json() answers the fixed reply. The platform is Express plus everything it adds.
import express from 'express';
import { announceReady } from '../lib/ipc.ts';
import { fixedReply, statusPath } from '../lib/requests.ts';
import { listen } from './listen.ts';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
app.post(statusPath, (_req, res) => {
  res.json(fixedReply);
});

const { port } = await listen(app);
announceReady(port);
