/** Teaching staff's view of the exercise packs and the grading service. */
package org.pruninglab.grading.ui;
