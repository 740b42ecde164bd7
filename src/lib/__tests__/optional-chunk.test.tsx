import { act, render, screen, waitFor } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyOptional, useOptionalModule } from '../optional-chunk';

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

describe('useOptionalModule', () => {
  afterEach(() => vi.restoreAllMocks());

  const Host = ({ load, when }: { load: () => Promise<{ label: string }>; when: boolean }) => {
    const module = useOptionalModule(load, when);
    return <button type="button">{module ? `loaded ${module.label}` : 'plain'}</button>;
  };

  it('asks for the module only once `when` is true, and keeps the stand-in (and its focus) until it has arrived', async () => {
    let arrive: (module: { label: string }) => void = () => undefined;
    const load = vi.fn(() => new Promise<{ label: string }>((resolve) => (arrive = resolve)));
    const { rerender } = render(<Host load={load} when={false} />);
    expect(load).not.toHaveBeenCalled();
    const plain = screen.getByRole('button', { name: 'plain' });
    plain.focus();
    rerender(<Host load={load} when />);
    expect(load).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'plain' })).toBe(plain);
    expect(plain).toHaveFocus();
    arrive({ label: 'menu' });
    expect(await screen.findByRole('button', { name: 'loaded menu' })).toBeInTheDocument();
  });

  it('renders the arrived module as a transition: a part of it still loading leaves the stand-in in place', async () => {
    // The module's part suspends for good: a synchronous update would show the fallback instead.
    const Never = lazy(() => new Promise<never>(() => {}));
    const load = vi.fn(() => Promise.resolve({ label: 'menu' }));
    const Part = () => {
      const module = useOptionalModule(load, true);
      return module ? <Never /> : <button type="button">plain</button>;
    };
    render(
      <Suspense fallback={<p>fallback</p>}>
        <Part />
      </Suspense>,
    );
    await waitFor(() => expect(load).toHaveBeenCalledOnce());
    await act(() => Promise.resolve());
    expect(screen.getByRole('button', { name: 'plain' })).toBeInTheDocument();
    expect(screen.queryByText('fallback')).not.toBeInTheDocument();
  });

  it('answers a module already loaded at the first render, without asking again', async () => {
    const load = vi.fn(() => Promise.resolve({ label: 'menu' }));
    const first = render(<Host load={load} when />);
    expect(await screen.findByRole('button', { name: 'loaded menu' })).toBeInTheDocument();
    first.unmount();
    render(<Host load={load} when={false} />);
    expect(screen.getByRole('button', { name: 'loaded menu' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledOnce();
  });

  it('keeps the stand-in, with a warning and no error, when the module cannot be fetched', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    const load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/menu.js'));
    render(<Host load={load} when />);
    await waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(screen.getByRole('button', { name: 'plain' })).toBeInTheDocument();
    expect(error).not.toHaveBeenCalled();
  });
});
