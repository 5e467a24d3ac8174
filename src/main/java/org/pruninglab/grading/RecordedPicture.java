package org.pruninglab.grading;

/**
 * A picture of a model that a test recorded (a histogram, a mask, kernel maps, a curve), as the
 * sandbox sent it. Untrusted data: it is parsed and checked before it is drawn.
 *
 * @param name what the test called it, e.g. {@code fc1.weight.before}
 * @param kind {@code histogram}, {@code mask}, {@code kernels} or {@code curve}
 * @param json the picture's data
 */
public record RecordedPicture(String name, String kind, String json) {}
