/**
 * Writes the published JSON Schema of `flatland/1` (public/schema/flatland-1.schema.json, served
 * by the built app) from the zod schema that validates exports (src/protocol/validateExport.ts).
 * `npm run schema` after changing the spec table or the export format; a unit test
 * (src/cli/exportSchema.test.ts) fails while the tracked file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { exportJsonSchema } from '../protocol/validateExport';

/** Where the app serves the schema from (`./schema/flatland-1.schema.json`). */
export const EXPORT_SCHEMA_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../public/schema/flatland-1.schema.json',
);

/** Writes the schema, formatted as the repository's other JSON (`prettier --check .` passes). */
export async function writeExportSchema(): Promise<void> {
  const options = await resolveConfig(EXPORT_SCHEMA_PATH);
  const text = await format(JSON.stringify(exportJsonSchema()), {
    ...options,
    filepath: EXPORT_SCHEMA_PATH,
  });
  mkdirSync(dirname(EXPORT_SCHEMA_PATH), { recursive: true });
  writeFileSync(EXPORT_SCHEMA_PATH, text);
  console.log(`wrote ${EXPORT_SCHEMA_PATH}`);
}

// Only when run (`npm run schema`), not when a test imports the path.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await writeExportSchema();
}
