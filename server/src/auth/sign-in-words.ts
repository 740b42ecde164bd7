/**
 * Every word the sign-in, sign-out and error pages show (sign-in-page.ts), in each language they speak
 * (sign-in-language.ts). Each language is a full `SignInWords`: TypeScript refuses a missing key. Messages
 * with values are functions; the values are plain text (the pages escape what they show). The English is
 * what the pages have always said, word for word (the end-to-end tests match it).
 */
import type { SignInLanguage } from './sign-in-language.js';

/** A count in words, by its plural category (Intl.PluralRules); `other` is always there. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, (count: string) => string>> & {
  other: (count: string) => string;
};

export interface SignInWords {
  /** The sign-in page's heading, title and button. */
  signIn: string;
  /** Under the heading: the application the user signs in to. */
  continueTo: (clientName: string) => string;
  email: string;
  password: string;
  /** A wrong password and an unknown email alike. */
  wrongCredentials: string;
  /** A locked account or address; `wait` is `minutes` or `seconds` below. */
  locked: (wait: string) => string;
  minutes: PluralForms;
  seconds: PluralForms;
  unknownApplication: string;
  unknownApplicationMessage: (clientId: string) => string;
  invalidRedirect: string;
  invalidRedirectMessage: (redirectUri: string, clientName: string) => string;
  /** The sign-out page's heading and title, and the title of a sign-out that could not redirect. */
  signedOut: string;
  signedOutMessage: string;
  signedOutInvalidRedirect: (redirectUri: string, clientName: string) => string;
  signedOutUnknownApplication: (clientId: string) => string;
}

const en: SignInWords = {
  signIn: 'Sign in',
  continueTo: (client) => `to continue to ${client}`,
  email: 'Email',
  password: 'Password',
  wrongCredentials: 'The email or password is incorrect.',
  locked: (wait) => `Too many failed sign-in attempts. Sign-in is paused for your security: try again in ${wait}.`,
  minutes: { one: (n) => `${n} minute`, other: (n) => `${n} minutes` },
  seconds: { one: (n) => `${n} second`, other: (n) => `${n} seconds` },
  unknownApplication: 'Unknown application',
  unknownApplicationMessage: (id) => `The application "${id}" is not registered for browser sign-in.`,
  invalidRedirect: 'Invalid redirect URI',
  invalidRedirectMessage: (uri, client) => `The redirect URI "${uri}" is not registered for ${client}.`,
  signedOut: 'Signed out',
  signedOutMessage: 'You have signed out. This browser no longer remembers your sign-in.',
  signedOutInvalidRedirect: (uri, client) =>
    `The redirect URI "${uri}" is not registered for ${client}. You are signed out.`,
  signedOutUnknownApplication: (id) => `The application "${id}" is not registered. You are signed out.`,
};

const es: SignInWords = {
  signIn: 'Iniciar sesión',
  continueTo: (client) => `para continuar a ${client}`,
  email: 'Correo electrónico',
  password: 'Contraseña',
  wrongCredentials: 'El correo electrónico o la contraseña no son correctos.',
  locked: (wait) =>
    `Demasiados intentos fallidos de inicio de sesión. Por su seguridad, el inicio de sesión está en pausa: vuelva a intentarlo dentro de ${wait}.`,
  minutes: { one: (n) => `${n} minuto`, other: (n) => `${n} minutos` },
  seconds: { one: (n) => `${n} segundo`, other: (n) => `${n} segundos` },
  unknownApplication: 'Aplicación desconocida',
  unknownApplicationMessage: (id) => `La aplicación «${id}» no está registrada para iniciar sesión desde el navegador.`,
  invalidRedirect: 'URI de redirección no válido',
  invalidRedirectMessage: (uri, client) => `El URI de redirección «${uri}» no está registrado para ${client}.`,
  signedOut: 'Sesión cerrada',
  signedOutMessage: 'Ha cerrado la sesión. Este navegador ya no recuerda su inicio de sesión.',
  signedOutInvalidRedirect: (uri, client) =>
    `El URI de redirección «${uri}» no está registrado para ${client}. Ha cerrado la sesión.`,
  signedOutUnknownApplication: (id) => `La aplicación «${id}» no está registrada. Ha cerrado la sesión.`,
};

