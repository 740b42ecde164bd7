import '@/styles/page-styles';
import { Alert, Button, Code, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { redirectUri } from '@/lib/auth';
import {
  getDeploymentDefault,
  isEnvironmentPinned,
  isRegionId,
  REGIONS,
  resolveEnvironment,
  setEnvironmentSetting,
  useEnvironment,
  type EnvironmentSetting,
  type RegionId,
} from '@/lib/environment';
import {
  automaticUiLanguage,
  chosenLanguage,
  languageName,
  PSEUDO_LOCALE,
  setChosenLanguage,
  UI_LANGUAGES,
  uiLanguageOf,
  type UiLanguage,
} from '@/lib/locale';
import type { RouteHandle } from '@/lib/routing';
import { useSubmitFailureFocus } from '@/lib/use-submit-failure-focus';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

export const handle: RouteHandle = { title: msg`Settings` };

const REGION_OPTIONS = (Object.entries(REGIONS) as [RegionId, string][]).map(([id, host]) => ({
  value: id,
  label: `${host} (${id})`,
}));

/**
 * The console's language, and where it connects: the embedded server, or a Genesys Cloud org (region +
 * OAuth client).
 */
export function Component() {
  return (
    <Stack maw={640}>
      <Title order={1}>
        <Trans>Settings</Trans>
      </Title>
      <LanguageSettings />
      {isEnvironmentPinned() ? <PinnedEnvironment /> : <EnvironmentForm />}
    </Stack>
  );
}

const AUTOMATIC = 'automatic';

/**
 * The language of the console's words, dates and numbers: chosen here, or left automatic (the user's
 * Genesys Cloud language, else the deployment's default, else the browser's: locale.ts). A choice is kept
 * in this browser and shown at once: the page loads again in it.
 */
function LanguageSettings() {
  const { t } = useLingui();
  const chosen = chosenLanguage();
  const automaticLanguage = languageName(automaticUiLanguage());
  const languages: UiLanguage[] = chosen === PSEUDO_LOCALE ? [...UI_LANGUAGES, PSEUDO_LOCALE] : [...UI_LANGUAGES];
  const options = [
    {
      value: AUTOMATIC,
      label: t({
        message: `Automatic: ${automaticLanguage}`,
        comment: 'the language that applies without a choice: "Automatic: Deutsch"',
      }),
    },
    ...languages.map((language) => ({ value: language, label: languageName(language) })),
  ];
  return (
    <Paper withBorder p="md" aria-labelledby="language-heading">
      <Stack>
        <Title order={2} fz="h4" id="language-heading">
          <Trans>Language</Trans>
        </Title>
        <Select
          label={t`Language of the console`}
          description={t`Words, dates and numbers. Automatic: your language in Genesys Cloud, else this deployment's, else your browser's. Kept in this browser.`}
          data={options}
          value={chosen ?? AUTOMATIC}
          allowDeselect={false}
          onChange={(value) => {
            const next = value === AUTOMATIC ? undefined : uiLanguageOf(value ?? '');
            if (next === chosen) return;
            setChosenLanguage(next);
            window.location.reload();
          }}
        />
      </Stack>
    </Paper>
  );
}

/** The deployment's config.json pins the environment: shown, not editable. */
function PinnedEnvironment() {
  const { t } = useLingui();
  const environment = useEnvironment();
  const label = environment.label;
  const setting = environment.setting;
  const clientIdLabel = t`OAuth client ID`;
  const rows: [string, string][] =
    setting.kind === 'genesys'
      ? [
          [t`Region`, `${REGIONS[setting.region]} (${setting.region})`],
          [clientIdLabel, setting.clientId],
        ]
      : setting.kind === 'custom'
        ? [
            [t({ message: 'API', comment: 'the address of the API the console talks to' }), setting.apiBase],
            [t({ message: 'Sign-in', comment: 'the address of the sign-in host' }), setting.loginBase],
            [clientIdLabel, setting.clientId],
          ]
        : [[t`Server`, t`the server that serves this console`]];
  return (
    <>
      <Paper withBorder p="md" aria-labelledby="environment-heading">
        <Stack>
          <Title order={2} fz="h4" id="environment-heading">
            <Trans>Environment</Trans>
          </Title>
          <Text size="sm">
            <Trans>
              Connected to <strong>{label}</strong>. This deployment sets the environment; it cannot be changed here.
            </Trans>
          </Text>
          {rows.map(([label, value]) => (
            <TextInput key={label} label={label} value={value} readOnly />
          ))}
        </Stack>
      </Paper>
    </>
  );
}

function EnvironmentForm() {
  const { t } = useLingui();
  const environment = useEnvironment();
  const queryClient = useQueryClient();
  const current = environment.setting;
  // A deployment's custom API (config.json, not pinned) is offered as it is: its URLs are not edited here.
  const deploymentCustom = getDeploymentDefault();
  const custom = deploymentCustom.kind === 'custom' ? deploymentCustom : null;
  const [kind, setKind] = useState<EnvironmentSetting['kind']>(current.kind);
  const [region, setRegion] = useState<RegionId | null>(current.kind === 'genesys' ? current.region : null);
  const [clientId, setClientId] = useState(current.kind === 'genesys' ? current.clientId : '');
  const [errors, setErrors] = useState<{ region?: string; clientId?: string }>({});
  const { formRef, show: showFailureAt } = useSubmitFailureFocus();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    let next: EnvironmentSetting;
    if (kind === 'embedded') {
      next = { kind: 'embedded' };
    } else if (kind === 'custom' && custom) {
      next = custom;
    } else {
      const nextErrors = {
        region: region && isRegionId(region) ? undefined : t`Choose the region of your organization`,
        clientId: clientId.trim() ? undefined : t`Enter the client ID of an OAuth client (code grant with PKCE)`,
      };
      setErrors(nextErrors);
      if (nextErrors.region || nextErrors.clientId || !region) {
        showFailureAt('field');
        return;
      }
      next = { kind: 'genesys', region, clientId: clientId.trim() };
    }
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    // Data of one org must never show under another: forget everything cached.
    queryClient.clear();
    setEnvironmentSetting(next);
    const connected = resolveEnvironment(next).label;
    notifications.show({ color: 'green', message: t`Connected to ${connected}` });
  };

  const currentLabel = environment.label;
  const uri = redirectUri();
  const customLabel = custom ? resolveEnvironment(custom).label : null;
  return (
    <>
      <Paper ref={formRef} withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="environment-heading">
        <Stack>
          <Title order={2} fz="h4" id="environment-heading">
            <Trans>Environment</Trans>
          </Title>
          <Text size="sm" c="dimmed">
            <Trans>
              Currently connected to <strong>{currentLabel}</strong>. Each environment keeps its own sign-in.
            </Trans>
          </Text>
          <Radio.Group
            value={kind}
            onChange={(v) => setKind(v === 'genesys' || v === 'custom' ? v : 'embedded')}
            label={t`Connect to`}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="embedded" label={t`Embedded server (the server that serves this console)`} />
              <Radio value="genesys" label={t`A Genesys Cloud organization`} />
              {customLabel !== null ? (
                <Radio value="custom" label={t`${customLabel} (set by this deployment)`} />
              ) : null}
            </Stack>
          </Radio.Group>
          {kind === 'genesys' ? (
            <>
              <Select
                label={t`Region`}
                placeholder={t`Choose a region`}
                data={REGION_OPTIONS}
                value={region}
                onChange={(v) => setRegion(v && isRegionId(v) ? v : null)}
                searchable
                // A failed save focuses the field: its list opens on a click, typing or the arrow keys.
                openOnFocus={false}
                error={errors.region}
                withAsterisk
              />
              <TextInput
                label={t`OAuth client ID`}
                description={t`A client of your organization with the code grant (PKCE).`}
                value={clientId}
                onChange={(e) => setClientId(e.currentTarget.value)}
                error={errors.clientId}
                withAsterisk
              />
              <Alert variant="light" color="blue" title={t`Redirect URI`}>
                <Trans>
                  Register <Code>{uri}</Code> as an authorized redirect URI of that client.
                </Trans>
              </Alert>
            </>
          ) : null}
          <Group>
            <Button type="submit">
              <Trans comment="saves the environment settings">Save</Trans>
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
