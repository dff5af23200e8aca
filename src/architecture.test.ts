/**
 * The layering rule of docs/architecture.md is enforced by eslint (`npm run check`); this proves
 * the rule bites, so a config edit cannot silently turn it off.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (filePath: string, code: string) => {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
};

describe('dependencies point down only', () => {
  it('refuses platform/ and domain/ importing a feature or the module list', async () => {
    expect(await restricted('src/platform/jobs/x.ts', "import '../../features/tiering/steps.js';\n")).toBe(1);
    expect(await restricted('src/platform/x.ts', "import '../modules.js';\n")).toBe(1);
    expect(await restricted('src/domain/x.ts', "import '../features/customers/queries.js';\n")).toBe(1);
    expect(await restricted('src/domain/x.ts', "import '../platform/db/client.js';\n")).toBe(1);
  });

  it('refuses a feature importing another feature’s internals, but not its api.ts or the platform', async () => {
    expect(await restricted('src/features/tiers/x.ts', "import '../customers/queries.js';\n")).toBe(1);
    expect(await restricted('src/features/tiers/x.ts', "import '../customers/api.js';\n")).toBe(0);
    expect(await restricted('src/features/tiers/x.ts', "import '../../platform/http/schemas.js';\n")).toBe(0);
    expect(await restricted('src/features/tiers/x.ts', "import './routes.js';\n")).toBe(0);
  });

  it('lets the web import the pure domain, never server code', async () => {
    expect(await restricted('web/src/lib/x.ts', "import '../../../src/domain/enums';\n")).toBe(0);
    expect(await restricted('web/src/lib/x.ts', "import '../../../src/platform/auth/scope';\n")).toBe(1);
    expect(await restricted('web/src/lib/x.ts', "import '../../../src/features/customers/queries';\n")).toBe(1);
  });
});
