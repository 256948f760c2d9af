<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionController</name>
    <message>
        <source>All matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New timeout (seconds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every job matching the filter: %n job(s).</source>
        <translation>
            <numerusform>Every job matching the filter: %n job.</numerusform>
            <numerusform>Every job matching the filter: %n jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every job matching the filter: more than %1 jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: every job matching the filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) done…</source>
        <translation>
            <numerusform>%n job done…</numerusform>
            <numerusform>%n jobs done…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n job(s) done.</source>
        <translation>
            <numerusform>%1: %n job done.</numerusform>
            <numerusform>%1: %n jobs done.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <translation>
            <numerusform>%n refused:</numerusform>
            <numerusform>%n refused:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a job, as POST /api/v1/jobs does (to try a worker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminKeyDialog</name>
    <message>
        <source>Admin API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobdeck created the first admin API key. It is shown only now: copy it and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiConnection</name>
    <message>
        <source>The certificate of %1 is not trusted (SHA-256 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Jobdeck server (HTTP %2 without the API&apos;s answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the API key (unknown or revoked).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiKeysView</name>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key &quot;%1&quot; was created. It is shown only now: copy it and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create API key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n API key(s): %1? Clients using them get 401 Unauthorized from their next request on. This cannot be undone.</source>
        <translation>
            <numerusform>Revoke %n API key: %1? Clients using it get 401 Unauthorized from their next request on. This cannot be undone.</numerusform>
            <numerusform>Revoke %n API keys: %1? Clients using them get 401 Unauthorized from their next request on. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke API key %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptsModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed, retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error thrown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkOperationsModel</name>
    <message>
        <source>every job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkOperationsView</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bulk operation yet. &quot;All matching&quot; in the Jobs view, or POST /api/v1/bulk-operations, starts one: the server runs it in small steps, and its progress shows here for every console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop bulk operation %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeGrant</name>
    <message>
        <source>The API key %1 may only read (permission %2): nothing can be changed with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job type&apos;s pause and limits hold for every tenant; the API key %1 sees only %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin key may do this; the API key %1 has the permission %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin key may see this list; the API key %1 has the permission %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>%1 Nothing is read or changed with this key any more; the views show what they last read. Attach again with a valid key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Disconnected from %1: %2 Retrying in %n s; the views show what they last read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>%1 is not a readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file, %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 does not exist or is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new SQLite store will be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1, a Jobdeck store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1, no Jobdeck tables yet (they are created when opened)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleShell</name>
    <message>
        <source>Open store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1:
%2

The console goes back to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1 again:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>Last %n minute</numerusform>
            <numerusform>Last %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue depth per job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1 · completed: %2 (%3 / min) · failed: %4 (%5 %) · p95 processing time: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (write-ahead log %1, free pages %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest finished job kept: %1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no finished job kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a count to see its jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: shown to keys of every tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention: shown to admin keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search key, type, worker, error, variables (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1 — refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error / details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentGroupsModel</name>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <source>Resolved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incident(s)? Each job goes back to CREATED with the new retries and workers can activate it again.

New retries:</source>
        <translation>
            <numerusform>Resolve %n incident? Its job goes back to CREATED with the new retries and workers can activate it again.

New retries:</numerusform>
            <numerusform>Resolve %n incidents? Each job goes back to CREATED with the new retries and workers can activate it again.

New retries:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n incident(s)</source>
        <translation>
            <numerusform>%1 of %n incident</numerusform>
            <numerusform>%1 of %n incidents</numerusform>
        </translation>
    </message>
    <message>
        <source>Show job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, by error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all with this error…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n open incident</numerusform>
            <numerusform>%n open incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error group(s)</source>
        <translation>
            <numerusform>%n error group</numerusform>
            <numerusform>%n error groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolved %n incident(s).</source>
        <translation>
            <numerusform>Resolved %n incident.</numerusform>
            <numerusform>Resolved %n incidents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <translation>
            <numerusform>%n refused:</numerusform>
            <numerusform>%n refused:</numerusform>
        </translation>
    </message>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)? Waiting jobs will never run; active jobs lose their lock and their worker&apos;s answer will be refused. Finished jobs cannot be cancelled.</source>
        <translation>
            <numerusform>Cancel %n job? Waiting jobs will never run; active jobs lose their lock and their worker&apos;s answer will be refused. Finished jobs cannot be cancelled.</numerusform>
            <numerusform>Cancel %n jobs? Waiting jobs will never run; active jobs lose their lock and their worker&apos;s answer will be refused. Finished jobs cannot be cancelled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n job(s) with their history and incidents? This cannot be undone. Active jobs cannot be deleted: cancel them first.</source>
        <translation>
            <numerusform>Delete %n job with their history and incidents? This cannot be undone. Active jobs cannot be deleted: cancel them first.</numerusform>
            <numerusform>Delete %n jobs with their history and incidents? This cannot be undone. Active jobs cannot be deleted: cancel them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n job(s) the number of retries below? A FAILED job with an open incident goes back to the queue and its incident is resolved.</source>
        <translation>
            <numerusform>Give %n job the number of retries below? A FAILED job with an open incident goes back to the queue and its incident is resolved.</numerusform>
            <numerusform>Give %n jobs the number of retries below? A FAILED job with an open incident goes back to the queue and its incident is resolved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Set the priority of %n job(s) to the value below? Finished jobs cannot be changed.</source>
        <translation>
            <numerusform>Set the priority of %n job to the value below? Finished jobs cannot be changed.</numerusform>
            <numerusform>Set the priority of %n jobs to the value below? Finished jobs cannot be changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the timeout of %n job(s) to the value below? An active job&apos;s deadline moves to that long from now. Finished jobs cannot be changed.</source>
        <translation>
            <numerusform>Set the timeout of %n job to the value below? An active job&apos;s deadline moves to that long from now. Finished jobs cannot be changed.</numerusform>
            <numerusform>Set the timeout of %n jobs to the value below? An active job&apos;s deadline moves to that long from now. Finished jobs cannot be changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay %n job(s) as new job(s) with the variables shown? The old job stays as it is; the new one links to it. Only finished jobs can be replayed.</source>
        <translation>
            <numerusform>Replay %n job as new job with the variables shown? The old job stays as it is; the new one links to it. Only finished jobs can be replayed.</numerusform>
            <numerusform>Replay %n jobs as new jobs with the variables shown? The old job stays as it is; the new one links to it. Only finished jobs can be replayed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDetailPanel</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry gives the job new retries and resolves this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is no longer in the list (it is %2 now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy input as JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobExporter</name>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n job(s)…</source>
        <translation>
            <numerusform>Exporting %n job…</numerusform>
            <numerusform>Exporting %n jobs…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the filtered jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) written…</source>
        <translation>
            <numerusform>%n job written…</numerusform>
            <numerusform>%n jobs written…</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to %1 cancelled; no file written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n job(s) to %1</source>
        <translation>
            <numerusform>Exported %n job to %1</numerusform>
            <numerusform>Exported %n jobs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobOverview</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 active jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left of %2 (%3 used); backoff %4, at most %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows (%3 succeeded, %4 failed), %5 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobStateStyle</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error thrown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the job&apos;s last run took: from its activation to its completion, failure, timeout or cancel; counting while it runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobTypesModel</name>
    <message>
        <source>Paused by %1 at %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long polls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation hands out no more than these limits allow (Limits… changes them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 per %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobTypesView</name>
    <message>
        <source>Pause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause job types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1? Workers get no more jobs of a paused type until it is resumed; jobs already active run to the end.

Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <source>Act on every job matching the filter, not only the selected ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many new jobs arrived above these rows: scroll to the top to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jobs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the list does not follow changes. Live (or F5) shows them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow every change of the jobs as it happens; off, the list stays still while you read it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n field}</numerusform>
            <numerusform>{%n fields}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation hands out no more jobs of %1 than these limits allow, on every node of the store. Workers waiting in a long poll get a job as soon as a slot frees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs active at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At m&amp;ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activations per</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jobdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1:%2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy job keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;selected jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;filtered jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop or start the HTTP server; the engine keeps running for the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API stopped (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API cannot listen on %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident %1: job %2 (%3) failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export filtered jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export: the filter is not valid or nothing is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the API? Workers and API clients get &quot;connection refused&quot; until it is started again; held long polls are answered with no jobs. The console keeps working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only mode: the API cannot be stopped or started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchCount</name>
    <message>
        <source>More than %L1 jobs match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) match</source>
        <translation>
            <numerusform>%Ln job matches</numerusform>
            <numerusform>%Ln jobs match</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewJobDialog</name>
    <message>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: ready now; otherwise the job is SCHEDULED until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The type must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ci-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ids separated by commas, or * for every tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one tenant, or * for every tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorTableView</name>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Jobs view filtered to the selected row&apos;s jobs (double-click a row, or a count, does the same)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <source>no system keyring (Secret Service or KWallet) is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring refused access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring could not delete the entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDepthModel</name>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyMode</name>
    <message>
        <source>The console is in read-only mode: nothing can be changed from it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message>
        <source>no answer (%1); the job is read again to see whether it changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer (%1); the view is read again to see whether it changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteConsole</name>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this system.

SHA-256 fingerprint:
%2

Trust it for this server only if it is the fingerprint the server&apos;s administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, tenants %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobdeck %1 · %2 · key %3 (%4%5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables of the new job (JSON object):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON at character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables must be a JSON object ({...}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variables are larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished jobs older than this are deleted with their history, a few hundred at a time in the background. Jobs with an open incident are always kept. Every node of the store applies the same policy (GET|PUT /api/v1/settings/retention).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Completed jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancelled jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Failed jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED and ERROR_THROWN jobs without an open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only mode: the retention policy cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed %1, cancelled %2, failed %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Edit schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute, hour, day of month, month, day of week (or six fields with seconds first): *, 1,2, 1-5, */15, JAN, MON, L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ISO 8601 duration of at least one second: PT30S, PT15M, PT1H, P1D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: create no jobs until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cron:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every: an ISO 8601 duration of at least one second (PT30S, PT15M, PT1H, P1D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This expression never fires (no such date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: 1-100 letters, digits, hyphens or underscores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type: 1-100 letters, digits, hyphens or underscores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables: a JSON object, such as {&quot;report&quot;: &quot;daily&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout: an ISO 8601 duration from PT1S to PT24H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A cron expression has 5 fields (minute, hour, day of month, month, day of week) or 6 with seconds first; this one has %n</source>
        <translation>
            <numerusform>A cron expression has 5 fields (minute, hour, day of month, month, day of week) or 6 with seconds first; this one has %n</numerusform>
            <numerusform>A cron expression has 5 fields (minute, hour, day of month, month, day of week) or 6 with seconds first; this one has %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty list item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L (the last day) is for the day of month only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? is for the day fields only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step of &quot;%1&quot; must be a whole number of at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a name (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range %1 runs backwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone: &quot;%1&quot; is not an IANA time zone (such as Europe/Moscow or UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulesModel</name>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Every hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour at minute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulesView</name>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show last job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedules yet. New… creates one: a job type, and a cron expression on a time zone or an interval (POST /api/v1/schedules).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n schedule(s): %1? The jobs they created stay.</source>
        <translation>
            <numerusform>Delete schedule %1? The jobs it created stay.</numerusform>
            <numerusform>Delete %n schedules: %1? The jobs they created stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the key in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me of new incidents (system tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: no action can change a job or a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh views every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started with --read-only: read-only until the next start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpanText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ms</source>
        <translation>
            <numerusform>%n ms</numerusform>
            <numerusform>%n ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Open store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a recent store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask which store to open at every start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unless --db or JOBDECK_DB names a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s own engine opens the file; a file that does not exist yet becomes a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or PGPASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. /var/run/postgresql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix &amp;socket folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console joins the database as one more Jobdeck node: it sees and acts on the jobs of every node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept by the system keyring, never in Jobdeck&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password cannot be remembered (%1): it is asked for each time. Leave it empty to use ~/.pgpass or PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite stores (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>Choose a SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the PostgreSQL host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreUpkeep</name>
    <message>
        <source>Re&amp;tention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long finished jobs are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL store is backed up with pg_dump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a consistent copy of the store while the server runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention policy cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobdeck store (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the store to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backed up to %1: %n job(s), %2 in %3 s</source>
        <translation>
            <numerusform>Backed up to %1: %n job, %2 in %3 s</numerusform>
            <numerusform>Backed up to %1: %n jobs, %2 in %3 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the store to %1…
%2 of about %3 copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s store is backed up on the server (jobdeck --backup)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>completed / min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkersModel</name>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long polls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations that ended with no answer from the worker: the lock ran out, the activation never reached it, or the job was cancelled while it ran (activated − completed − failed − active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out / cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkersView</name>
    <message>
        <source>Show jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worker has asked for jobs yet. Workers appear here once they activate jobs (POST /api/v1/jobs/activate); a store filled by a generator or an import has jobs but no workers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
