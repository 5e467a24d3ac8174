package org.pruninglab.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes sure {@code lab.data-dir} is a writable directory before anything opens the database in it,
 * so that a wrong setting is reported in one sentence instead of a database stack trace.
 */
public class DataDirectory implements EnvironmentPostProcessor {

  static final String PROPERTY = "lab.data-dir";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    prepare(Path.of(environment.getProperty(PROPERTY, "./data")));
  }

  static void prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new DataDirectoryException(absolute, "it is a file, not a directory");
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new DataDirectoryException(absolute, "it cannot be created (" + e + ")");
    }
    if (!Files.isWritable(absolute)) {
      throw new DataDirectoryException(absolute, "it is not writable by this process");
    }
  }

  /** The data directory cannot be used; the message says why. */
  public static class DataDirectoryException extends IllegalStateException {
    private final Path dir;

    DataDirectoryException(Path dir, String reason) {
      super("The data directory " + dir + " cannot be used: " + reason + ".");
      this.dir = dir;
    }

    public Path dir() {
      return dir;
    }
  }
}
