// /desk: what an investigator watches all day — incidents, finding a caller's report, and
// the newest reports, all kept current over server-sent events.
import { IncidentsTable } from './incidents-table.js';
import { NewestReports, ReferenceSearch } from './reports-panels.js';

export function IncidentsPage({ announce }: { announce: (text: string) => void }) {
  return (
    <>
      <h1 tabIndex={-1}>Incidents and reports</h1>
      <IncidentsTable announce={announce} />
      <div class="od-two">
        <ReferenceSearch />
      </div>
      <NewestReports />
    </>
  );
}
