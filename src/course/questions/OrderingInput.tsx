/** Ordering by buttons, not by dragging: every move works by keyboard and is announced. */
import { useEffect, useRef } from 'preact/hooks';
import type { Html } from '../../content/schema';
import { t } from '../../i18n';
import { announce } from '../../app/announce';

interface Props {
  items: { id: string; html: Html }[];
  order: string[];
  disabled: boolean;
  onChange: (order: string[]) => void;
}

const plain = (html: string) => html.replace(/<[^>]*>/g, '');

export function OrderingInput({ items, order, disabled, onChange }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const byId = new Map(items.map((item) => [item.id, item]));

  useEffect(() => {
    // Keep focus on the button that was pressed, now on the item's new place.
    if (pendingFocus.current) list.current?.querySelector<HTMLButtonElement>(`[data-focus="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    const item = byId.get(order[index]!)!;
    const atEdge = target === 0 || target === order.length - 1;
    // At the edge the pressed button disappears, so focus moves to its pair.
    pendingFocus.current = `${item.id}-${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`;
    onChange(next);
    announce(t('question.moved', { item: plain(item.html), position: target + 1, count: order.length }));
  };

  return (
    <ol class="ordering" ref={list}>
      {order.map((id, index) => {
        const item = byId.get(id);
        if (!item) return null;
        const name = plain(item.html);
        return (
          <li key={id}>
            <span class="ordering-text" dangerouslySetInnerHTML={{ __html: item.html }} />
            {!disabled && (
              <span class="ordering-buttons">
                {index > 0 && (
                  <button type="button" data-focus={`${id}-up`} aria-label={t('question.moveUp', { item: name })} onClick={() => move(index, -1)}>
                    ↑ <span aria-hidden="true">{t('question.up')}</span>
                  </button>
                )}
                {index < order.length - 1 && (
                  <button type="button" data-focus={`${id}-down`} aria-label={t('question.moveDown', { item: name })} onClick={() => move(index, 1)}>
                    ↓ <span aria-hidden="true">{t('question.down')}</span>
                  </button>
                )}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
