/**
 * Ordering: drag an item by its handle with a mouse, a finger or a pen (pointer events), or move it
 * with the Up and Down buttons by keyboard. Every move is announced.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Html } from '../../../../content/schema';
import { t } from '../../../../i18n';
import { announce } from '../../../../app/announce';
import { Icon } from '../../../../app/Icon';

interface Props {
  items: { id: string; html: Html }[];
  order: string[];
  disabled: boolean;
  onChange: (order: string[]) => void;
}

const plain = (html: string) => html.replace(/<[^>]*>/g, '');

/** The order after moving the item at `from` to `to`. */
export function moveItem(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function OrderingInput({ items, order, disabled, onChange }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; from: number; to: number } | null>(null);
  const byId = new Map(items.map((item) => [item.id, item]));

  useEffect(() => {
    // Keep focus on the button that was pressed, now on the item's new place.
    if (pendingFocus.current) list.current?.querySelector<HTMLButtonElement>(`[data-focus="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const commit = (from: number, to: number) => {
    if (to === from) return;
    const item = byId.get(order[from]!)!;
    onChange(moveItem(order, from, to));
    announce(t('question.moved', { item: plain(item.html), position: to + 1, count: order.length }));
  };

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const item = byId.get(order[index]!)!;
    const atEdge = target === 0 || target === order.length - 1;
    // At the edge the pressed button disappears, so focus moves to its pair.
    pendingFocus.current = `${item.id}-${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`;
    commit(index, target);
  };

  /** The row under the pointer, in the order shown while dragging: the place the item would take. */
  const targetAt = (clientY: number): number => {
    const rows = [...(list.current?.children ?? [])] as HTMLElement[];
    if (rows.length === 0) return 0;
    if (clientY < rows[0]!.getBoundingClientRect().top) return 0;
    const index = rows.findIndex((row) => clientY < row.getBoundingClientRect().bottom);
    return index === -1 ? rows.length - 1 : index;
  };

  const dragHandlers = (id: string, index: number) => ({
    onPointerDown: (e: PointerEvent) => {
      if (disabled || e.button > 0) return;
      e.preventDefault();
      (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      setDrag({ id, from: index, to: index });
    },
    onPointerMove: (e: PointerEvent) => {
      if (!drag || drag.id !== id) return;
      const to = targetAt(e.clientY);
      if (to !== drag.to) setDrag({ ...drag, to });
    },
    onPointerUp: () => {
      if (!drag || drag.id !== id) return;
      setDrag(null);
      commit(drag.from, drag.to);
    },
    onPointerCancel: () => setDrag(null),
  });

  const shown = drag ? moveItem(order, drag.from, drag.to) : order;
  return (
    <ol class={`ordering${drag ? ' is-dragging' : ''}${disabled ? ' is-readonly' : ''}`} ref={list}>
      {shown.map((id) => {
        const item = byId.get(id);
        if (!item) return null;
        const index = order.indexOf(id);
        const name = plain(item.html);
        return (
          <li key={id} class={drag?.id === id ? 'is-dragged' : undefined} data-item={id}>
            {!disabled && (
              <span class="ordering-handle" title={t('question.dragHint')} {...dragHandlers(id, index)}>
                <Icon name="grip" />
              </span>
            )}
            <span class="ordering-text" dangerouslySetInnerHTML={{ __html: item.html }} />
            {!disabled && (
              <span class="ordering-buttons">
                {index > 0 && (
                  <button type="button" class="secondary" data-focus={`${id}-up`} aria-label={t('question.moveUp', { item: name })} onClick={() => move(index, -1)}>
                    <Icon name="arrow-up" /> <span aria-hidden="true">{t('question.up')}</span>
                  </button>
                )}
                {index < order.length - 1 && (
                  <button type="button" class="secondary" data-focus={`${id}-down`} aria-label={t('question.moveDown', { item: name })} onClick={() => move(index, 1)}>
                    <Icon name="arrow-down" /> <span aria-hidden="true">{t('question.down')}</span>
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
