/** The seeds' pruning pipelines end to end, with the numbers the reproduction table reports. */
package org.pruninglab.labkit.repro;
