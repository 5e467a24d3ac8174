package org.pruninglab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DataDirectoryTest {

  @TempDir Path tmp;

  @Test
  void a_missing_data_directory_is_created() {
    Path dir = tmp.resolve("a/b/data");

    DataDirectory.prepare(dir);

    assertThat(dir).isDirectory();
  }

  @Test
  void a_file_in_place_of_the_data_directory_is_reported_in_one_sentence() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

    assertThatThrownBy(() -> DataDirectory.prepare(file))
        .isInstanceOfSatisfying(
            DataDirectory.DataDirectoryException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "The data directory "
                          + file
                          + " cannot be used: it is a file, not a directory.");
              FailureAnalysis analysis = new DataDirectoryFailureAnalyzer().analyze(e);
              assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
              assertThat(analysis.getAction()).contains("lab.data-dir");
            });
  }
}
