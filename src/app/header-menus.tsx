/**
 * The header's pop-ups: the theme toggle's tooltip and the user menu (with the About dialog). They need Mantine's floating
 * layer (Popover, Menu, Tooltip and floating-ui), which the first screen does not: the layout renders
 * the plain buttons first and these once this module has loaded, after the first paint. With them, the
 * bar shown while the next page loads, which the first screen does not need either.
 */
import { Trans } from '@lingui/react/macro';
import { Menu, Progress, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconLogout, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactElement, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { revokeToken } from '@/api/generated/endpoints/tokens/tokens';
import { paths } from '@/config/paths';
import { signOut } from '@/lib/auth';
import { useFocusTakenOver } from '@/lib/focus-takeover';
import { useMe } from '@/lib/permissions';
import { AboutDialog } from './about-dialog';
import { UserButton } from './user-button';

/**
 * Adds the tooltip to the theme toggle's button. `button`: the ref the button carries, before and after,
 * so it keeps the keyboard's focus.
 */
export const ThemeTooltip = ({
  label,
  children,
  button,
}: {
  label: string;
  children: ReactElement;
  button: RefObject<HTMLButtonElement | null>;
}) => {
  useFocusTakenOver(button, button);
  return <Tooltip label={label}>{children}</Tooltip>;
};

/**
 * `defaultOpened`: the user pressed the plain button before this module had loaded. `focusFrom`: that
 * plain button, which this menu's button replaces: when it has the keyboard's focus, the new one takes it.
 */
export const UserMenu = ({
  defaultOpened = false,
  focusFrom,
}: {
  defaultOpened?: boolean;
  focusFrom?: RefObject<HTMLElement | null>;
}) => {
  const button = useRef<HTMLButtonElement>(null);
  useFocusTakenOver(focusFrom, button);
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [aboutOpened, setAboutOpened] = useState(false);
  const onSignOut = async () => {
    await signOut({
      revoke: () => revokeToken(),
      leave: () => navigate(paths.auth.signedOut.getHref(), { replace: true }),
    });
    queryClient.clear();
  };

  return (
    <>
      <Menu position="bottom-end" width={220} defaultOpened={defaultOpened}>
        <Menu.Target>
          <UserButton ref={button} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me?.email ?? me?.name}</Menu.Label>
          <Menu.Item component={Link} to={paths.settings.getHref()} leftSection={<IconSettings size={14} />}>
            <Trans>Settings</Trans>
          </Menu.Item>
          <Menu.Item leftSection={<IconInfoCircle size={14} />} onClick={() => setAboutOpened(true)}>
            <Trans>About Groups Console</Trans>
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void onSignOut()}>
            <Trans>Sign out</Trans>
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <AboutDialog opened={aboutOpened} onClose={() => setAboutOpened(false)} />
    </>
  );
};

/** The bar across the top of the window while the next page loads. */
export const NavigationProgress = ({ label }: { label: string }) => (
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
    aria-label={label}
  />
);
