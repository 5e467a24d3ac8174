/**
 * The exercise catalog: it loads and checks the packs of the exercises and grader folders, plans
 * their tests, watches the folders, and answers every feature's question which exercises exist (an
 * {@link org.pruninglab.exercise.Exercise} for pages, a {@link org.pruninglab.exercise.GradingPack}
 * for grading only).
 */
package org.pruninglab.exercise;
