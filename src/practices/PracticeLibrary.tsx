/**
 * The good-practice library: the shipped cards by theme, and cards a trainer writes here. Own
 * cards are stored on this device and can be downloaded as content files for content/practices/.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { practiceLoaders } from 'virtual:kohtaamo/catalogue';
import type { PracticeCard } from '../content/practice-compiler';
import { PRACTICE_THEMES, type Lang } from '../content/constants';
import { announce } from '../app/announce';
import { useStore } from '../app/context';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { newId, type OwnPractice } from '../storage/db';
import { practiceYaml } from './export';
import { PracticeCardView } from './PracticeCardView';

type Theme = (typeof PRACTICE_THEMES)[number];

export function PracticeLibrary({ lang }: { lang: Lang }) {
  const heading = useViewFocus(t('library.title'), 'practices');
  const store = useStore();
  const [cards, setCards] = useState<PracticeCard[] | null>(null);
  const [own, setOwn] = useState<OwnPractice[]>([]);
  const [theme, setTheme] = useState<Theme | 'all'>('all');
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void (practiceLoaders[lang]?.() ?? Promise.resolve({ default: [] })).then((m) => setCards(m.default));
    const sub = liveQuery(() => store.db.ownPractices.orderBy('updatedAt').reverse().toArray()).subscribe({ next: setOwn, error: console.error });
    return () => sub.unsubscribe();
  }, [lang, store]);

  const ownCards: (PracticeCard & { own: OwnPractice })[] = own.map((o) => ({
    id: o.id,
    theme: o.theme,
    title: o.title,
    what: paragraphs(o.what),
    achieved: paragraphs(o.achieved),
    next: paragraphs(o.next),
    more: o.link ? [o.link] : [],
    own: o,
  }));
  const all = [...ownCards, ...(cards ?? [])];
  const shown = all.filter((c) => theme === 'all' || c.theme === theme);
  const count = (th: Theme) => all.filter((c) => c.theme === th).length;

  const download = (card: OwnPractice) => {
    const file = practiceYaml(card);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/yaml' }));
    link.download = file.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <section class="library">
      <h1 tabIndex={-1} ref={heading}>
        {t('library.title')}
      </h1>
      <p class="lead">{t('library.lead')}</p>
      <fieldset class="theme-filter">
        <legend>{t('library.filter')}</legend>
        <label class="inline">
          <input type="radio" name="theme" checked={theme === 'all'} onChange={() => setTheme('all')} /> {t('library.allThemes', { count: all.length })}
        </label>
        {PRACTICE_THEMES.map((th) => (
          <label class="inline" key={th}>
            <input type="radio" name="theme" checked={theme === th} onChange={() => setTheme(th)} /> {t(`practice.theme.${th}`)} ({count(th)})
          </label>
        ))}
      </fieldset>
      <div class="actions">
        {adding ? null : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('library.add')}
          </button>
        )}
      </div>
      {adding && (
        <PracticeForm
          lang={lang}
          onCancel={() => setAdding(false)}
          onSave={async (card) => {
            await store.db.ownPractices.put(card);
            setAdding(false);
            announce(t('library.saved'));
          }}
        />
      )}
      <p role="status" class="small">
        {t('library.showing', { count: shown.length })}
      </p>
      {cards === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <ul class="practice-list">
          {shown.map((card) => (
            <li key={card.id}>
              <PracticeCardView
                card={card}
                extra={
                  'own' in card ? (
                    <div class="actions">
                      <span class="badge">{t('library.ownBadge')}</span>
                      <button type="button" class="secondary" onClick={() => download((card as { own: OwnPractice }).own)}>
                        {t('library.download')}
                        <span class="visually-hidden">: {card.title}</span>
                      </button>
                      <button type="button" class="secondary" onClick={() => void store.db.ownPractices.delete(card.id).then(() => announce(t('library.deleted')))}>
                        {t('library.delete')}
                        <span class="visually-hidden">: {card.title}</span>
                      </button>
                    </div>
                  ) : undefined
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A trainer's plain text as safe paragraphs (no Markdown parser in the browser). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('');

type Field = 'title' | 'what' | 'achieved' | 'next' | 'linkUrl';

function PracticeForm({ lang, onSave, onCancel }: { lang: Lang; onSave: (card: OwnPractice) => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = useState({ theme: 'participation' as Theme, title: '', what: '', achieved: '', next: '', linkTitle: '', linkUrl: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (key: keyof typeof draft) => (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
  const field = (key: Field, label: string, multiline = true) => (
    <div class="field">
      <label for={`practice-${key}`}>{label}</label>
      {multiline ? (
        <textarea id={`practice-${key}`} rows={3} value={draft[key]} onInput={set(key)} aria-invalid={errors[key] ? 'true' : undefined} aria-describedby={errors[key] ? `practice-${key}-error` : undefined} />
      ) : (
        <input id={`practice-${key}`} type={(key === 'linkUrl' ? 'url' : 'text') as 'text'} value={draft[key]} onInput={set(key)} aria-invalid={errors[key] ? 'true' : undefined} aria-describedby={errors[key] ? `practice-${key}-error` : undefined} />
      )}
      {errors[key] && (
        <p id={`practice-${key}-error`} class="field-error">
          {errors[key]}
        </p>
      )}
    </div>
  );
  return (
    <form
      class="practice-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found: Partial<Record<Field, string>> = {};
        for (const key of ['title', 'what', 'achieved', 'next'] as const) if (!draft[key].trim()) found[key] = t('library.required');
        if (draft.linkUrl && !/^https:\/\/\S+$/.test(draft.linkUrl.trim())) found.linkUrl = t('library.badUrl');
        setErrors(found);
        const first = Object.keys(found)[0];
        if (first) {
          document.getElementById(`practice-${first}`)?.focus();
          return;
        }
        const now = Date.now();
        void onSave({
          id: newId(),
          lang,
          theme: draft.theme,
          title: draft.title.trim(),
          what: draft.what.trim(),
          achieved: draft.achieved.trim(),
          next: draft.next.trim(),
          link: draft.linkUrl.trim() ? { title: draft.linkTitle.trim() || draft.linkUrl.trim(), url: draft.linkUrl.trim() } : undefined,
          createdAt: now,
          updatedAt: now,
        });
      }}
    >
      <h2>{t('library.formTitle')}</h2>
      <div class="field">
        <label for="practice-theme">{t('library.theme')}</label>
        <select id="practice-theme" value={draft.theme} onChange={set('theme')}>
          {PRACTICE_THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`practice.theme.${th}`)}
            </option>
          ))}
        </select>
      </div>
      {field('title', t('library.cardTitle'), false)}
      {field('what', t('practice.what'))}
      {field('achieved', t('practice.achieved'))}
      {field('next', t('practice.next'))}
      <div class="field">
        <label for="practice-linkTitle">{t('library.linkTitle')}</label>
        <input id="practice-linkTitle" type="text" value={draft.linkTitle} onInput={set('linkTitle')} />
      </div>
      {field('linkUrl', t('library.linkUrl'), false)}
      <div class="actions">
        <button type="submit">{t('library.save')}</button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('library.cancel')}
        </button>
      </div>
    </form>
  );
}
