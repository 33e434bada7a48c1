// Uploads a file with XMLHttpRequest so the page can show real progress: bytes sent of total, speed, time
// left, and a cancel button that aborts the transfer.
import { cookie, problemText } from './api.js';
import { h, setStatus } from './dom.js';
import { bytes, duration } from './format.js';

/** The platform's limit for one file (document-service platform.storage.max-file-size). */
export const MAX_FILE_SIZE = 1024 * 1024 * 1024;

export function uploadProgress() {
  const bar = h('progress', { max: '100', value: '0', id: 'upload-progress', 'aria-label': 'Ход загрузки' });
  const text = h('span', { id: 'upload-progress-text', class: 'progress-text' });
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'upload-cancel' }, 'Отменить загрузку');
  const status = h('p', { class: 'status', role: 'status', id: 'upload-status' });
  const box = h('div', { class: 'upload-progress', hidden: true }, bar, text, cancel);
  return { node: h('div', {}, box, status), box, bar, text, cancel, status };
}

/**
 * Sends `form` (FormData, the file last) to `url`; resolves with the parsed JSON answer, rejects with an
 * Error carrying a Russian message (or `cancelled`).
 */
export function send(url, form, file, ui) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const started = performance.now();
    const samples = [];
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-XSRF-TOKEN', cookie('XSRF-TOKEN'));
    ui.box.hidden = false;
    ui.cancel.hidden = false;
    ui.cancel.disabled = false;
    ui.bar.value = 0;
    ui.text.textContent = '0 байт из ' + bytes(file.size);
    setStatus(ui.status, 'Загружаем «' + file.name + '»…');
    const onCancel = () => xhr.abort();
    ui.cancel.addEventListener('click', onCancel, { once: true });
    xhr.upload.addEventListener('progress', (event) => {
      const totalBytes = event.lengthComputable ? event.total : file.size;
      const now = performance.now();
      samples.push([now, event.loaded]);
      while (samples.length > 2 && now - samples[0][0] > 3000) samples.shift();
      const [t0, b0] = samples[0];
      const speed = now > t0 ? (event.loaded - b0) / ((now - t0) / 1000) : 0;
      const left = speed > 0 ? (totalBytes - event.loaded) / speed : NaN;
      ui.bar.value = totalBytes ? Math.floor((event.loaded / totalBytes) * 100) : 0;
      ui.bar.setAttribute('aria-valuetext', Math.floor(ui.bar.value) + ' %');
      ui.text.textContent = bytes(event.loaded) + ' из ' + bytes(totalBytes)
        + (speed > 0 ? ' · ' + bytes(speed) + '/с' : '')
        + (event.loaded < totalBytes && Number.isFinite(left) ? ' · осталось ' + duration(left) : '');
    });
    xhr.upload.addEventListener('load', () => {
      ui.bar.value = 100;
      setStatus(ui.status, 'Файл передан, сервер проверяет его и считает контрольную сумму…');
    });
    const finish = () => { ui.cancel.hidden = true; ui.cancel.removeEventListener('click', onCancel); };
    xhr.addEventListener('load', () => {
      finish();
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) {
        const seconds = (performance.now() - started) / 1000;
        ui.text.textContent = bytes(file.size) + ' за ' + duration(seconds);
        resolve(body);
      } else {
        ui.box.hidden = true;
        reject(new Error(problemText(xhr.status, body)));
      }
    });
    xhr.addEventListener('error', () => { finish(); ui.box.hidden = true; reject(new Error('Связь прервалась во время загрузки. Повторите попытку.')); });
    xhr.addEventListener('abort', () => { finish(); ui.box.hidden = true; reject(Object.assign(new Error('Загрузка отменена.'), { cancelled: true })); });
    xhr.send(form);
  });
}

export function checkSize(file) {
  if (!file) return 'Выберите файл.';
  if (file.size === 0) return 'Файл пуст.';
  if (file.size > MAX_FILE_SIZE) return 'Файл занимает ' + bytes(file.size) + ', а допускается не больше ' + bytes(MAX_FILE_SIZE) + '.';
  return null;
}
