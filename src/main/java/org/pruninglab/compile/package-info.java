/**
 * Compiling Java sources in-process and the code policy that says what student code may use: a leaf
 * that both the exercise catalog (to check packs) and grading (to check submissions) use.
 */
package org.pruninglab.compile;
