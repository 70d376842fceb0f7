/**
 * Small inline SVG icons: locked-down desktops often lack an emoji font, so no emoji or rare glyphs.
 * Decorative by default (aria-hidden); the text beside an icon carries its meaning.
 */
export type IconName = 'check' | 'cross' | 'circle' | 'half' | 'chevron-down' | 'chevron-up' | 'tip' | 'warning' | 'info' | 'arrow-right' | 'arrow-left' | 'arrow-up' | 'arrow-down' | 'grip';

const PATHS: Record<IconName, string> = {
  check: 'M3.5 8.5l3 3 6-7',
  cross: 'M4 4l8 8M12 4l-8 8',
  circle: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11z',
  half: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11zM8 2.5v11',
  'chevron-down': 'M3.5 6l4.5 4.5L12.5 6',
  'chevron-up': 'M3.5 10l4.5-4.5L12.5 10',
  tip: 'M8 1.8a4.2 4.2 0 0 0-2.4 7.6V11h4.8V9.4A4.2 4.2 0 0 0 8 1.8zM6 13.2h4M6.6 14.8h2.8',
  warning: 'M8 1.8L1.5 13.8h13zM8 6v3.8M8 11.6v.4',
  info: 'M8 1.8a6.2 6.2 0 1 0 0 12.4a6.2 6.2 0 1 0 0-12.4zM8 7v4.5M8 4.6v.4',
  'arrow-right': 'M2.5 8h10.5M9 4l4 4-4 4',
  'arrow-left': 'M13.5 8H3M7 4L3 8l4 4',
  'arrow-up': 'M8 13.5V3M4 7l4-4 4 4',
  'arrow-down': 'M8 2.5V13M4 9l4 4 4-4',
  grip: 'M5.5 4h.01M10.5 4h.01M5.5 8h.01M10.5 8h.01M5.5 12h.01M10.5 12h.01',
};

export function Icon({ name, class: cls }: { name: IconName; class?: string }) {
  return (
    <svg
      class={`icon icon-${name}${cls ? ` ${cls}` : ''}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width={name === 'grip' ? 2.6 : 1.8}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
