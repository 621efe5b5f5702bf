// How many series reached each level of skill (1 - MASE(champion) / MASE(seasonal naive)): plain
// SVG bars, like the sparkline, since it is a handful of rectangles.
import { skillBinLabel, skillHistogram } from '@/lib/client/batches';
import { skillText } from '@/lib/client/evaluation';

const WIDTH = 480;
const HEIGHT = 140;
const AXIS = 18;

export function SkillHistogram({ skills }: { skills: readonly (number | null)[] }) {
  const bins = skillHistogram(skills);
  if (bins.length === 0) return <p className="muted">No series has a skill yet.</p>;
  const most = Math.max(...bins.map((bin) => bin.count));
  const barWidth = WIDTH / bins.length;
  return (
    <figure className="stack" data-testid="skill-histogram">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        width={WIDTH}
        height={HEIGHT + AXIS}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label="Histogram of skill across series"
      >
        {bins.map((bin, i) => {
          const height = (bin.count / most) * (HEIGHT - 4);
          const label = skillBinLabel(bin);
          return (
            <g key={i}>
              <rect
                x={i * barWidth + 1}
                y={HEIGHT - height}
                width={Math.max(1, barWidth - 2)}
                height={height}
                fill={bin.from >= 0 ? 'var(--success, #2e7d32)' : 'var(--danger, #c62828)'}
              >
                <title>{label}</title>
              </rect>
              {(bins.length <= 12 || i % Math.ceil(bins.length / 12) === 0) && (
                <text
                  x={i * barWidth + barWidth / 2}
                  y={HEIGHT + 13}
                  fontSize="10"
                  textAnchor="middle"
                  fill="currentColor"
                >
                  {skillText(bin.from)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Skill of each series&apos; champion over seasonal naive, as in the table of series; right of 0 (green) the
        champion beats repeating the last season.
      </figcaption>
    </figure>
  );
}
