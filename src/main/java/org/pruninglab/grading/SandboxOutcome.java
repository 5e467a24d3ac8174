package org.pruninglab.grading;

import java.util.List;

/**
 * What the trusted side observed of one sandbox run.
 *
 * @param messages the JSON of every verified protocol line, in order
 * @param exitCode the sandbox's exit status (-1 when it was killed)
 * @param timedOut killed at the wall-clock limit
 * @param outputExceeded killed for sending more signed bytes than the output limit
 * @param stopped killed because the job's stop was requested (its student cancelled it)
 * @param stderrTail the last few kilobytes of standard error, for diagnosing crashes
 * @param firstLineMillis from launch to the first verified line (JVM start)
 * @param wallMillis from launch to exit
 */
public record SandboxOutcome(
    List<String> messages,
    int exitCode,
    boolean timedOut,
    boolean outputExceeded,
    boolean stopped,
    String stderrTail,
    long firstLineMillis,
    long wallMillis) {

  public SandboxOutcome {
    messages = List.copyOf(messages);
  }
}
