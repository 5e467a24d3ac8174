/** The deadlines page: exercise schedules, grade release and extensions. */
package org.pruninglab.deadline.ui;
