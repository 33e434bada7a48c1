// Russian formats and labels: dates as 23.12.2021, plural forms, sizes, and the names of codes the API uses.

const DATE = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});
const MONTH = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const PLURAL = new Intl.PluralRules('ru-RU');

/** 2021-12-23 (a date without time) → 23.12.2021. */
export function date(value) {
  if (!value) return '';
  const parsed = new Date(String(value).length === 10 ? value + 'T00:00:00Z' : value);
  return Number.isNaN(parsed.getTime()) ? String(value) : DATE.format(parsed);
}

/** An instant → 23.12.2021, 14:05 in the reader's time zone. */
export function dateTime(value) {
  if (!value) return '';
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? String(value) : DATE_TIME.format(parsed);
}

/** 2022-03 → «март 2022 г.» */
export function month(value) {
  const parsed = new Date(String(value).slice(0, 7) + '-01T00:00:00Z');
  return Number.isNaN(parsed.getTime()) ? String(value) : MONTH.format(parsed);
}

/** plural(5, 'файл', 'файла', 'файлов') → «5 файлов». */
export function plural(count, one, few, many) {
  const form = { one, few, many, other: few }[PLURAL.select(count)] || many;
  return count.toLocaleString('ru-RU') + '\u00a0' + form;
}

export function bytes(size) {
  if (size == null) return '';
  const units = ['байт', 'КБ', 'МБ', 'ГБ'];
  let value = Number(size);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return value.toLocaleString('ru-RU', { maximumFractionDigits: digits, minimumFractionDigits: digits }) + '\u00a0' + units[unit];
}

export function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return plural(Math.max(1, Math.round(seconds)), 'секунда', 'секунды', 'секунд');
  return plural(Math.round(seconds / 60), 'минута', 'минуты', 'минут');
}

export function isoToday() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export const REGIONS = { '38': 'Иркутская область', '43': 'Кировская область' };
export const region = (code) => REGIONS[code] || (code ? 'регион ' + code : '');

export const ROLES = {
  ROLE_FEDERAL_ANALYST: 'федеральный аналитик', ROLE_REGIONAL_OPERATOR: 'региональный оператор',
  ROLE_REGIONAL_MINISTRY: 'региональное министерство', ROLE_MUNICIPAL_COORDINATOR: 'муниципальный координатор',
  ROLE_CURATOR: 'куратор', ROLE_SCHOOL: 'школа'
};

export const ROADMAP_STATUS = { DRAFT: 'Черновик', APPROVED: 'Утверждена', SUPERSEDED: 'Заменена новой редакцией' };
export const LEVELS = { REGIONAL: 'Региональная', MUNICIPAL: 'Муниципальная' };

export const PRACTICE_STATUS = {
  DRAFT: 'Черновик', SUBMITTED: 'Подана на рассмотрение', IN_REVIEW: 'На экспертизе', PUBLISHED: 'Опубликована',
  RETURNED: 'Возвращена на доработку', REJECTED: 'Отклонена'
};

export const EDUCATION_LEVELS = {
  PRESCHOOL: 'Дошкольное', PRIMARY_GENERAL: 'Начальное общее', BASIC_GENERAL: 'Основное общее',
  SECONDARY_GENERAL: 'Среднее общее', ALL_GENERAL: 'Все уровни общего образования'
};

export const MATERIAL_KINDS = {
  DEVELOPMENT_PROGRAM: 'Программа развития', DEVELOPMENT_CONCEPT: 'Концепция развития',
  MIDTERM_PROGRAM: 'Среднесрочная программа', ANTI_RISK_PROGRAM: 'Антирисковая программа',
  SELF_DIAGNOSIS: 'Самодиагностика', REPORT: 'Отчёт', OTHER: 'Другое'
};

export const DOCUMENT_TYPES = {
  SCHOOL_MATERIAL: 'Материал школы', ORDER: 'Распоряжение', SIGNATURE: 'Подпись', PRACTICE_FILE: 'Файл практики'
};

export const EXTRACTION = {
  PENDING: 'Текст извлекается…', DONE: 'Текст извлечён, доступен в поиске', FAILED: 'Текст не извлечён',
  SKIPPED: 'Без текста (скан или изображение)'
};

export const SIGNATURE_STATUS = {
  VALID: 'Подпись действительна', INVALID: 'Подпись недействительна', EXPIRED: 'Сертификат просрочен',
  UNTRUSTED: 'Сертификат не от доверенного УЦ', NOT_SIGNED: 'Подпись не загружена'
};

export const ORGANISATION_TYPES = {
  MINISTRY: 'Министерство', REGIONAL_INSTITUTE: 'Региональный институт', MUNICIPAL_BODY: 'Муниципальный орган',
  SCHOOL: 'Школа', OTHER: 'Другие'
};

export const PROGRESS_STATUS = {
  NOT_STARTED: 'Не начато', IN_PROGRESS: 'Выполняется', DONE: 'Выполнено', OVERDUE: 'Просрочено', CANCELLED: 'Отменено'
};

export const ZONES = { GREEN: 'зелёная зона', YELLOW: 'жёлтая зона', RED: 'красная зона' };

export const SEARCH_TYPES = {
  PRACTICE: 'Лучшая практика', SCHOOL_MATERIAL: 'Материал школы', ORDER: 'Распоряжение',
  PRACTICE_FILE: 'Файл практики', ROADMAP: 'Дорожная карта', ROADMAP_ITEM: 'Мероприятие дорожной карты'
};
