/**
 * Grading one submission of an exercise: compile, policy check, the tests run in a bubblewrap
 * sandbox with a signed result protocol, and the result assembled from the pack's trusted test
 * plan.
 */
package org.pruninglab.grading;
