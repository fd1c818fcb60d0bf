import { t } from './i18n.js';

/** The as-of date control every analysis page carries: only facts published by that day count (empty: all). */
export function AsOfField({ value, onChange }: { value: string; onChange: (asOf: string) => void }) {
  return (
    <label title={t('asOfHint')}>{t('asOf')}
      <input type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}
