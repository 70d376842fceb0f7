/** A course: loads its content and the learner's session, then shows the right view inside. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/schema';
import { useCourse } from '../app/useCourse';
import { partsFor } from '../content/course-parts';
import { useOptionalStore } from '../app/context';
import type { Route } from '../app/router';
import { t } from '../i18n';
import { useCourseSession } from './useCourseSession';
import { CourseMenu } from './CourseMenu';
import { CourseIntro } from './CourseIntro';
import { PageView } from './PageView';
import { MessageView } from '../app/MessageView';
import { Lazy } from '../app/Lazy';

// A course page is what most learners open first: the test and the certificate load when opened.
const finalTest = () => import('./FinalTest');
const certificate = () => import('./Certificate');

type CourseRoute = Extract<Route, { courseId: string }>;

export function CourseView({ route, lang }: { route: CourseRoute; lang: Lang }) {
  const store = useOptionalStore();
  const course = useCourse(route.courseId, lang, partsFor(route));
  const session = useCourseSession(store, course && course !== 'missing' ? course : null);
  const [easy, setEasyState] = useState(false);
  useEffect(() => {
    void store?.getProfile().then((p) => setEasyState(Boolean(p.easy)), () => undefined);
  }, [store]);
  const setEasy = (on: boolean) => {
    setEasyState(on);
    void store?.saveProfile({ easy: on }).catch(() => undefined);
  };

  if (course === 'missing') return <MessageView title={t('course.notFound')} body={t('course.notFoundBody')} />;
  // Pages show as soon as the course is in; the test and certificate need the learner's progress.
  const needsProgress = route.name === 'test' || route.name === 'certificate';
  if (!course || (needsProgress && !session.state.loaded)) {
    return (
      <p class="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }

  const shownIn = course.lang !== lang ? course.lang : null;
  const pageRoute = route.name === 'page' ? route : null;
  const module = pageRoute && course.modules.find((m) => m.id === pageRoute.moduleId);
  const page = module?.pages.find((p) => p.id === pageRoute?.pageId);

  return (
    <div class="course-layout" lang={shownIn ?? undefined}>
      <CourseMenu course={course} session={session.state} route={route} />
      <div class="course-main">
        {shownIn && (
          <p class="notice notice-warning" lang={lang}>
            {t('language.notAvailable', { shown: t(`language.names.${shownIn}`) })}
          </p>
        )}
        {session.state.error && (
          <div class="notice notice-error" role="alert">
            <p>
              <strong>{t('storage.writeFailed')}</strong>{' '}
              {t(session.state.error.name === 'QuotaExceededError' ? 'storage.quotaBody' : 'storage.writeFailedBody')}
            </p>
            <p class="small">
              {session.state.error.name}: {session.state.error.message}
            </p>
            <div class="actions">
              {session.state.pendingWrites > 0 && (
                <button type="button" onClick={() => void session.retryFailed()}>
                  {t('storage.retry', { count: session.state.pendingWrites })}
                </button>
              )}
              <button type="button" class="secondary" onClick={session.clearError}>
                {t('app.close')}
              </button>
            </div>
          </div>
        )}
        {session.state.updatedFrom && (
          <div class="notice notice-warning" role="status">
            <p>{t('course.updated', { from: session.state.updatedFrom, to: course.version })}</p>
            <button type="button" class="secondary" onClick={() => void session.acknowledgeUpdate()}>
              {t('course.updatedOk')}
            </button>
          </div>
        )}
        {route.name === 'course' && <CourseIntro course={course} session={session.state} />}
        {route.name === 'page' &&
          (module && page ? (
            <PageView course={course} module={module} page={page} session={session} easy={easy} onEasy={setEasy} />
          ) : (
            <MessageView title={t('course.pageNotFound')} body={t('course.pageNotFoundBody')} />
          ))}
        {route.name === 'test' && <Lazy load={finalTest} render={(m) => <m.FinalTest course={course} session={session} />} />}
        {route.name === 'certificate' && <Lazy load={certificate} render={(m) => <m.Certificate course={course} session={session} />} />}
      </div>
    </div>
  );
}
