/** "My learning": attempts, scores, certificates and time, plus export, import and deletion. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../content/schema';
import { formatDate, t } from '../i18n';
import type { Attempt, Certificate } from '../storage/db';
import { isPersisted, requestPersistence } from '../storage/progress';
import { LearningCards, titleOf as titleOfEntry } from './my-learning/LearningCards';
import { ReflectionList } from './my-learning/ReflectionList';
import { announce } from './announce';
import { catalogue, findEntry } from './content';
import { useStore } from './context';
import { href } from './router';
import { useViewFocus } from './useViewFocus';

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function MyLearning({ lang }: { lang: Lang }) {
  const heading = useViewFocus(t('my.title'), 'my-learning');
  const store = useStore();
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [certificates, setCertificates] = useState<Certificate[]>([]);
  const [persisted, setPersisted] = useState<boolean | 'unsupported' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const subscription = liveQuery(async () => [await store.allAttempts(), await store.certificates()] as const).subscribe({
      next: ([a, c]) => {
        setAttempts(a);
        setCertificates(c);
      },
      error: (e) => setMessage({ kind: 'error', text: String(e) }),
    });
    void isPersisted().then(setPersisted);
    return () => subscription.unsubscribe();
  }, [store]);

  const say = (m: Message) => {
    setMessage(m);
    if (m) announce(m.text);
  };
  const titleOf = (contentId: string) => titleOfEntry(contentId, lang);
  // A game gives no certificate (none of the shipped games' content asks for one).
  const courseCertificates = certificates.filter((c) => findEntry(c.contentId)?.kind !== 'game');

  const exportAll = async () => {
    const { exportProgress } = await import('../storage/transfer');
    const file = await exportProgress(store.db);
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `kohtaamo-edistyminen-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say({ kind: 'ok', text: t('my.exported') });
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const { mergeProgress, ImportRefused } = await import('../storage/transfer');
    const { checkImport } = await import('./import-check');
    try {
      const data = await checkImport(await file.text());
      const result = await mergeProgress(store.db, data);
      say({ kind: 'ok', text: t('my.imported', { added: result.added, updated: result.updated, unchanged: result.unchanged }) });
    } catch (e) {
      if (e instanceof ImportRefused) say({ kind: 'error', text: t(`my.refused.${e.reason}`, { details: e.details }) });
      else say({ kind: 'error', text: t('my.importFailed', { error: e instanceof Error ? e.message : String(e) }) });
    } finally {
      input.value = '';
    }
  };

  const deleteAll = async () => {
    try {
      await store.deleteAll();
      setConfirming(false);
      say({ kind: 'ok', text: t('my.deleted') });
      document.getElementById('delete-start')?.focus();
    } catch (e) {
      say({ kind: 'error', text: t('my.deleteFailed', { error: String(e) }) });
    }
  };

  const persist = async () => {
    const outcome = await requestPersistence();
    setPersisted(outcome === 'unsupported' ? 'unsupported' : outcome === 'granted');
    say({ kind: outcome === 'granted' ? 'ok' : 'error', text: t(`my.persist.${outcome}`) });
  };

  return (
    <section class="my-learning">
      <h1 tabIndex={-1} ref={heading}>
        {t('my.title')}
      </h1>
      <p class="lead">{t('my.lead')}</p>
      {message && (
        <div class={`notice ${message.kind === 'ok' ? 'notice-ok' : 'notice-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}

      <p>
        {t('workshop.history.myLearningLine')} <a href="#/workshops">{t('workshop.history.link')}</a>
      </p>
      <h2>{t('my.attempts')}</h2>
      {attempts.length === 0 ? (
        <p>{t('my.noAttempts')}</p>
      ) : (
        <LearningCards attempts={attempts} store={store} lang={lang} />
      )}

      <h2>{t('my.certificates')}</h2>
      {courseCertificates.length === 0 ? (
        <p>{t('my.noCertificates')}</p>
      ) : (
        <ul>
          {courseCertificates.map((c) => (
            <li key={c.id}>
              <a href={href({ name: 'certificate', courseId: c.contentId })}>{titleOf(c.contentId)}</a>
              {' – '}
              {formatDate(c.issuedAt)}
              {c.percent !== undefined && `, ${c.percent} %`}
            </li>
          ))}
        </ul>
      )}

      <ReflectionList store={store} lang={lang} />

      <h2>{t('my.storage')}</h2>
      <p>
        {!store.persistent
          ? t('storage.memoryOnly')
          : persisted === true
            ? t('my.persist.granted')
            : persisted === 'unsupported'
              ? t('my.persist.unsupported')
              : t('my.persist.notYet')}
      </p>
      {store.persistent && persisted === false && (
        <button type="button" class="secondary" onClick={persist}>
          {t('my.persist.ask')}
        </button>
      )}

      <h2>{t('my.transfer')}</h2>
      <p>{t('my.transferLead')}</p>
      <div class="actions">
        <button type="button" onClick={exportAll}>
          {t('my.export')}
        </button>
      </div>
      <div class="file-field">
        {/* The native file control is hidden (not removed): the label is the button, like the others. */}
        <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onChange={importFile} aria-describedby="import-help" />
        <label for="import-file" class="button secondary">
          {t('my.import')}
        </label>
        <p id="import-help" class="small">
          {t('my.importHelp')}
        </p>
      </div>

      <h2>{t('my.delete')}</h2>
      <p>{t('my.deleteLead')}</p>
      {confirming ? (
        <div class="notice notice-warning" role="alertdialog" aria-labelledby="delete-question">
          <p id="delete-question">
            <strong>{t('my.deleteConfirm')}</strong>
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={deleteAll} ref={(el) => el?.focus()}>
              {t('my.deleteYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('my.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" id="delete-start" class="secondary" onClick={() => setConfirming(true)}>
          {t('my.deleteStart')}
        </button>
      )}
    </section>
  );
}
