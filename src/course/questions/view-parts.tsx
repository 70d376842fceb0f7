/** Pieces several question views share. */
import { t } from '../../i18n';
import { Icon } from '../../app/Icon';

export const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

/** After checking, the chosen option keeps full contrast and says whether it was right. */
export function ChosenMark({ correct }: { correct: boolean }) {
  return (
    <span class="chosen-mark">
      {' '}
      <Icon name={correct ? 'check' : 'cross'} />
      <span class="visually-hidden">
        {' '}
        {t(correct ? 'question.chosenRight' : 'question.chosenWrong')}
      </span>
    </span>
  );
}
