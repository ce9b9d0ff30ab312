// The benchmark's baseline: a plain yoga server over the same SDL that answers from a
// precomputed JSON document (default resolvers, __typename for abstract types). It measures
// what GraphQL over HTTP costs on this machine with no caches, auth or providers behind it.
// Usage: node test/bench/kubernetes-baseline.ts <answer.json> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';

const [file, port] = process.argv.slice(2);
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
const yoga = createYoga({
  schema,
  logging: false,
  maskedErrors: true,
});
createServer(yoga).listen(Number(port), '127.0.0.1', () =>
  process.stdout.write('baseline listening\n'),
);
