// Baseline 1, the limit of this machine: bare node:http reads the request body and answers a
// fixed JSON body. Nothing is parsed, validated or stored.
import { announceReady } from '../lib/ipc.ts';
import { fixedReply } from '../lib/requests.ts';
import { listen } from './listen.ts';

const reply = Buffer.from(JSON.stringify(fixedReply));

const { port } = await listen((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length });
    res.end(reply);
  });
});
announceReady(port);
