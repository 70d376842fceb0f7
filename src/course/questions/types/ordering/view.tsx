import { t } from '../../../../i18n';
import { Icon } from '../../../../app/Icon';
import type { QuestionTypeView } from '../../question-view';
import { Html } from '../../view-parts';
import { OrderingInput } from './OrderingInput';
import type { OrderingQuestion, OrderingResponse } from './rules';
import type { ViewsByType } from '../../view-registry.ts';

export const orderingView: QuestionTypeView<OrderingQuestion, OrderingResponse> = {
  Input: ({ question, response, onChange, reviewing }) => (
    <OrderingInput items={question.items} order={response?.order ?? []} disabled={reviewing} onChange={(order) => onChange({ type: 'ordering', order })} />
  ),
  Details: ({ question, response }) => {
    const order = response?.order ?? [];
    return (
      <div class="option-feedback">
        <p class="feedback-heading">{t('feedback.correctOrder')}</p>
        <ol>
          {question.items.map((item, i) => (
            <li key={item.id}>
              <span dangerouslySetInnerHTML={{ __html: item.html }} />{' '}
              <span class="tag">
                <Icon name={order[i] === item.id ? 'check' : 'cross'} /> {order[i] === item.id ? t('feedback.rightPlace') : t('feedback.wrongPlace', { position: order.indexOf(item.id) + 1 })}
              </span>
              {item.feedback && <Html html={item.feedback} />}
            </li>
          ))}
        </ol>
      </div>
    );
  },
  texts: { answerFirst: 'test.orderFirst' },
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { ordering: orderingView } satisfies Partial<ViewsByType>;
