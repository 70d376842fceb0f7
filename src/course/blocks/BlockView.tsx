/** Renders one compiled content block. All HTML was sanitised at build time. */
import type { Block, CompiledCourse } from '../../content/schema';
import { t } from '../../i18n';
import type { CourseSession } from '../useCourseSession';
import { Lazy } from '../../app/Lazy';
import { PracticeCardView } from '../../practices/PracticeCardView';
import { Icon } from '../../app/Icon';
import { noBreakCompoundsHtml } from '../typography';

// Most pages ask nothing: the questions' code comes with the first page that does.
const loadKnowledgeCheck = () => import('../questions/KnowledgeCheck');

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: noBreakCompoundsHtml(html) }} />;

export function BlockView({ block, course, session }: { block: Block; course: CompiledCourse; session: CourseSession }) {
  switch (block.type) {
    case 'text':
      return <Html class="text" html={block.html} />;
    case 'image':
      return (
        <figure class="image">
          <img src={block.src} alt={block.alt} loading="lazy" decoding="async" />
          {block.caption && <figcaption dangerouslySetInnerHTML={{ __html: block.caption }} />}
        </figure>
      );
    case 'callout':
      return (
        <aside class={`callout callout-${block.kind}`} aria-label={block.title ?? t(`block.callout.${block.kind}`)}>
          <p class="callout-title">
            <Icon name={block.kind === 'tip' ? 'tip' : block.kind === 'warning' ? 'warning' : 'info'} />{' '}
            {block.title ?? t(`block.callout.${block.kind}`)}
          </p>
          <Html html={block.html} />
        </aside>
      );
    case 'readmore':
      return (
        <details class="readmore">
          <summary>
            <Icon name="chevron-down" class="readmore-chevron" />
            <span>{block.title}</span>
          </summary>
          <Html html={block.html} />
        </details>
      );
    case 'keypoints':
      return (
        <section class="keypoints" aria-label={block.title ?? t('block.keypoints')}>
          <h2>{block.title ?? t('block.keypoints')}</h2>
          <ul>
            {block.points.map((p, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: noBreakCompoundsHtml(p) }} />
            ))}
          </ul>
        </section>
      );
    case 'quote':
      return (
        <figure class="quote">
          <blockquote dangerouslySetInnerHTML={{ __html: block.html }} />
          {block.source && <figcaption>{block.source}</figcaption>}
        </figure>
      );
    case 'links':
      return (
        <nav class="links" aria-label={block.title ?? t('block.links')}>
          <h2>{block.title ?? t('block.links')}</h2>
          <ul>
            {block.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                  <span class="visually-hidden"> {t('block.newWindow')}</span>
                </a>
                {link.description && <span class="link-description"> – {link.description}</span>}
              </li>
            ))}
          </ul>
        </nav>
      );
    case 'practice':
      return <PracticeCardView card={{ ...block, id: block.ref ?? block.title }} />;
    case 'quiz':
      return (
        <section class="quiz">
          <h2>{block.title ?? t('check.title')}</h2>
          <Lazy
            load={loadKnowledgeCheck}
            render={({ KnowledgeCheck }) =>
              block.questions.map((id, i) => (
                <KnowledgeCheck
                  key={id}
                  question={course.questions[id]!}
                  stored={session.state.checkAnswers[id]}
                  onCheck={(response) => session.answerCheck(id, response)}
                  tries={session.state.checkTries[id] ?? 0}
                  index={i}
                  count={block.questions.length}
                  draftScope={course.id}
                />
              ))
            }
          />
        </section>
      );
  }
}
