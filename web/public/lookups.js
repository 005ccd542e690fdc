// Lists the filters choose from (units, plans), fetched once per view (app.js forgets them
// on every route) however many parts of the view ask. A failure is not cached.
import { api } from './api.js';

let units = null;
let plans = null;

export function forget() {
  units = null;
  plans = null;
}

// [{unit_id, name, tasks, overdue}] (GET /api/units; an officer gets their own unit). The
// names are what filters need and stay put; `fresh` for the counts, which move with every
// confirmation and report.
export async function getUnits(fresh = false) {
  if (!units || fresh) units = (await api('GET', '/api/units')).items || [];
  return units;
}

// [{id, number, title, counts}] (GET /api/plans: documents that have tasks).
export async function getPlans(fresh = false) {
  if (!plans || fresh) {
    const r = await api('GET', '/api/plans');
    plans = Array.isArray(r) ? r : r.items || [];
  }
  return plans;
}

export function unitNamer(list) {
  const names = new Map((list || []).map((u) => [u.unit_id, u.name]));
  return (id) => names.get(id) || id;
}
