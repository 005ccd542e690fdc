// Lists the filters choose from (units, plans), fetched once per session and kept in memory.
// A failure is not cached, so the next view asks again.
import { api } from './api.js';

let units = null;
let plans = null;

export function forget() {
  units = null;
  plans = null;
}

// [{unit_id, name, tasks, overdue}] (GET /api/units; an officer gets their own unit).
export async function getUnits() {
  if (!units) units = (await api('GET', '/api/units')).items || [];
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
