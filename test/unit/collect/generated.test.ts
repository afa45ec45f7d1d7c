import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectBundleSchema } from '../../../shared/collect/schema';
import { COLLECT_TEMPLATE } from '../../../electron/services/collect/template';

/**
 * Two files are generated and checked in: the script template as a TypeScript string (the CLI and the
 * app bundle TypeScript, not shell files), and the bundle's JSON Schema. These keep them in step with
 * their sources; AWB_UPDATE_GENERATED=1 rewrites them (then run prettier on them).
 */
const update = process.env.AWB_UPDATE_GENERATED === '1';
const templateFile = new URL('../../../electron/services/collect/awb-collect.template.sh', import.meta.url);
const templateModule = new URL('../../../electron/services/collect/template.ts', import.meta.url);
const schemaFile = new URL('../../../shared/collect/bundle.schema.json', import.meta.url);

describe('generated collect files', () => {
  it('template.ts holds awb-collect.template.sh exactly', () => {
    const source = readFileSync(templateFile, 'utf8');
    if (update) {
      writeFileSync(
        templateModule,
        `// Generated from awb-collect.template.sh by test/unit/collect/generated.test.ts: edit the .sh file, then run it with AWB_UPDATE_GENERATED=1.\nexport const COLLECT_TEMPLATE = ${JSON.stringify(source)};\n`,
      );
    } else {
      expect(COLLECT_TEMPLATE).toBe(source);
    }
  });

  it('bundle.schema.json is the JSON Schema of collectBundleSchema', () => {
    const generated = z.toJSONSchema(collectBundleSchema, { io: 'output' });
    if (update) writeFileSync(schemaFile, `${JSON.stringify(generated, null, 2)}\n`);
    else expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(generated);
  });
});
