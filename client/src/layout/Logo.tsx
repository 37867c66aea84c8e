/** The Hatchery mark: an egg with a crack, on the brand colour. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="var(--brand)" />
      <path d="M16 6c-4.6 0-8 6.2-8 11.2C8 22 11.6 26 16 26s8-4 8-8.8C24 12.2 20.6 6 16 6z" fill="#fde68a" />
      <path d="M9.2 17.5l3.2-2.4 2.4 2.4 2.6-2.6 2.4 2.4 3-2.2" fill="none" stroke="var(--brand)" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
