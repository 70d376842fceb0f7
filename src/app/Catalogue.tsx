/** The catalogue: every course and game, with the learner's own status on each. */
import { useEffect, useState } from 'preact/hooks';
import type { CatalogueEntry, Lang } from '../content/schema';
import { catalogue } from './content';
import { useOptionalStore } from './context';
import { href, locationRoute } from './router';
import { useViewFocus } from './useViewFocus';
import { t } from '../i18n';
import { Icon } from './Icon';
import { courseState, type CourseState } from '../course/completion';
import { ruleOfEntry } from '../course/completion';
import { testStateText, pagesMessage } from '../course/completion-text';

interface Status {
  state: CourseState['status'];
  /** Courses only: the full state by the completion rule. */
  course?: CourseState;
  visited: number;
  location?: string;
  updatedAt: number;
}

export function Catalogue({ lang }: { lang: Lang }) {
  const heading = useViewFocus(t('catalogue.title'), 'catalogue');
  const store = useOptionalStore();
  // Null until local storage is open: the cards show first, the learner's status follows.
  const [statuses, setStatuses] = useState<Record<string, Status> | null>(null);

  useEffect(() => {
    let cancelled = false;
    if (!store) return;
    void (async () => {
      const result: Record<string, Status> = {};
      for (const entry of catalogue) {
        const attempt = await store.latestAttempt(entry.id);
        if (!attempt) continue;
        const visited = await store.visitedPages(attempt.id);
        const course =
          entry.kind === 'course'
            ? courseState(ruleOfEntry(entry), { visited, tries: attempt.tries, openTry: Boolean(attempt.openTry), storedCompleted: attempt.status === 'completed' })
            : undefined;
        result[entry.id] = {
          state: course?.status ?? attempt.status,
          course,
          visited: entry.pageIds.filter((id: string) => visited.has(id)).length,
          location: attempt.location,
          updatedAt: attempt.updatedAt,
        };
      }
      if (!cancelled) setStatuses(result);
    })();
    return () => {
      cancelled = true;
    };
  }, [store]);

  return (
    <section class="catalogue">
      <h1 tabIndex={-1} ref={heading}>
        {t('catalogue.title')}
      </h1>
      <p class="lead">{t('catalogue.lead')}</p>
      {statuses && <ContinuePanel statuses={statuses} lang={lang} />}
      {catalogue.length === 0 && <p>{t('catalogue.empty')}</p>}
      {(['course', 'game'] as const).map((kind) => {
        const entries = catalogue.filter((e) => e.kind === kind);
        if (entries.length === 0) return null;
        return (
          <section key={kind} class="catalogue-section" aria-labelledby={`catalogue-${kind}`}>
            <h2 id={`catalogue-${kind}`}>{t(`catalogue.section.${kind}`)}</h2>
            <ul class="cards">
              {entries.map((entry) => (
                <CatalogueCard key={entry.id} entry={entry} lang={lang} status={statuses ? (statuses[entry.id] ?? null) : undefined} />
              ))}
            </ul>
          </section>
        );
      })}
      <ToolsSection />
    </section>
  );
}

/** Tools beside the courses and games: today the plain-language checker. */
function ToolsSection() {
  return (
    <section class="tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading">{t('checker.toolsHeading')}</h2>
      <p>
        <a href={href({ name: 'checker' })}>{t('checker.title')}</a> – {t('checker.cardText')}
      </p>
    </section>
  );
}

/** `status` undefined: still loading; null: not started. */
function CatalogueCard({ entry, lang, status }: { entry: CatalogueEntry; lang: Lang; status?: Status | null }) {
  // Shown in the UI language when written in it; otherwise in the first language, marked as such.
  const textLang = entry.languages.includes(lang) ? lang : entry.languages[0]!;
  const title = entry.title[textLang] ?? entry.id;
  const description = entry.description[textLang] ?? '';
  const state = status?.state ?? 'not-started';
  const titleId = `card-${entry.id}`;
  const course = status?.course;
  const target = href(
    entry.kind === 'game'
      ? { name: 'game', gameId: entry.id }
      : state === 'in-progress'
        ? locationRoute(entry.id, status?.location)
        : { name: 'course', courseId: entry.id },
  );
  const action =
    entry.kind === 'game'
      ? t('catalogue.openGame')
      : state === 'not-started'
        ? t('catalogue.openCourse')
        : state === 'in-progress'
          ? t('course.continue')
          : t('catalogue.reviewCourse');
  const testText = course ? testStateText(course) : null;
  const missing = course ? pagesMessage(course) : null;
  return (
    <li class="card" aria-labelledby={titleId}>
      <p class="eyebrow">{t(`catalogue.kind.${entry.kind}`)}</p>
      <h3 id={titleId} lang={textLang !== lang ? textLang : undefined}>
        {title}
      </h3>
      <p lang={textLang !== lang ? textLang : undefined}>{description}</p>
      {/* A game has no status until it has been played; a course always shows where the learner is. */}
      {(entry.kind === 'course' || (status && state !== 'not-started')) && (
        <p class={`status status-${state}`}>
          <span class="visually-hidden">{t('catalogue.status')}: </span>
          {status !== undefined && <Icon name={state === 'completed' ? 'check' : state === 'in-progress' ? 'half' : 'circle'} />}{' '}
          {status === undefined ? t('catalogue.statusLoading') : t(`status.${state}`)}
          {state === 'in-progress' && entry.kind === 'course' && ` · ${t('catalogue.pagesSeen', { visited: status!.visited, total: entry.pageIds.length })}`}
          {state === 'in-progress' && testText && course?.test !== 'not-taken' && ` · ${testText}`}
        </p>
      )}
      {state === 'in-progress' && missing && course?.passedWithUnread && <p class="small completion-message">{missing}</p>}
      <p class="card-action">
        <a class="button" href={target} aria-describedby={titleId}>
          {action}
        </a>
      </p>
      <dl class="card-facts">
        <div>
          <dt>{t('course.duration')}</dt>
          <dd>{t('course.minutes', { count: entry.minutes })}</dd>
        </div>
        <div>
          <dt>{t('catalogue.languages')}</dt>
          <dd>{entry.languages.map((l) => t(`language.${l}`)).join(', ')}</dd>
        </div>
      </dl>
      {entry.easyPages && lang === 'fi' ? <p class="badge">{t('easy.badge', { count: entry.easyPages })}</p> : null}
    </li>
  );
}

/** "Continue where you left off": the most recently studied unfinished course, one click away. */
function ContinuePanel({ statuses, lang }: { statuses: Record<string, Status>; lang: Lang }) {
  const latest = Object.entries(statuses)
    .filter(([, s]) => s.state === 'in-progress')
    .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)[0];
  if (!latest) return null;
  const [id, status] = latest;
  const entry = catalogue.find((e) => e.id === id);
  if (!entry || entry.kind !== 'course') return null;
  return (
    <section class="continue-panel" aria-labelledby="continue-title">
      <h2 id="continue-title">{t('catalogue.continueTitle')}</h2>
      <p>
        {entry.title[lang] ?? entry.title[entry.languages[0]!]} –{' '}
        {t('catalogue.pagesSeen', { visited: status.visited, total: entry.pageIds.length })}
      </p>
      <a class="button" href={href(locationRoute(id, status.location))}>
        {t('course.continue')}
      </a>
    </section>
  );
}
