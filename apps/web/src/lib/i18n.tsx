import { createContext, ReactNode, useCallback, useContext } from 'react';
import { en, MessageKey, Messages } from '../locales/en';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; unknown placeholders stay visible so mistakes show. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translator(messages: Messages): Translate {
  return (key, params) => format(messages[key] ?? key, params);
}

const I18nContext = createContext<Translate>(translator(en));

/** Every UI string goes through here; other languages plug in a catalogue with the same keys. */
export function I18nProvider({ messages = en, children }: { messages?: Messages; children: ReactNode }) {
  const t = useCallback<Translate>((key, params) => translator(messages)(key, params), [messages]);
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext);
}
