/**
 * The request form in the browser: shown only when this script runs (without JavaScript the page
 * tells how to request at the office). Posts JSON to the CMS; a refusal is shown field by field
 * with the CMS's Indonesian messages (and a summary linking to each field); a success shows the
 * registration number, the tracking code and the deadline. Text is set as text, never as HTML.
 */
import { fieldErrors, payloadFrom } from '../lib/requests';
import { formatDate } from '../lib/format';
import type { Lang } from '../lib/i18n';

interface Labels {
  sending: string;
  network: string;
  submit: string;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function startRequestForm(): void {
  const form = byId<HTMLFormElement>('request-form');
  if (!form) return;
  const api = (form.dataset.api ?? '').replace(/\/+$/, '');
  const lang = (form.dataset.lang === 'en' ? 'en' : 'id') as Lang;
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  const errorsBox = byId<HTMLDivElement>('request-errors')!;
  const errorsList = byId<HTMLUListElement>('request-errors-list')!;
  const errorsSummary = byId<HTMLParagraphElement>('request-errors-summary')!;
  const summaryDefault = errorsSummary.textContent ?? '';
  const progress = byId<HTMLParagraphElement>('request-progress')!;
  const submit = byId<HTMLButtonElement>('request-submit')!;
  form.hidden = false;
  byId('request-noscript')!.hidden = true;

  function clearErrors(): void {
    errorsBox.hidden = true;
    errorsList.replaceChildren();
    errorsSummary.textContent = summaryDefault;
    for (const el of form!.querySelectorAll<HTMLElement>('.field__error')) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of form!.querySelectorAll<HTMLElement>('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  /** The control a message belongs to (the first radio of a group). */
  function controlOf(field: string): HTMLElement | null {
    return byId(`f-${field}`)?.tagName === 'FIELDSET'
      ? form!.querySelector<HTMLElement>(`input[name="${CSS.escape(field)}"]`)
      : byId(`f-${field}`);
  }

  function showErrors(summary: string, fields: Partial<Record<string, string>>): void {
    const entries = Object.entries(fields).filter(([, m]) => m) as [string, string][];
    for (const [field, message] of entries) {
      const slot = byId(`f-${field}-error`);
      const control = controlOf(field);
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      if (control) {
        if (control instanceof HTMLInputElement && control.type === 'radio') {
          for (const r of form!.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(field)}"]`)) r.setAttribute('aria-invalid', 'true');
        } else control.setAttribute('aria-invalid', 'true');
      }
      const li = document.createElement('li');
      if (control?.id) {
        const a = document.createElement('a');
        a.href = `#${control.id}`;
        a.textContent = message;
        li.append(a);
      } else li.textContent = message;
      errorsList.append(li);
    }
    if (entries.length === 0) errorsSummary.textContent = summary || labels.network;
    errorsBox.hidden = false;
    errorsBox.focus();
  }

  function showDone(data: { nomorRegistrasi: string; kodeLacak: string; batasWaktu: string }): void {
    byId('done-nomor')!.textContent = data.nomorRegistrasi;
    byId('done-kode')!.textContent = data.kodeLacak;
    byId('done-batas')!.textContent = formatDate(data.batasWaktu, lang, true);
    const track = byId<HTMLAnchorElement>('done-track')!;
    // The number only: the code never goes into a URL.
    track.href = `${track.pathname}?nomor=${encodeURIComponent(data.nomorRegistrasi)}`;
    form!.hidden = true;
    const done = byId('request-done')!;
    done.hidden = false;
    done.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    submit.disabled = true;
    progress.textContent = labels.sending;
    try {
      const res = await fetch(`${api}/api/permohonan-informasi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payloadFrom(new FormData(form)) as unknown),
      });
      const body: any = await res.json().catch(() => null);
      if (res.status === 201 && body?.data?.nomorRegistrasi) {
        showDone(body.data);
        return;
      }
      const { summary, fields } = fieldErrors(body);
      showErrors(summary, fields);
    } catch {
      showErrors(labels.network, {});
    } finally {
      submit.disabled = false;
      progress.textContent = '';
    }
  });
}
