-- Which version of an exercise's tests graded a result: a SHA-256 (hex) of the pack's contents at
-- grading time. Null for the service's own endings (no test ran) and for results stored before.
alter table grading_result add column pack_version varchar(64);
