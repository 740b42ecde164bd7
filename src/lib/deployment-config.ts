import { z } from 'zod';

/**
 * The deployment's `config.json` (beside index.html), read once at start. Its JSON Schema is
 * `public/config.schema.json` (published with the build); `config-schema.test.ts` keeps the two in step.
 *
 * ```json
 * { "environment": { "kind": "genesys", "region": "eu_west_1", "clientId": "…" }, "pinned": true }
 * { "environment": { "kind": "custom", "apiBase": "https://api.example.com", "loginBase": "https://login.example.com", "clientId": "…" } }
 * { "environment": { "kind": "embedded" } }
 * ```
 *
 * `pinned: true` makes the deployment's environment the only one: Settings shows it read-only and a
 * choice saved in the browser earlier is ignored.
 */

/** Genesys Cloud regions (SDK `PureCloudRegionHosts`): region id → host. */
export const REGIONS = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
} as const;

export type RegionId = keyof typeof REGIONS;

const REGION_IDS = Object.keys(REGIONS) as [RegionId, ...RegionId[]];

const clientId = z
  .string({ error: 'clientId must be a string' })
  .trim()
  .min(1, 'clientId must not be empty: the id of an OAuth client with the code grant (PKCE)');

/** An origin such as `https://api.example.com` or `http://127.0.0.1:8080`: scheme and host, no path. */
const origin = (name: string) =>
  z.string({ error: `${name} must be a string` }).refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, `${name} must be an origin such as https://api.example.com (scheme and host, no path or trailing slash)`);

export const environmentSettingSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('embedded') }).strict(),
    z
      .object({
        kind: z.literal('genesys'),
        region: z.enum(REGION_IDS, { error: `region must be one of ${REGION_IDS.join(', ')}` }),
        clientId,
      })
      .strict(),
    z
      .object({
        kind: z.literal('custom'),
        apiBase: origin('apiBase'),
        loginBase: origin('loginBase'),
        clientId,
        label: z.string().trim().min(1).max(80).optional(),
      })
      .strict(),
  ],
  { error: 'environment.kind must be "embedded", "genesys" or "custom"' },
);

export type EnvironmentSetting = z.infer<typeof environmentSettingSchema>;

export const deploymentConfigSchema = z
  .object({
    $schema: z.string().optional(),
    environment: environmentSettingSchema,
    pinned: z.boolean({ error: 'pinned must be true or false' }).default(false),
  })
  .strict();

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;

/** config.json exists but is not valid JSON or not a valid configuration: the console does not start. */
export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
  constructor(
    readonly url: string,
    readonly problems: string[],
  ) {
    super(`${url} is not a valid configuration: ${problems.join('; ')}`);
  }
}

/** Validates a parsed config.json; throws DeploymentConfigError naming each problem with its path. */
export const parseDeploymentConfig = (value: unknown, url: string): DeploymentConfig => {
  const parsed = deploymentConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DeploymentConfigError(
    url,
    parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  );
};
