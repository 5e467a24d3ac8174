package org.pruninglab.exercise;

/**
 * One test of an exercise's test plan, as discovered from the compiled tests when the pack loads.
 * Points come from here, never from what the sandbox reports.
 *
 * @param id JUnit unique id of the test method or parameterised-test template
 * @param displayName what students read
 * @param points earned when the test (every invocation of a template) passes
 * @param hidden whether it belongs to the hidden tests
 */
public record PlannedTest(
    String id,
    String className,
    String methodName,
    String displayName,
    double points,
    Visibility visibility,
    boolean hidden) {}
