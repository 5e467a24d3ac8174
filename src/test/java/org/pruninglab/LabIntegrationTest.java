package org.pruninglab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application context on a real H2 database in a fresh data directory, shared by every
 * integration test class (one context, started once). Tests use their own usernames.
 */
@SpringBootTest
public abstract class LabIntegrationTest {

  private static final Path DATA_DIR = newDataDir();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("lab.data-dir", DATA_DIR::toString);
    // One sandbox class path and engine cache for every test of the build.
    registry.add(
        "lab.grading.sandbox-dir",
        () -> Path.of("target", "grading", "sandbox").toAbsolutePath().toString());
  }

  protected static Path dataDir() {
    return DATA_DIR;
  }

  private static Path newDataDir() {
    try {
      return Files.createTempDirectory("pruning-lab-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
