import { parsePoFile } from '@lingui/format-po';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the console keeps the user's choice of language (src/lib/locale.ts). */
export const LANGUAGE_STORAGE_KEY = 'groups-console.language';

/** Chooses the console's language for every page the test loads, as Settings would. */
export const chooseLanguage = async (page: Page, language: string): Promise<void> => {
  await page.addInitScript(
    ({ key, value }) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // A page without storage (about:blank) keeps the browser's language.
      }
    },
    { key: LANGUAGE_STORAGE_KEY, value: language },
  );
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English messages that `language` words differently, each as a pattern of the whole text an element
 * would show: placeholders match anything, the tags of inline elements are dropped. Messages with plural
 * or select cases, and those with fewer than four letters of their own, are left out.
 */
export const englishMessagesTranslatedIn = (language: string): { message: string; pattern: RegExp }[] => {
  const file = readFileSync(join(process.cwd(), 'src/locales', `${language}.po`), 'utf8');
  return parsePoFile(file)
    .items.filter((item) => item.msgid && item.msgstr[0] && item.msgstr[0] !== item.msgid)
    .map((item) => item.msgid)
    .filter((message) => !/\{\w+,\s*(plural|select|selectordinal)/.test(message))
    .filter((message) => message.replace(/\{\w+\}|<\/?\d+\/?>/g, '').replace(/[^\p{L}]/gu, '').length >= 4)
    .map((message) => {
      const parts = message
        .replace(/<\/?\d+\/?>/g, '')
        .split(/\{\w+\}/)
        .map((part) => escape(part.replace(/\s+/g, ' ')));
      return { message, pattern: new RegExp(`^${parts.join('.+?')}$`, 's') };
    });
};

/**
 * The text a person reads on the page: each visible element's own text (its text with its children's,
 * when it has text of its own), and the names controls give without showing them (aria-label,
 * placeholder, title).
 */
export const visibleTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out = new Set<string>();
    const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
      if (!element.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
      const own = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && norm(node.textContent ?? ''),
      );
      if (own) {
        out.add(norm(element.textContent ?? ''));
        for (const node of element.childNodes)
          if (node.nodeType === Node.TEXT_NODE && norm(node.textContent ?? '')) out.add(norm(node.textContent ?? ''));
      }
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value && norm(value)) out.add(norm(value));
      }
    }
    return [...out].filter((text) => /\p{L}/u.test(text));
  });

/** The texts on the page that are English messages `language` words differently: none is the aim. */
export const englishLeftOn = async (
  page: Page,
  messages: { message: string; pattern: RegExp }[],
  api: ApiAnswers,
): Promise<string[]> => {
  const texts = (await visibleTexts(page)).filter((text) => !api.contains(text));
  return texts.flatMap((text) => {
    const found = messages.find(({ pattern }) => pattern.test(text));
    return found ? [`"${text}" (message "${found.message}")`] : [];
  });
};

/**
 * Collects the bodies of the API's answers to the page, so that a text the page shows can be told to be
 * data (a group's or a person's name) rather than a word of the console.
 */
export interface ApiAnswers {
  /** The text is in one of the API's answers (a name, a description): data, not a word of the console. */
  contains: (text: string) => boolean;
}

export const recordApiAnswers = (page: Page): ApiAnswers => {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    response
      .text()
      .then((body) => bodies.push(body))
      .catch(() => {});
  });
  return {
    contains: (text) => bodies.some((body) => body.includes(text) || body.includes(JSON.stringify(text).slice(1, -1))),
  };
};

/** A date, a time, or both, as Intl formats them in English ("Nov 13, 2024, 2:39 PM", "03:37:25 AM"). */
const DATE_TIME = /^(([A-Z][a-z]+, )?[A-Z][a-z]+ \d{1,2}, \d{4})?((,| at)? ?\d{1,2}:\d{2}(:\d{2})?\s?[AP]M)?$/;

/** Accented letters and the brackets of the pseudo-locale (lingui.config.ts). */
const PSEUDO = /[⟦⟧\u00C0-\u024F]/;

/**
 * The texts on the page that are neither pseudo-localised nor data from the API: words that did not go
 * through the catalogue. Dates and times, formatted by Intl, are not words of the catalogue either.
 */
export const notPseudoLocalised = async (page: Page, api: ApiAnswers): Promise<string[]> => {
  const texts = await visibleTexts(page);
  const isData = (text: string) => api.contains(text) || DATE_TIME.test(text);
  // A list of names ("Avery Adams, Richard Thomas") or a change ("Before → After") is data too.
  return texts.filter((text) => !PSEUDO.test(text) && !isData(text) && !text.split(/, | → /).every(isData));
};
