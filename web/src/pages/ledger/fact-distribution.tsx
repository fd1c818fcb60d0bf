import { useEffect, useState } from 'preact/hooks';
import { api, query, type FactDistribution } from '../../api.js';
import { Chart } from '../../chart.js';
import { formatValue } from '../../format.js';
import { histogramOption, pointOption } from '../../histogram-option.js';
import { lang, t } from '../../i18n.js';

/**
 * A picture of a fact's distribution as the engine reads it (the server's
 * draws, with their seed and count): a histogram for a figure with a spread,
 * one mark for an exact figure. Nothing is drawn until the server answers,
 * and nothing when it cannot (the panel's interval still says the spread).
 */
export function FactDistributionChart(props: { id: string; asOf: string; label: string }) {
  const [d, setD] = useState<FactDistribution | null>(null);
  useEffect(() => {
    setD(null);
    api.get<FactDistribution>(`/api/facts/${encodeURIComponent(props.id)}/distribution${query({ asOf: props.asOf })}`).then(setD, () => setD(null));
  }, [props.id, props.asOf]);
  if (!d) return null;
  const unit = { unit: d.unit, per: d.per };
  const name = `${t('distributionOf')} ${props.label}`;
  const share = (n: number) => formatValue(n / d.sampleCount, { unit: 'percent', per: null });
  const count = new Intl.NumberFormat(lang.value === 'zh' ? 'zh-CN' : 'en-US').format(d.sampleCount);
  return (
    <figure class="fact-distribution" data-testid="fact-distribution" data-family={d.family}>
      {d.point !== null || !d.histogram
        ? <Chart option={pointOption(name, d.point ?? d.p50, unit)} label={name} />
        : <Chart option={histogramOption(name, d.histogram, unit)} label={name} />}
      <figcaption>
        {d.point !== null || !d.histogram
          ? t('exactValueNote')
          : `${count}${t('distributionDraws')} ${String(d.seed)}${t('clauseSep')}${t('distributionTails')} ${share(d.histogram.below)} / ${share(d.histogram.above)}`}
      </figcaption>
    </figure>
  );
}
