// What a signed-out visitor sees at `/`: what Horizon is, in one screen, with a way in. Static:
// no data, no client code, so it costs the server nothing and shows before any sign-in.
import Link from 'next/link';

const POINTS: { title: string; text: string }[] = [
  {
    title: 'Upload a CSV',
    text: 'Wide or long files; dates, frequency and gaps are detected, and the preview shows exactly what is stored.',
  },
  {
    title: 'Train and compare',
    text: 'LSTMs are backtested on rolling windows beside ETS, AutoARIMA, MSTL and the naive baselines; the best one is named.',
  },
  {
    title: 'Forecast with intervals',
    text: '80% and 95% intervals calibrated on the backtest errors, as a chart, a table and downloads.',
  },
  {
    title: 'Yours, self-hosted',
    text: 'Runs on your own machine with PostgreSQL and Redis; schedules retrain as new data arrives.',
  },
];

export function LandingPage() {
  return (
    <div className="landing" data-testid="landing">
      <section className="landing-hero" aria-labelledby="landing-title">
        <h1 id="landing-title">Forecast your time series, and know whether to trust it</h1>
        <p className="landing-lead">
          Horizon is a self-hosted forecasting dashboard: upload a CSV, train LSTM forecasters and classical models, and
          see honestly which one predicts your series best.
        </p>
        <div className="landing-actions">
          <Link href="/sign-up" className="btn btn-primary">
            Create an account
          </Link>
          <Link href="/sign-in" className="btn btn-secondary">
            Sign in
          </Link>
        </div>
      </section>
      <ul className="landing-points">
        {POINTS.map((p) => (
          <li key={p.title}>
            <h2>{p.title}</h2>
            <p className="muted">{p.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
