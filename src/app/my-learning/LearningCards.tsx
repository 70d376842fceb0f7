/**
 * My learning's courses and games: a card each (readable on a phone, no cut-off table), with the
 * same status as every other screen. Games link to the game, never to a course view.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../content/schema';
import { formatDateTime, formatMinutes, t } from '../../i18n';
import type { Attempt } from '../../storage/db';
import type { ProgressStore } from '../../storage/progress';
import { bestTry, courseState, ruleOfEntry, type CourseState } from '../../course/completion';
import { pagesMessage, testStateText } from '../../course/completion-text';
import { Icon } from '../Icon';
import { findEntry } from '../content';
import { href, locationRoute } from '../router';

export function titleOf(contentId: string, lang: Lang): string {
  const entry = findEntry(contentId);
  return entry?.title[lang] ?? entry?.title[entry.languages[0]!] ?? contentId;
}

export function LearningCards({ attempts, store, lang }: { attempts: Attempt[]; store: ProgressStore; lang: Lang }) {
  const [visits, setVisits] = useState<Record<string, Set<string>>>({});
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const out: Record<string, Set<string>> = {};
      for (const a of attempts) if (findEntry(a.contentId)?.kind !== 'game') out[a.id] = await store.visitedPages(a.id);
      return out;
    }).subscribe({ next: setVisits, error: () => undefined });
    return () => subscription.unsubscribe();
  }, [attempts, store]);

  return (
    <ul class="learning-cards">
      {attempts.map((a) => (
        <LearningCard key={a.id} attempt={a} visited={visits[a.id]} lang={lang} />
      ))}
    </ul>
  );
}

function LearningCard({ attempt: a, visited, lang }: { attempt: Attempt; visited: Set<string> | undefined; lang: Lang }) {
  const entry = findEntry(a.contentId);
  const isGame = entry?.kind === 'game';
  const best = bestTry(a.tries);
  const state: CourseState | null =
    entry && !isGame && visited
      ? courseState(ruleOfEntry(entry), { visited, tries: a.tries, openTry: Boolean(a.openTry), storedCompleted: a.status === 'completed' })
      : null;
  const status = state?.status ?? a.status;
  const link = isGame ? href({ name: 'game', gameId: a.contentId }) : href(status === 'in-progress' ? locationRoute(a.contentId, a.location) : { name: 'course', courseId: a.contentId });
  const testText = state ? testStateText(state) : null;
  const missing = state ? pagesMessage(state) : null;
  const titleId = `my-${a.id}`;
  return (
    <li class="learning-card" aria-labelledby={titleId}>
      <p class="eyebrow">{t(`catalogue.kind.${isGame ? 'game' : 'course'}`)}</p>
      <h3 id={titleId}>
        <a href={link}>{titleOf(a.contentId, lang)}</a>
      </h3>
      <p class={`status status-${status}`}>
        {status === 'completed' && <Icon name="check" />} {isGame && status === 'completed' ? t('my.played') : t(`status.${status}`)}
        {state && status === 'in-progress' && ` · ${t('catalogue.pagesSeen', { visited: state.visitedCount, total: state.totalPages })}`}
      </p>
      {testText && status !== 'completed' && <p class="small">{testText}</p>}
      {missing && <p class="completion-message">{missing}</p>}
      <dl class="card-facts">
        {best && (
          <div>
            <dt>{t('my.col.score')}</dt>
            <dd>{t('my.scoreValue', { percent: best.percent, count: a.tries.length })}</dd>
          </div>
        )}
        {!isGame && (
          <div>
            <dt>{t('my.col.time')}</dt>
            <dd>{formatMinutes(a.timeSpentMs)}</dd>
          </div>
        )}
        <div>
          <dt>{t('my.col.dates')}</dt>
          <dd>
            {t('my.started', { date: formatDateTime(a.startedAt) })}
            <br />
            {a.finishedAt ? t(isGame ? 'my.playedOn' : 'my.finished', { date: formatDateTime(a.finishedAt) }) : t('my.lastActive', { date: formatDateTime(a.updatedAt) })}
          </dd>
        </div>
        <div>
          <dt>{t('my.col.version')}</dt>
          <dd>{a.contentVersion}</dd>
        </div>
      </dl>
    </li>
  );
}
