/** Saavutettavuusseloste: the accessibility statement required by Act 306/2019, in every UI language. */
import { t } from '../i18n';
import { useViewFocus } from './useViewFocus';
import { brandingFrom } from './branding';

/** The feedback channel; an organisation deploying Kohtaamo sets its own at build time. */
const FEEDBACK_EMAIL = brandingFrom(import.meta.env).feedbackEmail;
const UPDATED = new Date('2026-11-23');

export function AccessibilityStatement() {
  const heading = useViewFocus(t('a11y.title'), 'accessibility');
  const gaps = t('a11y.gaps', { returnObjects: true }) as unknown as string[];
  return (
    <article class="statement">
      <h1 tabIndex={-1} ref={heading}>
        {t('a11y.title')}
      </h1>
      <p class="lead">{t('a11y.intro')}</p>
      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>
      <h2>{t('a11y.gapsTitle')}</h2>
      <ul>
        {(Array.isArray(gaps) ? gaps : []).map((gap) => (
          <li key={gap}>{gap}</li>
        ))}
      </ul>
      <h2>{t('a11y.assessmentTitle')}</h2>
      <p>{t('a11y.assessment', { date: new Intl.DateTimeFormat(document.documentElement.lang || 'fi').format(UPDATED) })}</p>
      <h2>{t('a11y.feedbackTitle')}</h2>
      <p>
        {t('a11y.feedback')} <a href={`mailto:${FEEDBACK_EMAIL}`}>{FEEDBACK_EMAIL}</a>
      </p>
      <p>{t('a11y.feedbackTime')}</p>
      <h2>{t('a11y.authorityTitle')}</h2>
      <p>{t('a11y.authority')}</p>
      <p>
        <a href="https://www.saavutettavuusvaatimukset.fi" target="_blank" rel="noopener noreferrer">
          www.saavutettavuusvaatimukset.fi
          <span class="visually-hidden"> {t('block.newWindow')}</span>
        </a>
      </p>
    </article>
  );
}
