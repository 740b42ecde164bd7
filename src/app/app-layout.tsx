import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Kbd,
  NavLink,
  Text,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconPlus, IconSearch, IconSettings, IconSun, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useOptionalModule } from '@/lib/optional-chunk';
import { Link, Outlet, useLocation, useMatches, useNavigation } from 'react-router';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/layout/skip-link';
import { paths } from '@/config/paths';
import { beginSignIn, useIsSignedIn } from '@/lib/auth';
import { useEnvironment } from '@/lib/environment';
import { useAfterFirstInteraction, useFirstScreenShown } from '@/lib/idle';
import { formatDocumentTitle, PageTitleProvider } from '@/lib/page-title';
import type { Permission } from '@/lib/permission-names';
import { useAccountLanguage } from '@/lib/i18n';
import { useMe, usePermissions } from '@/lib/permissions';
import { isRouteHandle } from '@/lib/routing';
import { useIsPhone } from '@/lib/use-is-phone';
import { useCommandPalette } from './command-palette-launcher';
import { RouteGuard } from './route-guard';
import { UserButton } from './user-button';

// The header's pop-ups (floating layer) load at the first touch, key, click, focus or mouse movement;
// their buttons paint with the first screen and stay plain, keeping their focus, until the code has
// arrived (and for good when it could not be fetched).
const loadHeaderMenus = () => import('./header-menus');

/** The header's menus module once someone has used the page (or `now`, sooner): null until it has come. */
const useHeaderMenus = (now = false) => useOptionalModule(loadHeaderMenus, useAfterFirstInteraction() || now);

interface NavItem {
  label: MessageDescriptor;
  href: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Hidden from users who lack it (the same permission the route's handle demands). */
  permission?: Permission;
  /** Active when the location starts with this path. */
  match: (pathname: string) => boolean;
}

const NAV: NavItem[] = [
  {
    label: msg({ message: 'Groups', comment: 'the navigation link to the list of groups' }),
    href: paths.groups.list.getHref(),
    icon: IconUsersGroup,
    match: (p) => p.startsWith('/groups') && p !== paths.groups.new.path,
  },
  {
    label: msg`Create group`,
    href: paths.groups.new.getHref(),
    icon: IconPlus,
    permission: paths.groups.new.permission,
    match: (p) => p === paths.groups.new.path,
  },
  { label: msg`Settings`, href: paths.settings.getHref(), icon: IconSettings, match: (p) => p === paths.settings.path },
];

const ThemeToggle = () => {
  const { t } = useLingui();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = next === 'dark' ? t`Switch to dark theme` : t`Switch to light theme`;
  const ref = useRef<HTMLButtonElement>(null);
  const button = (
    <ActionIcon
      ref={ref}
      variant="default"
      size={useIsPhone() ? 44 : 'lg'}
      aria-label={label}
      onClick={() => setColorScheme(next)}
    >
      {computed === 'dark' ? <IconSun size={18} stroke={1.5} /> : <IconMoon size={18} stroke={1.5} />}
    </ActionIcon>
  );
  const menus = useHeaderMenus();
  return menus ? (
    <menus.ThemeTooltip label={label} button={ref}>
      {button}
    </menus.ThemeTooltip>
  ) : (
    button
  );
};

const UserMenu = () => {
  const signedIn = useIsSignedIn();
  // A press on the plain button before the menu's code has loaded opens the menu once it has.
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  // The plain button, so the menu's button can take over its focus.
  const plain = useRef<HTMLButtonElement>(null);
  const menus = useHeaderMenus(openWhenLoaded);
  if (!signedIn) {
    return (
      <Button variant="light" onClick={() => void beginSignIn(paths.groups.list.getHref())}>
        <Trans>Sign in</Trans>
      </Button>
    );
  }
  if (!menus) return <UserButton ref={plain} aria-haspopup="menu" onClick={() => setOpenWhenLoaded(true)} />;
  return <menus.UserMenu defaultOpened={openWhenLoaded} focusFrom={plain} />;
};

const DocumentTitle = ({ override }: { override: { pathname: string; title: string } | null }) => {
  const matches = useMatches();
  const { pathname } = useLocation();
  const handleTitle = [...matches]
    .reverse()
    .map((m) => m.handle)
    .find(isRouteHandle)?.title;
  const title = override && override.pathname === pathname ? override.title : handleTitle && i18n._(handleTitle);
  useEffect(() => {
    document.title = formatDocumentTitle(title);
  }, [title]);
  return null;
};

/**
 * The bar across the top while the next page loads. Pages change after someone acts (a link, a key),
 * so its code comes with the header's menus, which load at the first interaction; a page change before
 * any (a redirect, the browser's Back) shows none rather than fetch the menus for it.
 */
const NavigationProgress = () => {
  const { t } = useLingui();
  const menus = useHeaderMenus();
  return menus ? <menus.NavigationProgress label={t`Loading page`} /> : null;
};

/** The root layout: header, navigation, command palette, navigation progress, permission wall. */
export const AppLayout = () => {
  const { t } = useLingui();
  useFirstScreenShown();
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const environment = useEnvironment();
  const permissions = usePermissions();
  useAccountLanguage(useMe());
  const [titleOverride, setTitleOverride] = useState<{ pathname: string; title: string } | null>(null);
  const busy = navigation.state !== 'idle';
  const commandPalette = useCommandPalette();
  // Phones: 44 px touch targets in the header.
  const isPhone = useIsPhone();

  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      {busy ? <NavigationProgress /> : null}
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              miw={44}
              mih={44}
              aria-label={t`Toggle navigation`}
            />
            <Text
              component={Link}
              to={paths.groups.list.getHref()}
              fw={700}
              size="lg"
              c="inherit"
              td="none"
              style={{ whiteSpace: 'nowrap' }}
            >
              <Trans comment="the product's name">Groups Console</Trans>
            </Text>
            <Badge
              variant="light"
              color={environment.id === 'embedded' ? 'gray' : 'blue'}
              data-testid="environment"
              visibleFrom="sm"
            >
              {environment.label}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconSearch size={16} stroke={1.5} />}
              rightSection={
                <Kbd size="xs">
                  {t({ message: 'Ctrl K', comment: 'the keyboard shortcut of search: the Control key, then K' })}
                </Kbd>
              }
              onClick={commandPalette.open}
              visibleFrom="md"
              c="dimmed"
              fw={400}
            >
              <Trans comment="a button that opens the search of groups and pages">Search</Trans>
            </Button>
            <ActionIcon
              variant="default"
              size={isPhone ? 44 : 'lg'}
              aria-label={t({ message: 'Search', comment: 'a button that opens the search of groups and pages' })}
              onClick={commandPalette.open}
              hiddenFrom="md"
            >
              <IconSearch size={18} stroke={1.5} />
            </ActionIcon>
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t({ message: 'Main', comment: "the main navigation's name" })}>
        {NAV.filter((item) => !item.permission || permissions.has(item.permission)).map((item) => (
          <NavLink
            key={item.href}
            component={Link}
            to={item.href}
            label={i18n._(item.label)}
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
