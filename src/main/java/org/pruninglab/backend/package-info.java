/**
 * The shared grading backend: the queue (db-scheduler on the lab's database: enqueue, supersede,
 * position), the workers that claim, lease a device and grade, the worker registry, the relay of
 * other processes' progress, and the backend's snapshot and metrics; it stores results through the
 * submission feature, which never depends on it.
 */
package org.pruninglab.backend;
