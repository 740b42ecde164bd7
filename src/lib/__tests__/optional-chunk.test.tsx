import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyOptional } from '../optional-chunk';

const Loaded = ({ label }: { label: string }) => <p>loaded {label}</p>;
const Fallback = ({ label }: { label: string }) => <p>fallback {label}</p>;

describe('lazyOptional', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders the loaded component once its code has arrived', async () => {
    const Part = lazyOptional(() => Promise.resolve(Loaded), Fallback);
    render(
      <Suspense fallback={<p>loading</p>}>
        <Part label="menu" />
      </Suspense>,
    );
    expect(await screen.findByText('loaded menu')).toBeInTheDocument();
  });

  it('renders the fallback, with a warning and no error, when the code cannot be fetched', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    const Part = lazyOptional<{ label: string }>(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/menu.js')),
      Fallback,
    );
    render(
      <Suspense fallback={<p>loading</p>}>
        <Part label="menu" />
      </Suspense>,
    );
    expect(await screen.findByText('fallback menu')).toBeInTheDocument();
    expect(warn).toHaveBeenCalledOnce();
    expect(error).not.toHaveBeenCalled();
  });
});
