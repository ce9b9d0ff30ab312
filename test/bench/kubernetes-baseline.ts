// The benchmark's baselines, over the orchestrator's answer to the dashboard query:
//   node test/bench/kubernetes-baseline.ts yoga <data.json> <port>
//     a plain yoga server over the same SDL that answers the same JSON from a precomputed
//     document (default resolvers, __typename for abstract types): what GraphQL over HTTP
//     costs on this machine with no caches, auth or providers behind it;
//   node test/bench/kubernetes-baseline.ts raw <response.json> <port> <content-type>
//     a plain node:http server that reads each request's body and writes the orchestrator's
//     response (body and content type), byte for byte: what HTTP alone costs, the limit of
//     any GraphQL server.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';

const [mode, file, port, contentType] = process.argv.slice(2);
const listening = () => process.stdout.write(`baseline (${mode}) listening\n`);

if (mode === 'raw') {
  const bytes = readFileSync(file ?? '');
  const headers = {
    'content-type': contentType ?? 'application/json',
    'content-length': String(bytes.length),
  };
  createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, headers).end(bytes));
  }).listen(Number(port), '127.0.0.1', listening);
} else if (mode === 'yoga') {
  const answer = JSON.parse(readFileSync(file ?? '', 'utf8')) as Record<string, unknown>;
  const schema = buildSchema(
    readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
  );
  // Each answered root field returns its precomputed subtree; default resolvers do the rest.
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const [name, value] of Object.entries(answer)) {
    const field = queryFields[name];
    if (field) field.resolve = () => value;
  }
  const yoga = createYoga({ schema, logging: false, maskedErrors: true });
  createServer(yoga).listen(Number(port), '127.0.0.1', listening);
} else {
  throw new Error(`usage: kubernetes-baseline.ts yoga|raw <file> <port> (got ${mode})`);
}
