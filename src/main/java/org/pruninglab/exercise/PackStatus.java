package org.pruninglab.exercise;

/**
 * What staff see of one pack: offered (problem null) or withdrawn with the reason.
 *
 * @param tests public and hidden tests; 0 for a broken pack
 * @param wrongVariants known-wrong variants the build checks
 */
public record PackStatus(
    String id,
    String title,
    double points,
    int tests,
    int wrongVariants,
    String contentHash,
    String problem) {

  public boolean offered() {
    return problem == null;
  }
}
