/**
 * The shared grading backend: the queue (db-scheduler on the lab's database: enqueue, supersede,
 * position), the workers that claim, lease a device and grade, the worker registry (its own {@code
 * grading_worker} table, in {@code WorkerRepository}), the relay of other processes' progress, and
 * the backend's snapshot and metrics; it reads jobs and stores results through the submission
 * feature's services, and that feature never depends on it.
 */
package org.pruninglab.backend;
