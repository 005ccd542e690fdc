// Upload ("#/upload", office): a document file → POST /api/documents (raw body) → parsed and
// stored, its tasks proposed → on to their review. The reader (src/read/) takes plain text
// only so far; DOCX and PDF would be answered not_a_document, so the form asks for TXT (the
// request's Content-Type already follows the file's type for when they are read).
import { el, field } from '../dom.js';
import { uploadFile } from '../api.js';
import { upload as UP } from '../messages.js';
import { heading, notice, say } from '../components.js';
import { can } from '../policy.js';
import { forget } from '../lookups.js';

// The server's own limit is what counts (413 above it); checking first spares a long upload.
const MAX_MB = 50;

export function renderUpload(ctx) {
  const page = ctx.page();
  page.append(heading(UP.title));
  if (!can(ctx.me, 'upload')) { ctx.fail({ code: 'forbidden', status: 403 }); return; }
  const file = el('input', { type: 'file', id: 'upload-file', name: 'file', required: true,
    accept: '.txt,text/plain' });
  const status = el('div', { id: 'upload-status', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', id: 'upload-submit' }, UP.submit);
  const form = el('form', { class: 'card upload', id: 'upload-form' },
    el('p', {}, UP.intro), field(UP.file, file, UP.formats), el('div', { class: 'actions' }, button), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) { say(status, UP.needFile, 'error'); file.focus(); return; }
    if (f.size > MAX_MB * 1024 * 1024) { say(status, UP.tooBig(MAX_MB), 'error'); return; }
    button.disabled = true;
    say(status, UP.sending);
    try {
      const r = await uploadFile('/api/documents', f);
      forget(); // a new plan: the plan list changed
      const warnings = r.warnings || [];
      status.replaceChildren(notice(r.duplicate ? UP.duplicate : UP.done(r.tasks_proposed ?? 0)),
        warnings.length ? el('div', {}, el('h2', {}, UP.warnings),
          el('ul', {}, warnings.map((w) => el('li', {},
            typeof w === 'string' ? w : w.message || JSON.stringify(w))))) : null,
        el('p', { class: 'actions' },
          el('a', { class: 'button', id: 'upload-review', href: `#/review?plan=${r.id}` }, UP.toReview),
          el('a', { class: 'button secondary', href: `#/doc/${r.id}` }, UP.toDocument)));
      form.reset();
    } catch (err) {
      say(status, ctx.message(err), 'error');
    } finally {
      button.disabled = false;
    }
  });
  page.append(form);
}
