import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';

const en = {
  resources: {
    films: {
      name: 'Film |||| Films',
      fields: {
        title: 'Title', imdb_rating: 'Rating', rating: 'Rating', description: 'Description',
        creationDate: 'Release date', type: 'Type', genreIds: 'Genres', genre: 'Genre', credits: 'Credits',
        personId: 'Person', role: 'Role', version: 'Version', q: 'Search',
      },
    },
    persons: { name: 'Person |||| Persons', fields: { fullName: 'Full name', films: 'Films', version: 'Version', q: 'Search' } },
    genres: { name: 'Genre |||| Genres', fields: { name: 'Name', description: 'Description', version: 'Version', q: 'Search' } },
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'E-mail', first_name: 'First name', last_name: 'Last name', roles: 'Roles', roleIds: 'Roles',
        superuser: 'Superuser', active: 'Active', q: 'Search',
      },
    },
    roles: { name: 'Role |||| Roles', fields: { name: 'Name', description: 'Description', permissionIds: 'Permissions', q: 'Search' } },
    permissions: { name: 'Permission |||| Permissions', fields: { name: 'Name', description: 'Description', q: 'Search' } },
  },
  cinema: {
    auth: {
      sign_in_yandex: 'Sign in with Yandex',
      bad_credentials: 'Wrong e-mail or password',
      not_admin: 'Only administrators may use this app',
      or: 'or',
    },
    type: { movie: 'Movie', tv_show: 'TV show' },
    role: { actor: 'Actor', writer: 'Writer', director: 'Director' },
    tab: { details: 'Details', history: 'History', login_history: 'Login history' },
    history: {
      version: 'Version', event: 'Event', time: 'Time', user: 'User', change: 'Change', empty: 'No events',
    },
    login_history: { time: 'Time', method: 'Method', ip: 'IP address', user_agent: 'Browser' },
    conflict: {
      title: 'Someone else changed this in the meantime',
      explain: 'Your version %{mine} is no longer the current one (%{current}). These fields differ from what you started with:',
      none: 'No field you see differs; only the version moved.',
      field: 'Field', yours_before: 'When you opened it', now: 'Now',
      reload: 'Reload (discard my changes)', keep: 'Keep editing',
    },
    operations: {
      title: 'Operations',
      query_side: 'Catalogue read model (query side)',
      ugc: 'User activity (UGC projection)',
      processors: 'Event processors',
      name: 'Processor', kind: 'Kind', state: 'State', head: 'Head', lag: 'Lag', error: 'Error', segments: 'Segments',
      running: 'running', stopped: 'stopped', replaying: 'replaying',
      reindex: 'Reindex', reindex_title: 'Rebuild the search indices by replaying the events',
      reindex_started: 'Reindex started', reindex_state: 'State', reindex_rate: '%{rate} events/s', reindex_eta: 'about %{eta} s left',
      dead_letters: 'Dead letters', no_dead_letters: 'No dead letters', retry: 'Retry', retry_all: 'Retry all', evict: 'Delete',
      retried: 'Handled: it left the queue', not_retried: 'Failed again: it stays in the queue',
      sequence: 'Sequence', message: 'Message', cause: 'Cause', enqueued: 'Parked at', unavailable: 'Not available: %{error}',
      job: { RUNNING: 'running', COMPLETED: 'completed', CANCELLED: 'cancelled', FAILED: 'failed' },
    },
    analytics: {
      title: 'Analytics', top: 'Top films', period: 'Period', metric: 'Metric', days: 'last %{days} days',
      views: 'Views', unique_viewers: 'Unique viewers', completions: 'Completions', bookmarks: 'Bookmarks',
      ratings: 'Ratings', average_rating: 'Average rating', average_progress: 'Average progress',
      film_stats: 'A film\'s audience', pick_film: 'Film', from: 'From', to: 'To', no_data: 'No activity yet',
    },
    menu: { operations: 'Operations', analytics: 'Analytics' },
  },
};