const de: SignInWords = {
  signIn: 'Anmelden',
  continueTo: (client) => `weiter zu ${client}`,
  email: 'E-Mail',
  password: 'Passwort',
  wrongCredentials: 'Die E-Mail-Adresse oder das Passwort ist falsch.',
  locked: (wait) =>
    `Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist zu Ihrer Sicherheit vorübergehend gesperrt: Versuchen Sie es in ${wait} erneut.`,
  minutes: { one: (n) => `${n} Minute`, other: (n) => `${n} Minuten` },
  seconds: { one: (n) => `${n} Sekunde`, other: (n) => `${n} Sekunden` },
  unknownApplication: 'Unbekannte Anwendung',
  unknownApplicationMessage: (id) => `Die Anwendung „${id}“ ist nicht für die Anmeldung im Browser registriert.`,
  invalidRedirect: 'Ungültige Weiterleitungs-URI',
  invalidRedirectMessage: (uri, client) => `Die Weiterleitungs-URI „${uri}“ ist für ${client} nicht registriert.`,
  signedOut: 'Abgemeldet',
  signedOutMessage: 'Sie haben sich abgemeldet. Dieser Browser merkt sich Ihre Anmeldung nicht mehr.',
  signedOutInvalidRedirect: (uri, client) =>
    `Die Weiterleitungs-URI „${uri}“ ist für ${client} nicht registriert. Sie sind abgemeldet.`,
  signedOutUnknownApplication: (id) => `Die Anwendung „${id}“ ist nicht registriert. Sie sind abgemeldet.`,
};

const ja: SignInWords = {
  signIn: 'サインイン',
  continueTo: (client) => `${client} に移動`,
  email: 'メールアドレス',
  password: 'パスワード',
  wrongCredentials: 'メールアドレスまたはパスワードが正しくありません。',
  locked: (wait) =>
    `サインインに何度も失敗したため、セキュリティ保護のためサインインを一時停止しています。${wait}後にもう一度お試しください。`,
  minutes: { other: (n) => `${n}分` },
  seconds: { other: (n) => `${n}秒` },
  unknownApplication: '不明なアプリケーション',
  unknownApplicationMessage: (id) => `アプリケーション「${id}」は、ブラウザーでのサインイン用に登録されていません。`,
  invalidRedirect: '無効なリダイレクト URI',
  invalidRedirectMessage: (uri, client) => `リダイレクト URI「${uri}」は ${client} に登録されていません。`,
  signedOut: 'サインアウトしました',
  signedOutMessage: 'サインアウトが完了しました。このブラウザーにはサインイン情報が残っていません。',
  signedOutInvalidRedirect: (uri, client) =>
    `リダイレクト URI「${uri}」は ${client} に登録されていません。サインアウトは完了しています。`,
  signedOutUnknownApplication: (id) => `アプリケーション「${id}」は登録されていません。サインアウトは完了しています。`,
};

const ptBR: SignInWords = {
  signIn: 'Entrar',
  continueTo: (client) => `para continuar em ${client}`,
  email: 'E-mail',
  password: 'Senha',
  wrongCredentials: 'O e-mail ou a senha estão incorretos.',
  locked: (wait) =>
    `Muitas tentativas de login com falha. Para sua segurança, o login está pausado: tente novamente em ${wait}.`,
  minutes: { one: (n) => `${n} minuto`, other: (n) => `${n} minutos` },
  seconds: { one: (n) => `${n} segundo`, other: (n) => `${n} segundos` },
  unknownApplication: 'Aplicativo desconhecido',
  unknownApplicationMessage: (id) => `O aplicativo “${id}” não está registrado para login pelo navegador.`,
  invalidRedirect: 'URI de redirecionamento inválido',
  invalidRedirectMessage: (uri, client) => `O URI de redirecionamento “${uri}” não está registrado para ${client}.`,
  signedOut: 'Sessão encerrada',
  signedOutMessage: 'Você saiu. Este navegador não lembra mais o seu login.',
  signedOutInvalidRedirect: (uri, client) =>
    `O URI de redirecionamento “${uri}” não está registrado para ${client}. Você saiu.`,
  signedOutUnknownApplication: (id) => `O aplicativo “${id}” não está registrado. Você saiu.`,
};

export const SIGN_IN_WORDS: Readonly<Record<SignInLanguage, SignInWords>> = { en, es, de, ja, 'pt-BR': ptBR };

/**
 * How long until the next try, in words: seconds under a minute, else whole minutes rounded up (as
 * lockout.ts's `waitInWords`, which the English matches): "1 minute", "5 Minuten", "45秒".
 */
export function waitIn(language: SignInLanguage, seconds: number): string {
  const [count, forms] =
    seconds < 60
      ? [seconds, SIGN_IN_WORDS[language].seconds]
      : [Math.ceil(seconds / 60), SIGN_IN_WORDS[language].minutes];
  const number = new Intl.NumberFormat(language, { useGrouping: 'min2' }).format(count);
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form(number);
}
