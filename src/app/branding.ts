/**
 * Build-time branding, read from the environment of `npm run build` and `npm run package` (Vite
 * passes every `VITE_*` variable to the app as `import.meta.env`). One place for the defaults:
 * the app reads them with `brandingFrom(import.meta.env)`, the packager prints what it used. The certificate shows `orgName`.
 */
export interface Branding {
  /** The organisation named as the issuer on certificates (`VITE_ORG_NAME`). */
  orgName: string;
  /** The feedback address of the accessibility statement (`VITE_FEEDBACK_EMAIL`). */
  feedbackEmail: string;
}

export const BRANDING_DEFAULTS: Branding = { orgName: 'Kohtaamo', feedbackEmail: 'avoinhallinto@gov.fi' };

/** Unset and empty variables both mean the default. */
export function brandingFrom(env: Record<string, unknown>): Branding & { defaults: (keyof Branding)[] } {
  const value = (name: string) => (typeof env[name] === 'string' ? (env[name] as string).trim() : '');
  const orgName = value('VITE_ORG_NAME');
  const feedbackEmail = value('VITE_FEEDBACK_EMAIL');
  return {
    orgName: orgName || BRANDING_DEFAULTS.orgName,
    feedbackEmail: feedbackEmail || BRANDING_DEFAULTS.feedbackEmail,
    defaults: [...(orgName ? [] : ['orgName' as const]), ...(feedbackEmail ? [] : ['feedbackEmail' as const])],
  };
}