const ru = {
  resources: {
    films: {
      name: 'Фильм |||| Фильмы',
      fields: {
        title: 'Название', imdb_rating: 'Рейтинг', rating: 'Рейтинг', description: 'Описание',
        creationDate: 'Дата выхода', type: 'Тип', genreIds: 'Жанры', genre: 'Жанр', credits: 'Участники',
        personId: 'Персона', role: 'Роль', version: 'Версия', q: 'Поиск',
      },
    },
    persons: { name: 'Персона |||| Персоны', fields: { fullName: 'Полное имя', films: 'Фильмы', version: 'Версия', q: 'Поиск' } },
    genres: { name: 'Жанр |||| Жанры', fields: { name: 'Название', description: 'Описание', version: 'Версия', q: 'Поиск' } },
    users: {
      name: 'Пользователь |||| Пользователи',
      fields: {
        email: 'E-mail', first_name: 'Имя', last_name: 'Фамилия', roles: 'Роли', roleIds: 'Роли',
        superuser: 'Суперпользователь', active: 'Активен', q: 'Поиск',
      },
    },
    roles: { name: 'Роль |||| Роли', fields: { name: 'Название', description: 'Описание', permissionIds: 'Права', q: 'Поиск' } },
    permissions: { name: 'Право |||| Права', fields: { name: 'Название', description: 'Описание', q: 'Поиск' } },
  },
  cinema: {
    auth: {
      sign_in_yandex: 'Войти с Яндекс ID',
      bad_credentials: 'Неверный e-mail или пароль',
      not_admin: 'Приложение доступно только администраторам',
      or: 'или',
    },
    type: { movie: 'Фильм', tv_show: 'Сериал' },
    role: { actor: 'Актёр', writer: 'Сценарист', director: 'Режиссёр' },
    tab: { details: 'Основное', history: 'История', login_history: 'История входов' },
    history: {
      version: 'Версия', event: 'Событие', time: 'Время', user: 'Пользователь', change: 'Изменение', empty: 'Событий нет',
    },
    login_history: { time: 'Время', method: 'Способ', ip: 'IP-адрес', user_agent: 'Браузер' },
    conflict: {
      title: 'Кто-то уже изменил эту запись',
      explain: 'Ваша версия %{mine} больше не текущая (%{current}). Эти поля отличаются от того, что вы открыли:',
      none: 'Видимые поля не изменились, сдвинулась только версия.',
      field: 'Поле', yours_before: 'Когда вы открыли', now: 'Сейчас',
      reload: 'Перезагрузить (отменить мои правки)', keep: 'Продолжить правку',
    },
    operations: {
      title: 'Эксплуатация',
      query_side: 'Модель чтения каталога (query side)',
      ugc: 'Активность пользователей (UGC)',
      processors: 'Обработчики событий',
      name: 'Обработчик', kind: 'Вид', state: 'Состояние', head: 'Голова', lag: 'Отставание', error: 'Ошибка', segments: 'Сегменты',
      running: 'работает', stopped: 'остановлен', replaying: 'переигрывает',
      reindex: 'Переиндексировать', reindex_title: 'Перестроить поисковые индексы, переиграв события',
      reindex_started: 'Переиндексация запущена', reindex_state: 'Состояние', reindex_rate: '%{rate} событий/с', reindex_eta: 'осталось около %{eta} с',
      dead_letters: 'Необработанные события', no_dead_letters: 'Необработанных событий нет', retry: 'Повторить',
      retry_all: 'Повторить все', evict: 'Удалить',
      retried: 'Обработано: событие покинуло очередь', not_retried: 'Снова ошибка: событие осталось в очереди',
      sequence: 'Порядок', message: 'Сообщение', cause: 'Причина', enqueued: 'Отложено', unavailable: 'Недоступно: %{error}',
      job: { RUNNING: 'идёт', COMPLETED: 'завершена', CANCELLED: 'отменена', FAILED: 'ошибка' },
    },
    analytics: {
      title: 'Аналитика', top: 'Популярные фильмы', period: 'Период', metric: 'Показатель', days: 'последние %{days} дн.',
      views: 'Просмотры', unique_viewers: 'Уникальные зрители', completions: 'Досмотры', bookmarks: 'Закладки',
      ratings: 'Оценки', average_rating: 'Средняя оценка', average_progress: 'Средний прогресс',
      film_stats: 'Аудитория фильма', pick_film: 'Фильм', from: 'С', to: 'По', no_data: 'Активности пока нет',
    },
    menu: { operations: 'Эксплуатация', analytics: 'Аналитика' },
  },
};

/** The pack's messages with ours on top; the sign-in form asks for the e-mail, which is the login here. */
const withOwn = (pack, own, email) => ({
  ...pack,
  ...own,
  ra: { ...pack.ra, auth: { ...pack.ra.auth, username: email } },
});

const messages = {
  en: withOwn(englishMessages, en, 'E-mail'),
  ru: withOwn(russianMessages, ru, 'E-mail'),
};

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en, 'en', [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Русский' },
], { allowMissing: true });
