import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_SCRATCH lets the staleness check generate every target into a scratch directory.
const out = (path: string) =>
  process.env.CODEGEN_SCRATCH ? `${process.env.CODEGEN_SCRATCH}/${path}` : path;

const typescript = {
  useTypeImports: true,
  enumsAsTypes: true,
  importExtension: '.ts',
  scalars: { DateTime: 'string', JSON: 'unknown', Duration: 'string' },
} as const;

export const CODEGEN_TARGETS = ['test/gql/', 'src/dashboard/gql/'];

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    // Tests: typed DocumentNodes.
    [out('test/gql/')]: {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typescript,
    },
    // The dashboard: typed document strings (no GraphQL parser in the bundle), each carrying its
    // sha256; persisted-documents.json is the manifest the trusted-documents mode reads.
    [out('src/dashboard/gql/')]: {
      documents: ['src/dashboard/**/*.{ts,tsx}', '!src/dashboard/gql/**'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      // Enums as `const` objects: the dashboard lists kinds, states and statuses from the schema.
      config: { ...typescript, enumsAsTypes: false, enumType: 'const', documentMode: 'string' },
    },
  },
};

export default config;
