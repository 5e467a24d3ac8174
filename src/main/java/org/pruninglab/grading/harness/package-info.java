/**
 * The test harness that runs inside the sandbox JVM: it runs the exercise's JUnit tests on the
 * student's classes and reports each result as a signed line, and offers the tests their API
 * ({@code Fixtures}, {@code PruningResults}, {@code ResultNames}; docs/pack-format.md). It depends
 * on the JUnit Platform and the lab kit only — never on Spring, Vaadin or the rest of the
 * application — and it keeps the per-run secret in local variables and a private object the student
 * code has no reference to (reflection is refused by the policy check before any code runs).
 */
package org.pruninglab.grading.harness;
