import type { DeploymentConfigError } from '@/lib/deployment-config';

/**
 * What the console shows instead of starting when its config.json is invalid: which file, and each
 * problem with its place in the file. Plain DOM (nothing else has loaded), text only (no markup from
 * the file reaches the page), styled by index.html's loading-screen rules.
 */
export const renderConfigErrorPage = (root: HTMLElement, error: DeploymentConfigError): void => {
  const main = document.createElement('main');
  main.className = 'boot';
  main.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.append(document.createElement('strong'));
  title.firstElementChild!.textContent = 'The console cannot start: its configuration is not valid';
  const where = document.createElement('p');
  where.textContent = `${new URL(error.url, window.location.href).href} has these problems:`;
  const list = document.createElement('ul');
  list.style.textAlign = 'left';
  for (const problem of error.problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  const help = document.createElement('p');
  help.textContent =
    'Whoever deployed the console can fix the file (its format is in config.schema.json beside it, and in docs/deploy.md), then reload this page.';
  main.append(title, where, list, help);
  root.replaceChildren(main);
  document.title = 'Configuration error · Groups Console';
};
