/**
 * Writes the published JSON Schema of `flatland/1` (public/schema/flatland-1.schema.json, served
 * by the built app) from the zod schema that validates exports (src/protocol/validateExport.ts).
 * `npm run schema` after changing the spec table or the export format; a unit test
 * (src/cli/exportSchema.test.ts) fails while the tracked file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { exportJsonSchema } from '../protocol/validateExport';

/** Where the app serves the schema from (`./schema/flatland-1.schema.json`). */
export const EXPORT_SCHEMA_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../public/schema/flatland-1.schema.json',
);

async function main(): Promise<void> {
  // Formatted as the repository's other JSON, so `prettier --check .` passes on it.
  const options = await resolveConfig(EXPORT_SCHEMA_PATH);
  const text = await format(JSON.stringify(exportJsonSchema()), {
    ...options,
    filepath: EXPORT_SCHEMA_PATH,
  });
  mkdirSync(dirname(EXPORT_SCHEMA_PATH), { recursive: true });
  writeFileSync(EXPORT_SCHEMA_PATH, text);
  console.log(`wrote ${EXPORT_SCHEMA_PATH}`);
}

await main();
