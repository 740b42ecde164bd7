import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Burger,
  Button,
  Group,
  Kbd,
  Menu,
  NavLink,
  Progress,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconLogout,
  IconMoon,
  IconPlus,
  IconSearch,
  IconSettings,
  IconSun,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate, useNavigation } from 'react-router';
import { getGetTokenInfoQueryOptions, revokeToken } from '@/api/generated/endpoints/tokens/tokens';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/layout/skip-link';
import { paths } from '@/config/paths';
import { beginSignIn, signOut, useIsSignedIn } from '@/lib/auth';
import { useEnvironment } from '@/lib/environment';
import { formatDocumentTitle, PageTitleProvider } from '@/lib/page-title';
import type { Permission } from '@/lib/permission-names';
import { useMe, usePermissions } from '@/lib/permissions';
import { isRouteHandle } from '@/lib/routing';
import { useCommandPalette } from './command-palette-launcher';
import { RouteGuard } from './route-guard';

interface NavItem {
  label: string;
  href: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Hidden from users who lack it (the same permission the route's handle demands). */
  permission?: Permission;
  /** Active when the location starts with this path. */
  match: (pathname: string) => boolean;
}

const NAV: NavItem[] = [
  {
    label: 'Groups',
    href: paths.groups.list.getHref(),
    icon: IconUsersGroup,
    match: (p) => p.startsWith('/groups') && p !== paths.groups.new.path,
  },
  {
    label: 'Create group',
    href: paths.groups.new.getHref(),
    icon: IconPlus,
    permission: paths.groups.new.permission,
    match: (p) => p === paths.groups.new.path,
  },
  { label: 'Settings', href: paths.settings.getHref(), icon: IconSettings, match: (p) => p === paths.settings.path },
];

const ThemeToggle = () => {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} theme`}
        onClick={() => setColorScheme(next)}
      >
        {computed === 'dark' ? <IconSun size={18} stroke={1.5} /> : <IconMoon size={18} stroke={1.5} />}
      </ActionIcon>
    </Tooltip>
  );
};

const UserMenu = () => {
  const me = useMe();
  const signedIn = useIsSignedIn();
  const tokenInfo = useQuery({ ...getGetTokenInfoQueryOptions(), staleTime: Infinity, enabled: signedIn });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (!signedIn) {
    return (
      <Button variant="light" onClick={() => void beginSignIn(paths.groups.list.getHref())}>
        Sign in
      </Button>
    );
  }

  const orgName = tokenInfo.data?.organization?.name;
  const onSignOut = async () => {
    await signOut({
      revoke: () => revokeToken(),
      leave: () => navigate(paths.auth.signedOut.getHref(), { replace: true }),
    });
    queryClient.clear();
  };

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={`User menu for ${me?.name ?? 'you'}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={me?.name} color="initials" size="sm" />
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={500} lh={1.2} data-testid="user-name">
                {me?.name ?? '…'}
              </Text>
              {orgName ? (
                <Text size="xs" c="dimmed" lh={1.2} data-testid="org-name">
                  {orgName}
                </Text>
              ) : null}
            </Stack>
            <IconChevronDown size={14} stroke={1.5} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me?.email ?? me?.name}</Menu.Label>
        <Menu.Item component={Link} to={paths.settings.getHref()} leftSection={<IconSettings size={14} />}>
          Settings
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void onSignOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

const DocumentTitle = ({ override }: { override: { pathname: string; title: string } | null }) => {
  const matches = useMatches();
  const { pathname } = useLocation();
  const handleTitle = [...matches]
    .reverse()
    .map((m) => m.handle)
    .find(isRouteHandle)?.title;
  const title = override && override.pathname === pathname ? override.title : handleTitle;
  useEffect(() => {
    document.title = formatDocumentTitle(title);
  }, [title]);
  return null;
};

/** The root layout: header, navigation, command palette, navigation progress, permission wall. */
export const AppLayout = () => {
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const environment = useEnvironment();
  const permissions = usePermissions();
  const [titleOverride, setTitleOverride] = useState<{ pathname: string; title: string } | null>(null);
  const busy = navigation.state !== 'idle';
  const commandPalette = useCommandPalette();

  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      {busy ? (
        <Progress
          value={100}
          animated
          size="xs"
          radius={0}
          pos="fixed"
          top={0}
          left={0}
          right={0}
          style={{ zIndex: 1000 }}
          aria-label="Loading page"
        />
      ) : null}
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to={paths.groups.list.getHref()} fw={700} size="lg" c="inherit" td="none">
              Groups Console
            </Text>
            <Badge variant="light" color={environment.id === 'embedded' ? 'gray' : 'blue'} data-testid="environment">
              {environment.label}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconSearch size={16} stroke={1.5} />}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
              onClick={commandPalette.open}
              visibleFrom="md"
              c="dimmed"
              fw={400}
            >
              Search
            </Button>
            <ActionIcon variant="default" size="lg" aria-label="Search" onClick={commandPalette.open} hiddenFrom="md">
              <IconSearch size={18} stroke={1.5} />
            </ActionIcon>
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.filter((item) => !item.permission || permissions.has(item.permission)).map((item) => (
          <NavLink
            key={item.href}
            component={Link}
            to={item.href}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.5} />}
            active={item.match(pathname)}
            aria-current={item.match(pathname) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <PageTitleProvider setOverride={setTitleOverride}>
          <DocumentTitle override={titleOverride} />
          <RouteGuard>
            <Outlet />
          </RouteGuard>
        </PageTitleProvider>
      </AppShell.Main>
      {commandPalette.palette}
    </AppShell>
  );
};
