/**
 * Data for the lab's pictures — weight histograms, mask bitmaps, first-layer kernel maps,
 * accuracy-vs-sparsity curves, bar charts of counts — as plain values, and an SVG rendering of
 * each, which the pages, the {@code pictures} command and the statements all draw.
 */
package org.pruninglab.labkit.pictures;
