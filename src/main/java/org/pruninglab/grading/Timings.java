package org.pruninglab.grading;

/**
 * Where a job's time went, in milliseconds (0 for a phase that did not run).
 *
 * @param compile compiling the student's file and the tests
 * @param policy the policy check
 * @param sandboxStart from launching the sandbox to the harness's first line (JVM start)
 * @param engineLoad loading the tensor engine inside the sandbox
 * @param tests running the tests, as the sandbox reported them
 * @param total from the start of the job to its result
 */
public record Timings(
    long compile, long policy, long sandboxStart, long engineLoad, long tests, long total) {}
