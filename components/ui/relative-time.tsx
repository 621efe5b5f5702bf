import { formatLocalTime, formatRelative } from '@/lib/client/format';

/** "5 minutes ago", with the exact local time on hover and in the markup. */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatLocalTime(value)}>
      {formatRelative(value)}
    </time>
  );
}
