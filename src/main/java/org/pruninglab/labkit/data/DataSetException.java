package org.pruninglab.labkit.data;

/** A data file is missing or unreadable; the message names the file and how to get it. */
public class DataSetException extends RuntimeException {

  public DataSetException(String message, Throwable cause) {
    super(message, cause);
  }

  public DataSetException(String message) {
    super(message);
  }
}
