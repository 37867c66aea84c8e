/** Initials for a name: "Chen Yu" → "CY", "陈宇 Chen Yu" → "CY", "李娜" → "李". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const latin = words.filter((w) => /^[\p{Script=Latin}]/u.test(w));
  if (latin.length > 0) {
    const first = latin[0]!.charAt(0);
    const last = latin.length > 1 ? latin[latin.length - 1]!.charAt(0) : '';
    return (first + last).toUpperCase();
  }
  const firstChar = Array.from(name.trim())[0];
  return firstChar ?? '?';
}

/** A stable hue per person, so the same person keeps the same colour everywhere. */
function hueOf(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % 360;
}

export function Avatar({ name, seed, size = 'md', square = false }: { name: string; seed: string; size?: 'sm' | 'md' | 'lg' | 'xl'; square?: boolean }) {
  const hue = hueOf(seed);
  return (
    <span
      className={`avatar avatar--${size}${square ? ' avatar--square' : ''}`}
      style={{ background: `hsl(${hue} 70% 92%)`, color: `hsl(${hue} 55% 32%)` }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
