package org.pruninglab.exercise;

/** A pack that cannot be offered, with the reason an instructor can act on. */
public final class PackException extends RuntimeException {

  private final String packId;

  public PackException(String packId, String reason) {
    super(packId + ": " + reason);
    this.packId = packId;
  }

  public String packId() {
    return packId;
  }

  public String reason() {
    return getMessage().substring(packId.length() + 2);
  }
}
