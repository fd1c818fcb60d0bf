// Models A and B of issue 3, verbatim, with a final record naming the outputs.
// Squiggle writes the clip as SampleSet.max(x, 1M).

export const MODEL_A = `ios = 11M to 13M; android = 2.5M to 3.5M; price = 19.99;
subs = (ios + android) / price; annual = subs * price * 12
{subs, annual}`;

export const MODEL_B = `cash = 1.2B to 1.8B; monthly_burn = 80M to 150M;
revenue0 = 5M to 15M; growth = normal(0.08, 0.03); growth_factor = 1 +
growth; g12 = growth_factor ^ 12; revenue12 = revenue0 * g12; net_burn0 =
monthly_burn - revenue0; net_burn12 = monthly_burn - revenue12;
net_burn12_pos = max(net_burn12, 1M); runway_months = cash /
net_burn12_pos; net_burn0_pos = max(net_burn0, 1M); runway_now = cash /
net_burn0_pos; arr0 = revenue0 * 12; arr12 = revenue12 * 12; annual_burn =
monthly_burn * 12; avg_net_burn = (net_burn0 + net_burn12) / 2;
cash_after_12 = cash - avg_net_burn * 12; coverage12 = revenue12 /
monthly_burn; survival_24m = 1 - cdf(runway_months, 24); default_alive =
cdf(net_burn12, 0)
{runway_months, survival_24m, default_alive}`;

export const SOURCES = {
  A: { shakeout: MODEL_A, squiggle: MODEL_A },
  B: { shakeout: MODEL_B, squiggle: MODEL_B.replace(/\bmax\(/g, 'SampleSet.max(') },
};

/** The summaries every runner computes for each distribution output. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
