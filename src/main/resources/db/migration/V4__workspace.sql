-- A practice run of the public tests ('run') never counts; a 'submission' does.
alter table submission add column kind varchar(16) default 'submission' not null;
alter table submission add constraint submission_kind_known check (kind in ('run', 'submission'));

-- When each grading phase of a submission began (queued, compiling, checking, running, done),
-- kept for the TA view; a phase reached again after a restart keeps its first time.
create table grading_phase (
  submission_id bigint      not null references submission (id),
  phase         varchar(16) not null,
  at            timestamp with time zone not null,
  primary key (submission_id, phase)
);

-- A student's own deadline for an exercise, granted by staff; it replaces the pack's deadline.
create table extension (
  account_id  bigint      not null references account (id),
  exercise_id varchar(40) not null,
  due_at      timestamp with time zone not null,
  granted_by  bigint      not null references account (id),
  granted_at  timestamp with time zone not null,
  primary key (account_id, exercise_id)
);
