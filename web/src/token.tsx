import { useState } from 'preact/hooks';
import { TOKEN_KEY } from './api.js';
import { t } from './i18n.js';

/** The token a write form asks for: what this tab kept, and remember() to keep what was typed. */
export function useToken() {
  const [token, setToken] = useState(globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? '');
  const remember = () => {
    if (token) globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
  };
  return { token, setToken, remember };
}

/** The token field of every write form. */
export function TokenField({ token, setToken }: { token: string; setToken: (v: string) => void }) {
  return <label>{t('token')}<input type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} name="token" autocomplete="off" /></label>;
}
