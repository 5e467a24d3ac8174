/** Timings of the lab kit's hot paths, for the benchmark command (never for tests). */
package org.pruninglab.labkit.bench;
