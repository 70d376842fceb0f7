/** "Pohdintasi": every reflection and rewrite the learner has written, with its question, to find it again. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { CompiledCourse, Lang } from '../../content/schema';
import { formatDate, t } from '../../i18n';
import type { ProgressStore } from '../../storage/progress';
import { loadCourse } from '../content';
import { href } from '../router';
import { readingPath } from '../../course/navigation';
import { titleOf } from './LearningCards';
import { rulesOf } from '../../course/questions/registry';

interface Reflection {
  key: string;
  contentId: string;
  questionId: string;
  text: string;
  at: number;
}

export function ReflectionList({ store, lang }: { store: ProgressStore; lang: Lang }) {
  const [items, setItems] = useState<Reflection[]>([]);
  const [courses, setCourses] = useState<Record<string, CompiledCourse | null>>({});

  useEffect(() => {
    const subscription = liveQuery(async () => {
      const attempts = new Map((await store.allAttempts()).map((a) => [a.id, a]));
      const latest = new Map<string, Reflection>();
      for (const a of await store.db.answers.toArray()) {
        const attempt = attempts.get(a.attemptId);
        if (!attempt || a.context !== 'check' || !rulesOf(a.response.type).writing || !('text' in a.response) || !a.response.text.trim()) continue;
        const key = `${attempt.contentId}/${a.questionId}`;
        const known = latest.get(key);
        if (!known || known.at <= a.at) latest.set(key, { key, contentId: attempt.contentId, questionId: a.questionId, text: a.response.text, at: a.at });
      }
      return [...latest.values()].sort((a, b) => b.at - a.at);
    }).subscribe({ next: setItems, error: () => undefined });
    return () => subscription.unsubscribe();
  }, [store]);

  useEffect(() => {
    const missing = [...new Set(items.map((i) => i.contentId))].filter((id) => !(id in courses));
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (id) => [id, await loadCourse(id, lang).catch(() => null)] as const)).then((loaded) =>
      setCourses((known) => ({ ...known, ...Object.fromEntries(loaded) })),
    );
  }, [items, lang]);

  return (
    <>
      <h2>{t('my.reflections')}</h2>
      {items.length === 0 ? (
        <p>{t('my.noReflections')}</p>
      ) : (
        <ul class="reflection-list">
          {items.map((item) => {
            const course = courses[item.contentId];
            const question = course?.questions[item.questionId];
            const step = course && readingPath(course).find((s) => s.page.blocks.some((b) => b.type === 'quiz' && b.questions.includes(item.questionId)));
            return (
              <li key={item.key}>
                <p class="eyebrow">
                  {titleOf(item.contentId, lang)} · {formatDate(item.at)}
                </p>
                {question && <div class="reflection-prompt" dangerouslySetInnerHTML={{ __html: question.prompt }} />}
                <blockquote class="reflection-answer">{item.text}</blockquote>
                {course && step && (
                  <p class="small">
                    <a href={href({ name: 'page', courseId: course.id, moduleId: step.module.id, pageId: step.page.id })}>{t('my.reflectionPage', { title: step.page.title })}</a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
