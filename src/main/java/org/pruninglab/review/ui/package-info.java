/**
 * Staff pages for running a course: the gradebook grid, the submission review page and analytics. A
 * feature of its own because it draws on both the gradebook and the students' workspace.
 */
package org.pruninglab.review.ui;
