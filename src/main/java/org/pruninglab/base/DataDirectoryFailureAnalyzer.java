package org.pruninglab.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable data directory into Spring Boot's short "failed to start" report. */
class DataDirectoryFailureAnalyzer
    extends AbstractFailureAnalyzer<DataDirectory.DataDirectoryException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, DataDirectory.DataDirectoryException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set "
            + DataDirectory.PROPERTY
            + " (or LAB_DATA_DIR) to a directory this process can create and write, e.g."
            + " --lab.data-dir=./data",
        cause);
  }
}
