/**
 * Data for the lab's pictures — weight histograms, mask bitmaps, first-layer kernel maps,
 * accuracy-vs-sparsity curves — as plain values, and an SVG rendering of each. The UI draws the
 * same values with its own chart library; the SVG files are for the {@code pictures} command and
 * for statements.
 */
package org.pruninglab.labkit.pictures;
