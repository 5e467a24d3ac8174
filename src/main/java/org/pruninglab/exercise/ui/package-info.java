/** Teaching staff's page of the exercise packs: which are offered, which are broken and why. */
package org.pruninglab.exercise.ui;
