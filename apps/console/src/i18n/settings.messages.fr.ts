import type { settingsEn } from './settings.messages.en';

/** Les mots de la page des paramètres et de celle des jetons (administration), en français. */
export const settingsFr: Record<keyof typeof settingsEn, string> = {
  'nav.settings': 'Paramètres',
  'settings.heading': 'Paramètres',
  'settings.notifications.heading': 'Notifications',
  'settings.notifications.informed': 'Courriels sur les demandes dont vous êtes Informé',
  'settings.notifications.informed.hint':
    'Les courriels qui vous demandent d’agir (approuver, donner un avis, faire le travail) partent toujours aussitôt.',
  'settings.notifications.immediate': 'Chaque événement aussitôt',
  'settings.notifications.daily-digest': 'Un résumé quotidien',
  'settings.notifications.off': 'Aucun',
  'settings.notifications.save': 'Enregistrer',
  'settings.notifications.saved': 'Préférences de notification enregistrées.',
  'settings.sessions.heading': 'Sessions',
  'settings.sessions.empty': 'Aucune session.',
  'settings.sessions.thisDevice': 'Cet appareil',
  'settings.sessions.signedIn': 'Connecté le {date} par {method}',
  'settings.sessions.lastSeen': 'Vu pour la dernière fois le {date}',
  'settings.sessions.from': 'Depuis {place}',
  'settings.sessions.unknownBrowser': 'Navigateur inconnu',
  'settings.sessions.signOut': 'Déconnecter',
  'settings.sessions.signOutNamed': 'Déconnecter {browser}, vu pour la dernière fois le {date}',
  'settings.sessions.confirmTitle': 'Déconnecter cette session ?',
  'settings.sessions.confirmText':
    'Le navigateur de cette session ({browser}) devra se reconnecter.',
  'settings.sessions.ended': 'La session est déconnectée.',
  'settings.language.heading': 'Langue',
  'settings.language.label': 'Langue de la console',
  'settings.language.hint': 'Conservée dans ce navigateur.',
  'tokens.heading': 'Jetons d’API',
  'tokens.intro':
    'Un jeton permet à un programme d’appeler l’API en votre nom. Il n’est affiché qu’une fois, à sa création ; ensuite, seuls ses premiers caractères le distinguent.',
  'tokens.empty': 'Aucun jeton.',
  'tokens.create': 'Créer un jeton',
  'tokens.created.title': 'Votre nouveau jeton',
  'tokens.created.warning':
    'Copiez-le maintenant : il ne sera plus affiché. Quiconque le détient peut agir en votre nom ; gardez-le secret.',
  'tokens.created.label': 'Jeton',
  'tokens.copy': 'Copier',
  'tokens.done': 'Terminé',
  'tokens.copied': 'Copié.',
  'tokens.copyFailed':
    'Le navigateur a refusé de copier : sélectionnez le jeton et copiez-le vous-même.',
  'tokens.createdOn': 'Créé le {date}',
  'tokens.lastUsedOn': 'Dernière utilisation le {date}',
  'tokens.neverUsed': 'Jamais utilisé',
  'tokens.active': 'Actif',
  'tokens.revokedOn': 'Révoqué le {date}',
  'tokens.personal': 'Personnel : il peut décider',
  'tokens.notPersonal':
    'Créé par un administrateur ou avec un autre jeton : il ne peut pas décider',
  'tokens.revoke': 'Révoquer',
  'tokens.revokeNamed': 'Révoquer {prefix}',
  'tokens.confirmTitle': 'Révoquer ce jeton ?',
  'tokens.confirmText':
    'Le jeton {prefix}… cesse aussitôt de fonctionner, pour tous les programmes qui l’utilisent.',
  'tokens.revoked': 'Le jeton {prefix}… est révoqué.',
  'tokens.more': 'Plus de jetons',
  'settings.cancel': 'Annuler',
  'adminTokens.heading': 'Jetons des utilisateurs de l’organisation',
  'adminTokens.organization': 'Organisation',
  'adminTokens.user': 'Utilisateur',
  'adminTokens.pickUser': 'Choisissez un utilisateur',
  'adminTokens.notAllowed':
    'Seul un administrateur peut voir les jetons des autres utilisateurs. Vos propres jetons sont dans Paramètres.',
  'error.TOKEN_NOT_FOUND': 'Ce jeton n’existe pas, ou il ne vous revient pas de le révoquer.',
  'error.SESSION_NOT_FOUND': 'Cette session est déjà terminée.',
  'error.ADMIN_REQUIRED': 'Seul un administrateur de l’organisation peut faire cela.',
  'error.USER_NOT_FOUND': 'Cet utilisateur n’existe pas, ou il ne vous revient pas de le voir.',
  'error.PREFERENCES_NEED_A_USER':
    'Les préférences de courriel appartiennent à un utilisateur ; ce compte ne reçoit aucun courriel.',
};
