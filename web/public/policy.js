// Which buttons to show: the client's copy of the table in src/access/policy.h. It only hides
// what the server would refuse; the server decides (every route calls access::Decide).

// `units`: the unit ids the object belongs to (a task's units, a report's unit).
export function can(me, action, units = []) {
  if (!me) return false;
  const own = me.role === 'unit_officer' && !!me.unit_id && units.includes(me.unit_id);
  switch (action) {
    case 'upload':
    case 'editTask':
    case 'reviewReport':
      return me.role === 'office';
    case 'fileReport':
      return me.role === 'office' || own;
    case 'readTask':
    case 'export':
      return me.role === 'admin' || me.role === 'office' || me.role === 'reader' || own;
    case 'readAudit':
      return me.role === 'admin' || me.role === 'office';
    default:
      return false;
  }
}

// An officer is bound to one unit: filters and exports are fixed to it.
export function ownUnit(me) {
  return me && me.role === 'unit_officer' ? me.unit_id || '' : '';
}
