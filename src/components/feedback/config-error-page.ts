import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import type { DeploymentConfigError } from '@/lib/deployment-config';
import { formatDocumentTitle } from '@/lib/page-title';

/**
 * What the console shows instead of starting when its config.json is invalid: which file, and each
 * problem with its place in the file. Plain DOM (nothing else has loaded), text only (no markup from
 * the file reaches the page), styled by index.html's loading-screen rules.
 *
 * The configuration is read while the page's language is still loading: the words are looked up when
 * the page is drawn, at once when the language is active, else as soon as it is (index.html's loading
 * screen shows until then).
 */
export const renderConfigErrorPage = (root: HTMLElement, error: DeploymentConfigError): void => {
  if (i18n.locale) {
    draw(root, error);
    return;
  }
  const stop = i18n.on('change', () => {
    if (!i18n.locale) return;
    stop();
    draw(root, error);
  });
};

const draw = (root: HTMLElement, error: DeploymentConfigError): void => {
  const main = document.createElement('main');
  main.className = 'boot';
  main.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.append(document.createElement('strong'));
  title.firstElementChild!.textContent = t`The console cannot start: its configuration is not valid`;
  const where = document.createElement('p');
  const file = new URL(error.url, window.location.href).href;
  where.textContent = t`${file} has these problems:`;
  const list = document.createElement('ul');
  list.style.textAlign = 'left';
  for (const problem of error.describeProblems()) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  const help = document.createElement('p');
  help.textContent = t`Whoever deployed the console can fix the file (its format is in config.schema.json beside it, and in docs/deploy.md), then reload this page.`;
  main.append(title, where, list, help);
  root.replaceChildren(main);
  document.title = formatDocumentTitle(t`Configuration error`);
};
