/**
 * The trainer's material for a game: the facilitator guide (#/game/<id>/guide) and printable
 * material for rooms without a screen (#/game/<id>/print/<material>). Built from the game's content
 * and its facilitator.yaml; neither is part of what players or the audience view load.
 */
import '../game.css';
import type { Lang } from '../../content/constants';
import type { CompiledGame } from '../../content/game-schema';
import { loadGame } from '../load-game';
import { useContent } from '../../app/useContent';
import { MessageView } from '../../app/MessageView';
import type { Route } from '../../app/router';
import { t } from '../../i18n';
import { loadGuide } from './load';
import { GuideDocument } from './GuideDocument';
import { PrintMaterialView } from './PrintMaterial';
import './facilitator.css';

type FacilitatorRoute = Extract<Route, { name: 'game-guide' | 'game-print' }>;

export function FacilitatorView({ route, lang }: { route: FacilitatorRoute; lang: Lang }) {
  const game = useContent(loadGame, route.gameId, lang);
  const guide = useContent(loadGuide, route.gameId, lang);
  if (game === 'missing') return <MessageView title={t('game.notFound')} body={t('game.notFoundBody')} />;
  if (!game || guide === null) return <p role="status">{t('app.loading')}</p>;
  const view =
    route.name === 'game-guide' ? (
      guide === 'missing' ? <MessageView title={t('facilitator.noGuide')} body={t('facilitator.noGuideBody')} /> : <GuideDocument game={game} guide={guide} />
    ) : (
      <PrintMaterialView game={game} material={route.material} guide={guide === 'missing' ? null : guide} />
    );
  return game.lang !== lang ? <ShownIn game={game} lang={lang}>{view}</ShownIn> : view;
}

function ShownIn({ game, lang, children }: { game: CompiledGame; lang: Lang; children: preact.ComponentChildren }) {
  return (
    <div lang={game.lang}>
      <p class="notice notice-warning" lang={lang}>
        {t('language.notAvailable', { shown: t(`language.names.${game.lang}`) })}
      </p>
      {children}
    </div>
  );
}
