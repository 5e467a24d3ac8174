package org.pruninglab.submission;

/**
 * Where a waiting job stands.
 *
 * @param ahead jobs before it in the queue (running ones not counted)
 * @param estimateSeconds a rough wait: recent jobs' median time × the jobs ahead ÷ workers, plus
 *     its own run
 */
public record QueueStatus(int ahead, long estimateSeconds) {}
