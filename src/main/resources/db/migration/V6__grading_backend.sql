-- The shared grading backend (issue 7).
-- attempts counts how often a worker claimed the job; it is also the fencing token: only the
-- attempt that holds the latest number may store the result, so a job revived after its worker
-- died is never stored twice. worker and device say who graded it and on what.
alter table submission add column attempts integer default 0 not null;
alter table submission add column worker varchar(100);
alter table submission add column device varchar(40);

-- Each grading process (the web application's in-process workers, or a worker-only process)
-- announces itself here and refreshes last_seen; the instructors' backend page reads it. Its
-- running jobs are counted from submission.worker, so a dead worker's jobs still show.
create table grading_worker (
  id           varchar(100) primary key,
  host         varchar(200) not null,
  role         varchar(16)  not null,
  threads      integer      not null,
  devices      varchar(400) not null,
  gpu_slots    integer      not null,
  gpu_in_use   integer      not null,
  graded       bigint       not null,
  started_at   timestamp with time zone not null,
  last_seen    timestamp with time zone not null,
  stopped_at   timestamp with time zone
);

-- The web node reads the phases stored since its last look (progress of jobs graded elsewhere).
create index grading_phase_at on grading_phase (at);
-- Jobs per worker, and the queue counts per kind, for the backend page and the metrics.
create index submission_status_worker on submission (status, worker);
