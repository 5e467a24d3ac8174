package org.pruninglab.workspace;

/**
 * One test as the reader may see it.
 *
 * @param hidden whether it is one of the hidden tests (shown because its visibility allows it)
 * @param output what the test and the student's code printed while it ran, or null
 * @param counted whether its points count in the score shown with it; false for a hidden test shown
 *     before grades are released (its row says whether it passed, not its points)
 */
public record ShownTest(
    String name,
    boolean passed,
    double points,
    double maxPoints,
    String message,
    boolean hidden,
    String output,
    boolean counted) {}
