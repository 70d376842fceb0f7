/** A workshop's results for the trainer: exports, and (in the console) a new workshop after asking. */
import { useState } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import { t } from '../../i18n';
import { workshopCsv, workshopJson, type CsvLabels } from './export';
import type { SessionView } from './machine';

export function csvLabels(recording: SessionView['context']['recording']): CsvLabels {
  return {
    workshop: t('workshop.csv.workshop'),
    game: t('workshop.csv.game'),
    date: t('workshop.csv.date'),
    mode: t('workshop.csv.mode'),
    modeName: t(`workshop.recordingMode.${recording}`),
    teams: t('workshop.csv.teams'),
    ending: t('workshop.csv.ending'),
    round: t('workshop.csv.round'),
    card: t('workshop.csv.card'),
    team: t('workshop.csv.team'),
    choice: t('workshop.csv.choice'),
    points: t('workshop.csv.points'),
    votes: t('workshop.csv.votes'),
    followed: t('workshop.csv.followed'),
    place: t('workshop.csv.place'),
    total: t('workshop.csv.total'),
    action: t('workshop.action'),
    owner: t('workshop.owner'),
    due: t('workshop.due'),
    notes: t('workshop.csv.notes'),
    notesWhat: t('workshop.debrief.0'),
    notesWhy: t('workshop.debrief.1'),
  };
}

function download(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function ExportButtons({ game, view }: { game: CompiledGame; view: SessionView }) {
  const c = view.context;
  const date = new Date(c.startedAt ?? Date.now());
  const stamp = date.toISOString().slice(0, 10);
  const ending = game.scenes[c.game.scene]?.type === 'ending' ? game.scenes[c.game.scene]!.title : null;
  return (
    <>
      <button type="button" onClick={() => download(`${game.id}-${t('workshop.fileName')}-${stamp}.csv`, 'text/csv;charset=utf-8', workshopCsv(game, c, ending, csvLabels(c.recording), date))}>
        {t('workshop.exportCsv')}
      </button>
      <button type="button" class="secondary" onClick={() => download(`${game.id}-${t('workshop.fileName')}-${stamp}.json`, 'application/json', JSON.stringify(workshopJson(game, c, ending, new Date()), null, 2))}>
        {t('workshop.exportJson')}
      </button>
    </>
  );
}

export function ResultsPanel({ game, view, onBack, onNew }: { game: CompiledGame; view: SessionView; onBack: () => void; onNew: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  return (
    <section class="workshop-results">
      <h2>{t('workshop.exports')}</h2>
      <div class="actions">
        <ExportButtons game={game} view={view} />
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          ← {t('workshop.previousStep')}
        </button>
        <button type="button" class="secondary" aria-expanded={asking} onClick={() => setAsking(true)}>
          {t('workshop.newWorkshop')}
        </button>
      </div>
      {asking && (
        <div class="confirm" role="group" aria-labelledby="confirm-new">
          <p id="confirm-new">{t('workshop.confirmNew')}</p>
          <div class="actions">
            <button type="button" onClick={() => void onNew()}>
              {t('workshop.confirmNewYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              {t('workshop.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
