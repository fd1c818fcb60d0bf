import { render } from 'preact';
import { App } from './app.js';
import { lang } from './i18n.js';

document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
render(<App />, document.getElementById('app')!);
