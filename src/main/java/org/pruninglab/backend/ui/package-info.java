/** The grading backend page for staff: queues, workers, devices and recent jobs. */
package org.pruninglab.backend.ui;
