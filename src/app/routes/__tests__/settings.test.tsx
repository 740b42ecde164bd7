import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setDeploymentDefault } from '@/lib/environment';
import { installMatchMedia, installResizeObserver } from '@/testing/test-providers';
import { Component as Settings } from '../settings';

const CUSTOM = {
  kind: 'custom',
  apiBase: 'https://api.example.com',
  loginBase: 'https://login.example.com',
  clientId: 'org-client',
  label: 'Example org',
} as const;

const renderSettings = () =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <Settings />
      </QueryClientProvider>
    </MantineProvider>,
  );

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
});

afterEach(() => {
  localStorage.clear();
  setDeploymentDefault({ kind: 'embedded' });
});

describe('Settings', () => {
  it('shows a pinned environment read-only, without a form to change it', () => {
    setDeploymentDefault(CUSTOM, true);
    renderSettings();
    expect(screen.getByText(/This deployment sets the environment/)).toBeInTheDocument();
    expect(screen.getByLabelText('API')).toHaveValue('https://api.example.com');
    expect(screen.getByLabelText('API')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('OAuth client ID')).toHaveValue('org-client');
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('offers a deployment’s custom API, not pinned, as the current choice beside the others', () => {
    setDeploymentDefault(CUSTOM, false);
    renderSettings();
    expect(screen.getByRole('radio', { name: 'Example org (set by this deployment)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Embedded server/ })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });
});
