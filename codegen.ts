import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_OUT lets the staleness check generate into a scratch directory.
const out = process.env.CODEGEN_OUT ?? 'test/gql/';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.ts',
        scalars: { DateTime: 'string', JSON: 'unknown', Duration: 'string' },
      },
    },
  },
};

export default config;
