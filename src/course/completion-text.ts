/** The completion state in words, shared by the catalogue, My learning and every course screen. */
import { t } from '../i18n';
import type { CourseState } from './completion';

/** The test state in words ("Lopputesti hyväksytty"), or null for a course without a test. */
export function testStateText(state: CourseState): string | null {
  switch (state.test) {
    case 'none':
      return null;
    case 'failed':
      return state.triesLeft === Infinity ? t('completion.test.failed-unlimited') : t('completion.test.failed', { count: state.triesLeft });
    default:
      return t(`completion.test.${state.test}`);
  }
}

/** The sentence about missing pages, or null when no page is missing. */
export function pagesMessage(state: CourseState): string | null {
  const count = state.missingPageIds.length;
  if (count === 0) return null;
  return state.passedWithUnread ? t('completion.passedReadMore', { count }) : t('completion.pagesMissing', { count });
}
