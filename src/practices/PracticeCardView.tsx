/** One good-practice card: the four questions of the open-government good-practice pages. */
import type { PracticeCard } from '../content/practice-compiler';
import { t } from '../i18n';

const Html = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;

export function PracticeCardView({ card, headingLevel = 2, extra }: { card: PracticeCard; headingLevel?: 2 | 3; extra?: preact.ComponentChildren }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <article class="practice">
      <p class="practice-theme">
        {t('practice.label')} · {t(`practice.theme.${card.theme}`)}
      </p>
      <H>{card.title}</H>
      {card.stage === 'plan' && <p class="practice-stage">{t('practice.planLabel')}</p>}
      <Sub>{t('practice.what')}</Sub>
      <Html html={card.what} />
      <Sub>{t(card.stage === 'plan' ? 'practice.planned' : 'practice.achieved')}</Sub>
      <Html html={card.achieved} />
      <Sub>{t('practice.next')}</Sub>
      <Html html={card.next} />
      {card.more.length > 0 && (
        <>
          <Sub>{t('practice.more')}</Sub>
          <ul>
            {card.more.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                  <span class="visually-hidden"> {t('block.newWindow')}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {extra}
    </article>
  );
}
